package dev.isola.kernel;

import java.util.List;

/**
 * A running (or stopped) system's figures.
 *
 * @param name the system's name
 * @param wallNanos time since the system started
 * @param idleNanos time during which no run permit was held
 * @param containers one summary per container, in the system file's order
 */
public record SystemSummary(String name, long wallNanos, long idleNanos, List<ContainerSummary> containers) {
  public SystemSummary {
    containers = List.copyOf(containers);
  }

  /** The container named {@code name}. */
  public ContainerSummary container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no container " + name));
  }
}
