package dev.isola.kernel.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A cooperative context: an export {@code () -> ()} run on the container's instance.
 *
 * @param export the export's name
 * @param period present: the export is called once per period; empty: it is started once
 */
public record ContextSpec(String export, Optional<Duration> period) {
  public ContextSpec {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(period, "period");
  }
}
