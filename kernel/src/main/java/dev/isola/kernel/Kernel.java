package dev.isola.kernel;

import dev.isola.compiler.Compiler;
import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.HalException;
import dev.isola.hal.board.BoardFileException;
import dev.isola.interp.Interpreter;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.container.Container;
import dev.isola.kernel.container.ContainerState;
import dev.isola.kernel.container.PortalDirectory;
import dev.isola.kernel.container.PortalExporter;
import dev.isola.kernel.container.Services;
import dev.isola.kernel.io.Peripherals;
import dev.isola.kernel.portal.PortalImports;
import dev.isola.kernel.region.Region;
import dev.isola.kernel.sched.GroupStats;
import dev.isola.kernel.sched.Scheduler;
import dev.isola.kernel.sched.SchedulerConfig;
import dev.isola.kernel.sched.SchedulerStats;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Module;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.WasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One running system: its scheduler, its regions and its containers, built from a checked {@link SystemSpec}.
 *
 * <pre>{@code
 * SystemSpec spec = SystemCheck.load(Path.of("demo.toml"));   // every problem, with lines, or a spec
 * try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults())) {
 *   kernel.start();
 *   kernel.awaitStopped(Duration.ofSeconds(10));                // or until Ctrl-C
 *   SwapOutcome o = kernel.swap("sensor", Path.of("sensor-v2.wasm"));
 *   SystemSummary s = kernel.summary();
 * }                                                             // stops every container
 * }</pre>
 *
 * <p>Thread-safe: {@link #swap}, {@link #summary} and {@link #stop} may come from any thread (the control
 * socket, a shutdown hook).
 */
public final class Kernel implements AutoCloseable {
  private final SystemSpec spec;
  private final KernelOptions options;
  private final Engine engine;
  private final Scheduler scheduler;
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final Map<String, PortalImports> portals = new LinkedHashMap<>();
  /** The board and the containers' I/O handles; closed after the containers at {@link #stop()}. */
  private final Peripherals peripherals;
  private volatile boolean stopped;

  private Kernel(SystemSpec spec, KernelOptions options, Engine engine, Map<String, Module> modules,
                 Peripherals peripherals) {
    this.spec = spec;
    this.peripherals = peripherals;
    this.options = options;
    this.engine = engine;
    this.scheduler = Scheduler.start(new SchedulerConfig(spec.cpus(), spec.slice(),
        dev.isola.kernel.sched.Clock.SYSTEM));
    PortalDirectory directory = name -> Optional.<PortalExporter>ofNullable(containers.get(name));
    for (ContainerSpec c : spec.containers().values()) {
      portals.put(c.name(), PortalImports.of(spec, c, directory));
    }
    Services services = new Services(engine, scheduler, spec.regions(), Region.createAll(spec.regions()),
        (importer, imports) -> portals.get(importer.name()).define(imports), options.log(), scheduler.nanoTime(),
        peripherals);
    for (ContainerSpec c : spec.containers().values()) {
      containers.put(c.name(), new Container(c, modules.get(c.name()), services));
    }
  }

  /**
   * Compiles every container's module (once: restarts reuse it) and prepares the system; nothing of it runs until
   * {@link #start()}. The first kernel of a JVM runs the start-up {@link Rehearsal} here, once its modules have
   * compiled (its length is an option), so that the first activations of the system's contexts do not run the
   * kernel's paths cold; the system's clock starts after it.
   *
   * @throws KernelException naming the container and file if a module cannot be read or compiled
   */
  public static Kernel create(SystemSpec spec, KernelOptions options) throws KernelException {
    Engine engine = engine(spec);
    Map<String, Module> modules = new LinkedHashMap<>();
    for (ContainerSpec c : spec.containers().values()) {
      modules.put(c.name(), compile(engine, c.name(), c.module()));
    }
    Rehearsal.once(options.rehearsal(), spec.tier()).ifPresent(why -> options.log().line(spec.name(),
        "[kernel] the start-up rehearsal failed, starting cold: " + why));
    return new Kernel(spec, options, engine, modules, peripherals(spec));
  }

  /**
   * Opens the system's board once: the file {@code [system] board} names, else the built-in {@code sim} board.
   * A system that names no board and binds no peripheral opens none, so it runs without any backend installed.
   */
  private static Peripherals peripherals(SystemSpec spec) throws KernelException {
    if (!spec.usesBoard()) {
      return Peripherals.none();
    }
    try {
      return Peripherals.of(Boards.open(spec.board()));
    } catch (BoardFileException e) {
      throw new KernelException(e.getMessage(), e);
    } catch (HalException e) {
      throw new KernelException("board " + spec.board().map(Path::toString).orElse(Boards.DEFAULT) + ": "
          + e.getMessage(), e);
    }
  }

  /** The system's board, if it opened one (for live views of its readings, and tests). */
  public Optional<Board> board() {
    return peripherals.board();
  }

  /**
   * The system's engine: the tier the file names. {@code auto} is the compiler tier, which itself falls back to
   * the interpreter, visibly and per module, for what it cannot compile.
   */
  private static Engine engine(SystemSpec spec) {
    ExecutionTier tier = switch (spec.tier()) {
      case INTERP -> new Interpreter();
      case COMPILED, AUTO -> new Compiler();
    };
    return Engine.of(EngineConfig.of(tier).withFeatures(SystemCheck.FEATURES));
  }

  private static Module compile(Engine engine, String container, Path file) throws KernelException {
    try {
      return engine.compile(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new KernelException("container " + container + ": cannot read " + file + ": " + e.getMessage(), e);
    } catch (WasmException e) {
      throw new KernelException("container " + container + ": " + file + ": " + e.getMessage(), e);
    }
  }

  public SystemSpec spec() {
    return spec;
  }

  /**
   * Starts every container, in the system file's order, except that portal exporters start first and the others
   * wait (at most {@link #EXPORTER_BOOT}) until each exporter's instance exists: otherwise an importer's first call
   * would race its exporter's instantiation and get {@code ISOLA_EUNAVAILABLE} for a service that is only
   * starting.
   */
  public void start() {
    List<Container> exporters = containers.values().stream()
        .filter(c -> !c.spec().portalExports().isEmpty())
        .toList();
    exporters.forEach(Container::start);
    long deadline = System.nanoTime() + EXPORTER_BOOT.toNanos();
    for (Container c : exporters) {
      while (!c.settled() && System.nanoTime() - deadline < 0) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    containers.values().forEach(Container::start);
  }

  /** The longest {@link #start} waits for portal exporters to be instantiated before starting the rest. */
  static final Duration EXPORTER_BOOT = Duration.ofSeconds(5);

  /**
   * Waits until every container has stopped for good (commands that ended, no restart due) or {@code timeout}
   * passed.
   *
   * @return true if every container stopped
   */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!allStopped()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      // A coarse poll: this is the operator's wait, not a scheduling path.
      Thread.sleep(Math.min(20, Math.max(1, left / 1_000_000)));
    }
    return true;
  }

  private boolean allStopped() {
    return containers.values().stream().allMatch(c -> c.state() == ContainerState.STOPPED);
  }

  /**
   * Replaces {@code container}'s module with the one in {@code file}: checked first (it must decode, validate,
   * and fit the container's entry in the system file); then the old instance is stopped at its next safepoint
   * and the new one started; if the new one fails within the grace period, the old module comes back. Other
   * containers run on throughout.
   */
  public SwapOutcome swap(String container, Path file) throws InterruptedException {
    Container c = containers.get(container);
    if (c == null) {
      return new SwapOutcome.Refused(container, "no such container (the system has "
          + String.join(", ", containers.keySet()) + ")");
    }
    if (stopped) {
      return new SwapOutcome.Refused(container, "the system is stopping");
    }
    Module candidate;
    try {
      candidate = compile(engine, container, file);
    } catch (KernelException e) {
      return new SwapOutcome.Refused(container, e.getMessage());
    }
    List<String> problems = c.fit(candidate);
    if (!problems.isEmpty()) {
      return new SwapOutcome.Refused(container, file + ": " + String.join("; ", problems));
    }
    CompletableFuture<SwapOutcome> result = c.swap(candidate, options.swapGrace());
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("swap of " + container + " failed", e.getCause());
    }
  }

  /** The container {@code name}, if the system has one: its figures, its interrupt lines. */
  public Optional<Container> container(String name) {
    return Optional.ofNullable(containers.get(name));
  }

  /** A snapshot of every container's figures. */
  public SystemSummary summary() {
    List<ContainerSummary> rows = new ArrayList<>();
    for (Container c : containers.values()) {
      GroupStats g = c.schedulerStats();
      rows.add(new ContainerSummary(c.name(), c.state().name().toLowerCase(java.util.Locale.ROOT), g.cpuNanos(),
          g.budgetShareUsed(), g.budgetPeriods(), g.activations(), g.deadlineMisses(), g.worstLatenessNanos(),
          c.traps(), c.restarts(), portals.get(c.name()).calls(), g.dutyCycle(), c.swaps(), c.rollbacks(),
          c.lastOutcome().map(o -> o.describe()).orElse("")));
    }
    SchedulerStats s = scheduler.stats();
    return new SystemSummary(spec.name(), s.wallNanos(), s.idleNanos(), rows);
  }

  /** A line of the kernel's own in the log (under the system's name). */
  void log(String text) {
    options.log().line(spec.name(), "[kernel] " + text);
  }

  /** Stops every container (no restarts) and the scheduler; waits for their tasks to end. Idempotent. */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Container c : containers.values()) {
      all.add(c.stop("the system stopped"));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    peripherals.close();
    scheduler.shutdown();
  }

  @Override
  public void close() {
    stop();
  }
}
