package dev.isola.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container ({@code [containers.NAME]}). Defaults are applied by the parser, so every field is set.
 *
 * @param name the container's name (the TOML key)
 * @param module the module's path, resolved against the system file's directory
 * @param priority 0..99, higher runs first
 * @param criticality who gives way first on overload
 * @param budget CPU time per period; empty = unlimited
 * @param memoryLimitBytes the container's memory limit (own memory, grown stacks included; regions not)
 * @param restart the restart policy
 * @param watchdog the longest run without reaching a safepoint or returning from a host call
 * @param stackBytes the stack region for each extra context and for portal calls
 * @param regions the regions mapped, by region name
 * @param portalImports names of the portals this container imports
 * @param portalExports the portals this container exports, by portal name
 * @param contexts cooperative contexts; empty = a WASI command ({@code _start} run once)
 * @param args command arguments (after argv[0], which is the container's name)
 * @param env command environment
 * @param peripherals the board resource bound to each of the module's peripheral labels ({@code
 *     [containers.NAME.peripherals]}, label -> resource name), in file order
 * @param interrupts the priority of each interrupt line given one ({@code [containers.NAME.interrupts]}, label
 *     -> 0..99); a line not listed runs at {@link #interruptPriority(String)}'s default
 * @param maskLimit the longest one of the container's interrupt lines may stay masked before the kernel unmasks it
 */
public record ContainerSpec(
    String name,
    Path module,
    int priority,
    Criticality criticality,
    Optional<Budget> budget,
    long memoryLimitBytes,
    RestartPolicy restart,
    Duration watchdog,
    long stackBytes,
    Map<String, RegionAccess> regions,
    List<String> portalImports,
    Map<String, PortalSpec> portalExports,
    List<ContextSpec> contexts,
    List<String> args,
    Map<String, String> env,
    Map<String, String> peripherals,
    Map<String, Integer> interrupts,
    Duration maskLimit) {
  /** The lowest priority. */
  public static final int MIN_PRIORITY = 0;

  /** The highest priority. */
  public static final int MAX_PRIORITY = 99;

  /** Default priority. */
  public static final int DEFAULT_PRIORITY = 0;

  /** Default memory limit: 16 MiB. */
  public static final long DEFAULT_MEMORY_LIMIT = 16L << 20;

  /** Default watchdog: 1 s. */
  public static final Duration DEFAULT_WATCHDOG = Duration.ofSeconds(1);

  /** Default stack region per extra context: 64 KiB. */
  public static final long DEFAULT_STACK = 64L << 10;

  /** Default mask limit: 10 ms. */
  public static final Duration DEFAULT_MASK_LIMIT = Duration.ofMillis(10);

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(restart, "restart");
    Objects.requireNonNull(watchdog, "watchdog");
    regions = SystemSpec.orderedCopy(regions);
    portalImports = List.copyOf(portalImports);
    portalExports = SystemSpec.orderedCopy(portalExports);
    contexts = List.copyOf(contexts);
    args = List.copyOf(args);
    env = SystemSpec.orderedCopy(env);
    peripherals = SystemSpec.orderedCopy(peripherals);
    interrupts = SystemSpec.orderedCopy(interrupts);
    Objects.requireNonNull(maskLimit, "maskLimit");
  }

  /** A container without peripherals (no bindings, no interrupt priorities, the default mask limit). */
  public ContainerSpec(String name, Path module, int priority, Criticality criticality, Optional<Budget> budget,
      long memoryLimitBytes, RestartPolicy restart, Duration watchdog, long stackBytes,
      Map<String, RegionAccess> regions, List<String> portalImports, Map<String, PortalSpec> portalExports,
      List<ContextSpec> contexts, List<String> args, Map<String, String> env) {
    this(name, module, priority, criticality, budget, memoryLimitBytes, restart, watchdog, stackBytes, regions,
        portalImports, portalExports, contexts, args, env, Map.of(), Map.of(), DEFAULT_MASK_LIMIT);
  }

  /**
   * The priority the handler of interrupt line {@code label} runs at: the one {@code [containers.NAME.interrupts]}
   * gives it, by default one above the container's own (so a handler preempts its container's tasks), at most
   * {@link #MAX_PRIORITY}.
   */
  public int interruptPriority(String label) {
    Integer given = interrupts.get(label);
    return given != null ? given : Math.min(priority + 1, MAX_PRIORITY);
  }

  /** Whether this container is a WASI command (no contexts: its {@code _start} runs once). */
  public boolean isCommand() {
    return contexts.isEmpty();
  }
}
