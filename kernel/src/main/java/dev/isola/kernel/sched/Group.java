package dev.isola.kernel.sched;

import dev.isola.kernel.config.Budget;
import dev.isola.kernel.config.Criticality;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tasks of one container: one priority, one criticality, one budget, and one exclusion, because one Wasm
 * instance runs one thing at a time (design.md section 2). A task of the group runs guest code only while it
 * owns the group's exclusion; it gives it up when it sleeps, yields, blocks or ends (not when it is preempted,
 * throttled or suspended: its instance is mid-execution), and the next waiting task gets it in FIFO order.
 */
public final class Group {
  final Scheduler scheduler;
  private final GroupSpec spec;
  private final long createdAt;
  final long budgetNanos;
  final long periodNanos;
  /** The watchdog limit, or 0 for none (read on every mount). */
  final long watchdogNanos;

  // Guarded by the scheduler's lock.
  /** The task that owns the exclusion (runs, or would run, this group's instance), or null. */
  Task owner;
  /** Tasks waiting for the exclusion: this group's own, and foreign tasks making portal calls. */
  final ArrayDeque<Task> waiters = new ArrayDeque<>();
  /** Tasks that own the exclusion but wait for replenishment or for the end of a suspension. */
  final ArrayDeque<Task> held = new ArrayDeque<>();
  long periodStart;
  boolean replenishPending;
  long shedSeq;
  private final List<Task> live = new ArrayList<>();
  /**
   * The task that runs handlers when no task of the group owns the exclusion, or null. Written under the lock;
   * volatile because {@link Task#level()} reads it on the task's own thread.
   */
  volatile Task interruptTask;

  /** The lines of the current incarnation, or null; read by checkpoints and under the lock. */
  volatile InterruptLines interruptLines;

  /** Read on the checkpoint fast path; written under the lock. */
  volatile long periodEnd;
  volatile boolean suspended;
  /**
   * The two reasons for {@link #suspended}, kept apart so that neither ends the other: shed by the overload
   * policy (ended by its timer, {@code Timer.Unshed}) and paused by {@link #suspend()} (ended only by {@link
   * #resume()}). The group is suspended while either holds. Guarded by the scheduler's lock.
   */
  boolean shed;

  boolean paused;

  /** Charged by the running task's thread without the lock; rolled over under the lock. */
  final AtomicLong periodUsed = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();

  // Counters: written under the lock (throttles, sheds), read by stats without it.
  volatile long throttles;
  volatile long sheds;
  private final Object activationLock = new Object();
  private long activations;
  private long deadlineMisses;
  private long worstLateness;

  Group(Scheduler scheduler, GroupSpec spec, long now) {
    this.scheduler = scheduler;
    this.spec = spec;
    this.createdAt = now;
    this.budgetNanos = spec.budget().map(b -> b.time().toNanos()).orElse(0L);
    this.periodNanos = spec.budget().map(b -> b.period().toNanos()).orElse(0L);
    this.watchdogNanos = spec.watchdog().map(Duration::toNanos).orElse(0L);
    this.periodStart = now;
    this.periodEnd = now + periodNanos;
  }

  public String name() {
    return spec.name();
  }

  public GroupSpec spec() {
    return spec;
  }

  public int priority() {
    return spec.priority();
  }

  public Criticality criticality() {
    return spec.criticality();
  }

  public Optional<Budget> budget() {
    return spec.budget();
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * Starts {@code body} on a new virtual thread as a task of this group; it runs once it owns the group's
   * exclusion and a permit. An exception from the body ends the task (see {@link Task#failure()}).
   *
   * @throws IllegalStateException if the scheduler was shut down
   */
  public Task spawn(String name, Runnable body) {
    return scheduler.spawn(this, name, body, Thread.ofVirtual());
  }

  /**
   * As {@link #spawn}, for the task that runs the group's interrupt handlers when none of its other tasks holds
   * its instance: on a platform thread of its own. Why not a virtual one like the rest: that task spends its life
   * parked and every interrupt starts with waking it, and waking a virtual thread costs a carrier's OS wake-up
   * plus the carrier pool's hand-off; on the development VM that put the JDK's own floor at p99 27 us, above
   * the 20 us goal, against 12 us for a parked platform thread (see bench/README.md, "Interrupt latency"). It
   * costs one OS thread per container that handles interrupts, parked when idle, and the same permits and
   * priorities as every task: the kernel's scheduler, not the OS, still decides when it runs Wasm.
   */
  public Task spawnInterruptTask(String name, Runnable body) {
    return scheduler.spawn(this, name, body, Thread.ofPlatform().daemon());
  }

  /**
   * Marks every live task killed (see {@link Task#kill}): running ones stop at their next checkpoint, waiting
   * ones at once, blocked ones are interrupted. From any thread.
   */
  public void kill(String reason) {
    for (Task t : liveTasks()) {
      t.kill(reason);
    }
  }

  /** Waits until every task spawned so far has ended. */
  public void await() throws InterruptedException {
    synchronized (live) {
      while (!live.isEmpty()) {
        live.wait();
      }
    }
  }

  /** Waits at most {@code timeout} for every task to end; true if they did. */
  public boolean await(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (live) {
      while (!live.isEmpty()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        live.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** The tasks that have not ended. */
  public List<Task> liveTasks() {
    synchronized (live) {
      return List.copyOf(live);
    }
  }

  /**
   * Stops the group from running (its running task parks at its next checkpoint, keeping the exclusion)
   * until {@link #resume()}: for a hot swap's quiet point or an operator's pause. Independent of shedding by
   * the overload policy: the end of a shedding hold does not end this pause, and {@link #resume()} does not
   * end a shedding hold. From any thread.
   */
  public void suspend() {
    scheduler.suspend(this);
  }

  /** Ends a {@link #suspend()} (the group runs again unless the overload policy sheds it). From any thread. */
  public void resume() {
    scheduler.resume(this);
  }

  /**
   * Gives the group interrupt lines (one incarnation's) and the task that runs their handlers when no task of
   * the group owns the exclusion: it must loop on {@link Task#awaitWake} and call {@link Task#checkpoint()}
   * when woken (the checkpoint runs the handlers, at level -1: every pending line). Replaces earlier lines.
   */
  public void attachInterrupts(InterruptLines lines, Task interruptTask) {
    scheduler.attachInterrupts(this, lines, interruptTask);
  }

  /** Takes {@code lines} away again (the incarnation ended); nothing if other lines replaced them. */
  public void detachInterrupts(InterruptLines lines) {
    scheduler.detachInterrupts(this, lines);
  }

  /**
   * A line of priority {@code priority} became pending (or was unmasked while pending): the task that owns the
   * exclusion is raised to that priority and asked for a checkpoint, or, if none does, the interrupt task is
   * woken at that priority. From any thread (an event source's); takes the scheduler's lock briefly.
   */
  public void interrupt(int priority) {
    scheduler.interrupt(this, priority);
  }

  /** A snapshot of the group's figures. */
  public GroupStats stats() {
    long now = scheduler.clock.nanoTime();
    long cpu = cpuNanos.get();
    long wall = Math.max(1, now - createdAt);
    long periods = periodNanos == 0 ? 0 : Math.max(1, wall / periodNanos);
    double shareUsed = periodNanos == 0 ? Double.NaN : (double) cpu / ((double) budgetNanos * periods);
    long throttleCount = throttles;
    long shedCount = sheds;
    synchronized (activationLock) {
      return new GroupStats(
          name(), cpu, wall, (double) cpu / wall, shareUsed, periods, throttleCount, activations,
          deadlineMisses, worstLateness, shedCount);
    }
  }

  // ---- mechanism, used by Task and Scheduler ----

  void added(Task t) {
    synchronized (live) {
      live.add(t);
    }
  }

  void ended(Task t) {
    synchronized (live) {
      live.remove(t);
      live.notifyAll();
    }
  }

  /** Charges {@code used} ns (by the running task's thread); true if the budget is used up or the period ended. */
  boolean charge(long used, long now) {
    cpuNanos.addAndGet(used);
    if (periodNanos == 0) {
      return false;
    }
    return periodUsed.addAndGet(used) >= budgetNanos || now - periodEnd >= 0;
  }

  /** Like {@link #charge} without charging: whether the lock must be taken to roll or throttle. */
  boolean budgetUsedUp(long now) {
    return periodNanos != 0 && (periodUsed.get() >= budgetNanos || now - periodEnd >= 0);
  }

  /**
   * Under the lock: starts the current period if one or more have ended. Usage beyond the budget (the overrun
   * between the last checkpoint and the moment the budget ran out) is carried into the next period as debt,
   * so the long-run share converges on the budget.
   *
   * <p>Unused budget is carried only when the group is <em>backlogged</em> at the roll (its task is running,
   * ready or waiting for this replenishment, not sleeping, blocked or suspended), and at most one budget's
   * worth: then the budget went unused because the task could not run (a replenishment or a grant that came
   * late, a carrier descheduled by a loaded OS, a higher-priority group), not because it had nothing to do.
   * Without this, every period lost that way was lost for good: under load a 2 ms / 10 ms group got 15-19%.
   * A group that idled gets no credit (no bursts after idling); a backlogged one may use up to two budgets in
   * the period after a lost one, and over any run of n periods never more than n + 1 budgets.
   */
  void rollIfDue(long now) {
    if (periodNanos == 0 || now - periodEnd < 0) {
      return;
    }
    long k = (now - periodStart) / periodNanos;
    periodStart += k * periodNanos;
    periodEnd = periodStart + periodNanos;
    long used = periodUsed.get();
    long floor = backlogged() ? -budgetNanos : 0;
    long left = Math.max(floor, used - k * budgetNanos);
    periodUsed.addAndGet(left - used);
  }

  /** Under the lock: whether this group's own task wants the CPU now (see {@link #rollIfDue}). */
  private boolean backlogged() {
    Task o = owner;
    if (o == null || o.group != this || suspended) {
      return false;
    }
    return switch (o.state) {
      case RUNNING, READY, THROTTLED -> true;
      case NEW, WAITING_OWNER, SLEEPING, BLOCKED, DONE -> false;
    };
  }

  /** Under the lock: whether the budget of the current period is used up. */
  boolean exhausted(long now) {
    rollIfDue(now);
    return periodNanos != 0 && periodUsed.get() >= budgetNanos;
  }

  /** Records a completed periodic activation (on the activation's own thread). */
  void recordActivation(long lateness, boolean missed, long skipped) {
    synchronized (activationLock) {
      activations++;
      deadlineMisses += (missed ? 1 : 0) + skipped;
      worstLateness = Math.max(worstLateness, lateness);
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
