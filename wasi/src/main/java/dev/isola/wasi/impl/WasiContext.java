package dev.isola.wasi.impl;

import dev.isola.wasi.Preopen;
import dev.isola.wasi.WasiConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state of one WASI guest: its configuration and file descriptors 0, 1, 2 (standard streams) and 3.. (the
 * preopens, in order). One guest runs one call at a time, so nothing here is synchronised.
 */
public final class WasiContext {
  private final WasiConfig config;
  private final FdTable fds = new FdTable();

  public WasiContext(WasiConfig config) {
    this.config = config;
    fds.put(0, StreamDescriptor.input(config.stdin()));
    fds.put(1, StreamDescriptor.output(config.stdout()));
    fds.put(2, StreamDescriptor.output(config.stderr()));
    int fd = 3;
    for (Preopen p : config.preopens()) {
      Path host;
      try {
        // The real path: the resolver relies on the base having no link in it.
        host = p.hostPath().toRealPath();
      } catch (IOException e) {
        throw new UncheckedIOException("preopen " + p.hostPath() + " is not accessible", e);
      }
      if (!Files.isDirectory(host)) {
        throw new IllegalArgumentException("preopen " + p.hostPath() + " is not a directory");
      }
      DirectoryDescriptor preopen =
          new DirectoryDescriptor(host, host, p.guestPath(), Rights.DIRECTORY, Rights.DIRECTORY_INHERITING);
      fds.put(fd++, preopen);
    }
  }

  public WasiConfig config() {
    return config;
  }

  public FdTable fds() {
    return fds;
  }
}
