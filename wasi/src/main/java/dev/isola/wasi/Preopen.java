package dev.isola.wasi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory made visible to the guest as a preopened directory descriptor.
 *
 * @param hostPath the directory on the host
 * @param guestPath the name the guest sees through {@code fd_prestat_dir_name} (for example {@code "/"})
 */
public record Preopen(Path hostPath, String guestPath) {
  public Preopen {
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(guestPath, "guestPath");
  }
}
