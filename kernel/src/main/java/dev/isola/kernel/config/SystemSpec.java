package dev.isola.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole system as the system file describes it, defaults applied. Maps keep the file's order (containers start
 * in file order, reports list them in file order).
 *
 * @param file the system file (absolute)
 * @param name the system's name ({@code [system] name}, default the file's name without extension)
 * @param cpus run permits (virtual CPUs), default the machine's cores
 * @param slice round-robin slice among equal priorities, default 5ms
 * @param tier the execution tier
 * @param board the board file ({@code [system] board}, resolved against the file's directory); empty = the
 *     built-in simulated board {@code sim}
 * @param regions shared-memory regions by name
 * @param containers containers by name
 */
public record SystemSpec(
    Path file,
    String name,
    int cpus,
    Duration slice,
    TierChoice tier,
    Optional<Path> board,
    Map<String, RegionSpec> regions,
    Map<String, ContainerSpec> containers) {
  /** Default slice: 5 ms. */
  public static final Duration DEFAULT_SLICE = Duration.ofMillis(5);

  public SystemSpec {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(board, "board");
    regions = orderedCopy(regions);
    containers = orderedCopy(containers);
  }

  /** A system on the built-in simulated board (no {@code [system] board}). */
  public SystemSpec(Path file, String name, int cpus, Duration slice, TierChoice tier,
      Map<String, RegionSpec> regions, Map<String, ContainerSpec> containers) {
    this(file, name, cpus, slice, tier, Optional.empty(), regions, containers);
  }

  /**
   * Whether the system needs a board: it names one, or a container binds a peripheral. A system without either
   * opens none, so it runs (and checks) without any backend installed.
   */
  public boolean usesBoard() {
    return board.isPresent() || containers.values().stream().anyMatch(c -> !c.peripherals().isEmpty());
  }

  /** Every portal of the system by name, with its first exporter in file order (the check refuses a second). */
  public Map<String, PortalSpec> portals() {
    Map<String, PortalSpec> all = new LinkedHashMap<>();
    for (ContainerSpec c : containers.values()) {
      // The first exporter wins; the check reports any second one.
      c.portalExports().forEach(all::putIfAbsent);
    }
    return Collections.unmodifiableMap(all);
  }

  /** The portal named {@code name}, if a container exports it. */
  public Optional<PortalSpec> portal(String name) {
    return Optional.ofNullable(portals().get(name));
  }

  /** An unmodifiable copy that keeps {@code map}'s iteration order ({@link Map#copyOf} does not). */
  static <K, V> Map<K, V> orderedCopy(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
  }
}
