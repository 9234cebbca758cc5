package dev.isola.kernel.container;

import dev.isola.kernel.SwapOutcome;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.RestartPolicy;
import dev.isola.kernel.irq.InterruptController;
import dev.isola.kernel.sched.Exclusion;
import dev.isola.kernel.sched.Group;
import dev.isola.kernel.sched.GroupSpec;
import dev.isola.kernel.sched.GroupStats;
import dev.isola.kernel.sched.Task;
import dev.isola.runtime.Function;
import dev.isola.runtime.Global;
import dev.isola.runtime.GuestExit;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Module;
import dev.isola.runtime.Trap;
import dev.isola.wasi.Wasi;
import dev.isola.wasi.WasiConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One container of a running system: its scheduler group (for its whole life, so its figures span restarts),
 * its current {@link Incarnation}, and a supervisor that applies the restart policy and carries out swaps.
 *
 * <p>The supervisor is one virtual thread per container that runs no guest code. Every change of incarnation
 * (an end, a restart after the backoff, a swap, a rollback, a stop) happens on it, one event at a time from
 * its queue, so no two of them ever race: a trap that arrives while a swap is stopping the old instance is
 * just a stale event, recognised because its incarnation is no longer the current one.
 */
public final class Container implements PortalExporter {
  private final ContainerSpec spec;
  private final Services services;
  private final Group group;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  private volatile Module module;
  private volatile Incarnation current;
  private volatile ContainerState state = ContainerState.NEW;
  private volatile Outcome lastOutcome;
  private final AtomicLong traps = new AtomicLong();
  private final AtomicLong restarts = new AtomicLong();
  private final AtomicLong swaps = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  private int incarnations;
  /** Failures in a row, for the exponential backoff; reset by a clean end or a long enough run. */
  private int consecutiveFailures;

  private sealed interface Event {
    record Ended(Incarnation incarnation, Outcome outcome) implements Event {}

    record Swap(Module module, Duration grace, CompletableFuture<SwapOutcome> result) implements Event {}

    record Stop(String reason) implements Event {}
  }

  /** A swap in its grace period: the module to go back to, until when, and who waits for the answer. */
  private record Trial(Module old, long deadline, CompletableFuture<SwapOutcome> result) {}

  public Container(ContainerSpec spec, Module module, Services services) {
    this.spec = spec;
    this.module = module;
    this.services = services;
    this.group = services.scheduler().group(new GroupSpec(spec.name(), spec.priority(), spec.criticality(),
        spec.budget(), Optional.of(spec.watchdog())));
  }

  public ContainerSpec spec() {
    return spec;
  }

  Services services() {
    return services;
  }

  public Group group() {
    return group;
  }

  @Override
  public String name() {
    return spec.name();
  }

  public ContainerState state() {
    return state;
  }

  /** The module the container runs now (after a swap: the new one; after a rollback: the old one). */
  public Module module() {
    return module;
  }

  /** How the last incarnation ended, if one has. */
  public Optional<Outcome> lastOutcome() {
    return Optional.ofNullable(lastOutcome);
  }

  /**
   * The interrupt lines of the running incarnation (empty while none is booted): its figures, and a way for
   * the kernel's tests and benchmarks to attach sources and trigger lines themselves.
   */
  public Optional<InterruptController> interrupts() {
    Incarnation inc = current;
    return inc != null && inc.booted() ? Optional.of(inc.interrupts()) : Optional.empty();
  }

  /** The scheduler's figures for this container (CPU, budget, activations, deadlines). */
  public GroupStats schedulerStats() {
    return group.stats();
  }

  /** Incarnations that ended by a trap, a host failure or the watchdog. */
  public long traps() {
    return traps.get();
  }

  public long restarts() {
    return restarts.get();
  }

  public long swaps() {
    return swaps.get();
  }

  public long rollbacks() {
    return rollbacks.get();
  }

  /**
   * Every reason {@code candidate} cannot replace this container's module (its entry points, portal exports,
   * imports and regions against the system file); empty if it fits.
   */
  public List<String> fit(Module candidate) {
    try (Wasi wasi = new Wasi(WasiConfig.builder().build())) {
      // Only the names and types of the offered imports are read: nothing is bound to a live incarnation.
      Imports offered = Incarnation.imports(spec, services, wasi, null);
      return ModuleFit.problems(spec, candidate.model(), offered, services.regionSpecs());
    }
  }

  /** Starts the supervisor, which starts the first incarnation. */
  public void start() {
    if (state != ContainerState.NEW) {
      return;
    }
    state = ContainerState.RUNNING;
    Thread.ofVirtual().name("isola-supervisor-" + spec.name()).start(this::supervise);
  }

  /**
   * Replaces the module (already checked by the caller) at the next safepoint of the running instance; if the
   * new one fails within {@code grace}, the old one comes back. Completes when the answer is known.
   */
  public CompletableFuture<SwapOutcome> swap(Module newModule, Duration grace) {
    CompletableFuture<SwapOutcome> result = new CompletableFuture<>();
    events.add(new Event.Swap(newModule, grace, result));
    return result;
  }

  /** Stops the container for good (no restart); completes when its tasks have ended. */
  public CompletableFuture<Void> stop(String reason) {
    if (state == ContainerState.NEW) {
      state = ContainerState.STOPPED;
      stopped.complete(null);
    }
    events.add(new Event.Stop(reason));
    return stopped;
  }

  /** Called by an incarnation when it ends (on whatever thread saw the end). */
  void ended(Incarnation incarnation, Outcome outcome) {
    events.add(new Event.Ended(incarnation, outcome));
  }

  // ---- the supervisor ----

  private void supervise() {
    Trial trial = null;
    long backoffUntil = 0;
    try {
      launch();
      while (true) {
        Event e;
        long now = services.scheduler().nanoTime();
        if (state == ContainerState.BACKOFF) {
          e = events.poll(Math.max(0, backoffUntil - now), TimeUnit.NANOSECONDS);
        } else if (trial != null) {
          e = events.poll(Math.max(0, trial.deadline() - now), TimeUnit.NANOSECONDS);
        } else {
          e = events.take();
        }
        now = services.scheduler().nanoTime();
        if (e == null) {
          if (trial != null && now - trial.deadline() >= 0) {
            trial.result().complete(new SwapOutcome.Swapped(spec.name()));
            trial = null;
          }
          if (state == ContainerState.BACKOFF && now - backoffUntil >= 0) {
            restarts.incrementAndGet();
            log("restarting (restart " + restarts.get() + ")");
            launch();
          }
          continue;
        }
        switch (e) {
          case Event.Ended(Incarnation inc, Outcome outcome) -> {
            if (inc != current) {
              continue; // stopped by this supervisor already (swap, stop): nothing more to do
            }
            settle(inc, outcome);
            if (trial != null) {
              if (outcome.failure()) {
                rollbacks.incrementAndGet();
                module = trial.old();
                log("rolling back to the previous module: the new one " + outcome.describe());
                trial.result().complete(new SwapOutcome.RolledBack(spec.name(), outcome.describe()));
                trial = null;
                launch();
                continue;
              }
              trial.result().complete(new SwapOutcome.Swapped(spec.name()));
              trial = null;
            }
            Optional<Duration> delay = restartDelay(inc, outcome);
            if (delay.isPresent()) {
              state = ContainerState.BACKOFF;
              backoffUntil = now + delay.get().toNanos();
              log("restart in " + delay.get().toMillis() + "ms (policy " + spec.restart().kind().keyword() + ")");
            } else {
              state = ContainerState.STOPPED;
            }
          }
          case Event.Swap(Module next, Duration grace, CompletableFuture<SwapOutcome> result) -> {
            if (trial != null) {
              result.complete(new SwapOutcome.Refused(spec.name(), "a swap of this container is in progress"));
              continue;
            }
            stopCurrent("hot swap");
            swaps.incrementAndGet();
            trial = new Trial(module, now + grace.toNanos(), result);
            module = next;
            consecutiveFailures = 0;
            log("swapped in the new module (grace period " + grace.toMillis() + "ms)");
            launch();
          }
          case Event.Stop(String reason) -> {
            stopCurrent(reason);
            if (trial != null) {
              trial.result().complete(new SwapOutcome.Refused(spec.name(), "the system stopped during the swap"));
            }
            state = ContainerState.STOPPED;
            stopped.complete(null);
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A bug of the kernel's, not the guest's: report it in the log, keep the rest of the system running.
      log("supervisor failed: " + e);
    } finally {
      state = ContainerState.STOPPED;
      stopped.complete(null);
    }
  }

  private void launch() throws InterruptedException {
    Incarnation inc = new Incarnation(this, module, ++incarnations);
    current = inc;
    state = ContainerState.RUNNING;
    // On a platform thread: preparing an incarnation is a burst of CPU work outside the scheduler's permits; on
    // a virtual thread it would hold one of the carriers that permit holders need, and delay their guests.
    Thread prepare = Thread.ofPlatform().daemon().name("isola-prepare-" + spec.name()).start(inc::start);
    prepare.join();
  }

  /** After an end: the incarnation's tasks are all gone (killed at their next safepoint), its files closed. */
  private void settle(Incarnation inc, Outcome outcome) throws InterruptedException {
    group.kill(outcome.describe());
    group.await();
    inc.close();
    current = null;
    lastOutcome = outcome;
    switch (outcome) {
      case Outcome.Trapped t -> traps.incrementAndGet();
      case Outcome.WatchdogExpired w -> traps.incrementAndGet();
      case Outcome.Exited x -> { }
      case Outcome.Stopped s -> { }
      case Outcome.FailedToStart f -> { }
    }
    log(outcome.describe());
  }

  private void stopCurrent(String reason) throws InterruptedException {
    Incarnation inc = current;
    if (inc == null) {
      return;
    }
    // end() kills the tasks unless something ended the incarnation first; either way it is over now.
    inc.end(new Outcome.Stopped(reason));
    Outcome outcome = inc.outcome();
    settle(inc, outcome);
  }

  /** When to start again under the restart policy, or empty to stay stopped. */
  private Optional<Duration> restartDelay(Incarnation inc, Outcome outcome) {
    RestartPolicy policy = spec.restart();
    boolean restart = switch (policy.kind()) {
      case NEVER -> false;
      case ON_FAILURE -> outcome.failure();
      case ALWAYS -> !(outcome instanceof Outcome.Stopped);
    };
    if (!restart) {
      return Optional.empty();
    }
    long ran = services.scheduler().nanoTime() - inc.startedAt();
    if (!outcome.failure() || ran > policy.maxBackoff().toNanos()) {
      // A clean end, or a run longer than the longest wait: the next failure starts the backoff afresh.
      consecutiveFailures = 0;
    }
    if (outcome.failure()) {
      consecutiveFailures++;
    }
    return Optional.of(backoff(policy, consecutiveFailures));
  }

  /** {@code backoff * 2^(failures-1)}, at most {@code maxBackoff}; the plain backoff after a clean end. */
  static Duration backoff(RestartPolicy policy, int failures) {
    long base = policy.backoff().toNanos();
    long max = policy.maxBackoff().toNanos();
    long delay = base;
    for (int i = 1; i < failures && delay < max; i++) {
      delay = delay > max / 2 ? max : delay * 2;
    }
    return Duration.ofNanos(Math.min(delay, max));
  }

  private void log(String text) {
    services.log().line(spec.name(), "[kernel] " + text);
  }

  // ---- portals ----

  @Override
  public <R> R call(PortalCall<R> call) {
    Task task = Task.current();
    if (task == null) {
      throw new IllegalStateException("a portal call must run in a task");
    }
    ContextRun caller = Incarnation.CONTEXT.isBound() ? Incarnation.CONTEXT.get() : null;
    if (!available()) {
      throw new ExporterUnavailableException(spec.name(), "it is " + describeState());
    }
    Exclusion held = task.enter(group);
    try {
      // Re-read: the exporter may have ended, restarted or been swapped while this caller waited.
      Incarnation inc = current;
      if (inc == null || !inc.booted()) {
        throw new ExporterUnavailableException(spec.name(), "it is " + describeState());
      }
      Global sp = inc.stackPointer();
      long saved = sp != null ? sp.raw() : 0;
      task.setPreemptRequest(inc.store()::requestSafepoint);
      try {
        return call.run(new Frame(inc));
      } catch (Trap t) {
        if (task.killReason() != null) {
          throw t; // the caller's own kill, swap or watchdog, noticed in the exporter's code: the caller's end
        }
        inc.end(new Outcome.Trapped("portal call", t.getMessage()));
        throw new ExporterUnavailableException(spec.name(), "it trapped: " + t.getMessage());
      } catch (GuestExit x) {
        inc.end(new Outcome.Exited(x.status()));
        throw new ExporterUnavailableException(spec.name(), "it exited with status " + x.status());
      } finally {
        if (sp != null) {
          sp.setRaw(saved);
        }
        task.setPreemptRequest(caller != null ? caller.incarnation().store()::requestSafepoint : null);
      }
    } finally {
      held.close();
    }
  }

  private boolean available() {
    Incarnation inc = current;
    return inc != null && inc.booted();
  }

  /** True once the instance exists (a portal call can be served) or the container has stopped for good. */
  public boolean settled() {
    return available() || state == ContainerState.STOPPED;
  }

  private String describeState() {
    return switch (state) {
      case NEW -> "not started";
      case RUNNING -> current == null ? "stopping" : "starting";
      case BACKOFF -> "waiting to restart";
      case STOPPED -> "stopped";
    };
  }

  /** One portal call's frame: buffers go on the portal stack, top down. */
  private static final class Frame implements PortalFrame {
    private final Incarnation inc;
    private int top;

    Frame(Incarnation inc) {
      this.inc = inc;
      this.top = inc.portalTop();
      Global sp = inc.stackPointer();
      if (sp != null && top != 0) {
        sp.setRaw(top);
      }
    }

    @Override
    public Instance instance() {
      return inc.instance();
    }

    @Override
    public Memory memory() {
      return inc.instance().memoryCount() > 0 ? inc.instance().memory(0) : null;
    }

    @Override
    public Function export(String name) {
      return inc.instance().function(name);
    }

    @Override
    public int push(int length) {
      long aligned = ((long) length + 15) & ~15L;
      long free = (long) top - inc.portalBase();
      if (length < 0 || aligned > free) {
        throw new PortalStackOverflowException(inc.container().name(), length, free);
      }
      top -= (int) aligned;
      Global sp = inc.stackPointer();
      if (sp != null) {
        sp.setRaw(top);
      }
      return top;
    }
  }
}
