package dev.isola.kernel.sched;

import dev.isola.runtime.SafepointHandler;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One piece of guest work (a context, a {@code _start} command, a periodic activation loop) running on its own
 * virtual thread, as part of a {@link Group}. It runs only while it holds a run permit; the scheduler decides
 * when. The methods without a "from any thread" note must be called on the task's own thread, usually through
 * {@link #current()}.
 *
 * <p>Life cycle: {@link Group#spawn} starts the virtual thread, which waits for its group's exclusion and a
 * permit, runs the body, and gives both back when the body ends (normally or not).
 */
public final class Task {
  /** The task of the running thread; bound for the body's whole run (portal calls keep the caller's task). */
  private static final ScopedValue<Task> CURRENT = ScopedValue.newInstance();

  /** Where the task is; guarded by the scheduler's lock. */
  enum State {
    NEW,
    /** Wants to run but another task of its group holds the group's exclusion. */
    WAITING_OWNER,
    /** In the run queue. */
    READY,
    RUNNING,
    /** Its group's budget is used up (or the group is suspended): waits for replenishment. */
    THROTTLED,
    /** In the timer queue, possibly also wakeable by {@link #wake()}. */
    SLEEPING,
    /** Inside {@link #block}: no permit, running a blocking operation. */
    BLOCKED,
    DONE
  }

  final Scheduler scheduler;
  final Group group;
  private final String name;
  final Runnable body;
  Thread thread;

  // Guarded by the scheduler's lock.
  State state = State.NEW;
  /** Sequence of the current Wake timer; a fired timer with another sequence is stale. */
  long wakeSeq;
  /** The current Wake timer, removed from the queue when the wait ends otherwise (wake, kill). */
  Timer.Wake wakeTimer;
  /** Set by wake() when the task is not waiting: the next awaitWake returns at once (like LockSupport). */
  boolean wakePending;
  /** Whether the last wait ended by wake() rather than by its deadline. */
  boolean wokenByWake;
  /** Whether the current SLEEPING wait may be ended by wake() (awaitWake) or only by its timer (sleep). */
  boolean wakeable;
  /** The group whose exclusion this task waits for while WAITING_OWNER. */
  Group waitingFor;
  /** Foreign groups' exclusions held (portal calls); while any, blocking keeps the home exclusion too. */
  final List<Group> foreign = new ArrayList<>(1);

  // Interrupts (design.md section 3; the package documentation, "Interrupts").
  /**
   * The priority of the highest pending interrupt line this task was raised to (it owns its group's exclusion,
   * so it runs the handler at its next checkpoint), or -1. Written under the lock, and only while the task is
   * in no priority-ordered queue (or after taking it out: see {@code Scheduler.raise}); read on the
   * checkpoint's fast path.
   */
  volatile int raised = -1;
  /** The priority of the innermost handler this task runs, or -1. Written only by its own thread, running. */
  volatile int handlerLevel = -1;
  /** Set under the lock when a line above {@link #level()} became pending: the next checkpoint services it. */
  volatile boolean interruptRequested;

  /** Set under the lock by the scheduler, read by the task's thread while it parks. */
  volatile boolean granted;
  /** Asked by the scheduler (under the lock) to give the permit back at the next checkpoint. */
  volatile boolean preemptRequested;
  volatile String killReason;
  /** Store.requestSafepoint of whatever store this task runs, so a preemption or kill is noticed soon. */
  private volatile Runnable preemptHook;

  // Watchdog: written by the task's thread, read by the watchdog thread. Opaque accesses (plain moves on
  // x86, never cached in a register): the watchdog needs the value eventually, not ordered with anything,
  // and a volatile store's fence on every checkpoint would cost more than the rest of the fast path.
  private long lastProgress;
  volatile boolean inHost;
  /** Whether the watchdog already fired for this task (reported once). */
  volatile boolean watchdogFired;
  /**
   * Whether the task holds a permit <em>and</em> its thread has resumed with it ({@link #startRunning}): set
   * by the task's thread, cleared under the lock when the permit goes back. The watchdog watches only such
   * tasks: between a grant and the thread's mount (every carrier busy, the OS descheduling the carrier) the
   * task runs no guest code, and that wait must not count as silence.
   */
  volatile boolean mounted;

  // Written only by the task's own thread (charging), read by stats.
  private long lastCharge;
  private long sliceStart;
  /** Opaque like lastProgress: written by the task's own thread only, read by stats. */
  private long cpuNanos;
  private volatile Throwable failure;

  private static final VarHandle LAST_PROGRESS;
  private static final VarHandle CPU_NANOS;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      LAST_PROGRESS = l.findVarHandle(Task.class, "lastProgress", long.class);
      CPU_NANOS = l.findVarHandle(Task.class, "cpuNanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** When the task last reached a checkpoint or a host-call boundary (or got its permit). */
  long lastProgress() {
    return (long) LAST_PROGRESS.getOpaque(this);
  }

  void progressAt(long now) {
    LAST_PROGRESS.setOpaque(this, now);
  }

  Task(Scheduler scheduler, Group group, String name, Runnable body) {
    this.scheduler = scheduler;
    this.group = group;
    this.name = name;
    this.body = body;
  }

  /**
   * The safepoint handler every store of the kernel uses: a checkpoint of the {@linkplain #current() current
   * task}, whichever store it is running (a portal call runs the exporter's store on the caller's task), and
   * nothing on a thread that is no task's (instantiation on the kernel's own thread).
   */
  public static final SafepointHandler SAFEPOINT_HANDLER =
      store -> {
        Task t = current();
        if (t != null) {
          t.checkpoint();
        }
      };

  /** The task of the calling thread, or null if the thread is not a task's. */
  public static Task current() {
    return CURRENT.isBound() ? CURRENT.get() : null;
  }

  public String name() {
    return name;
  }

  public Group group() {
    return group;
  }

  /**
   * The priority the task runs (or waits) at: its group's, raised to that of a pending interrupt line it is to
   * serve and to that of the handler it runs (the one priority space of design.md section 3).
   */
  public int priority() {
    return Math.max(group.priority(), Math.max(raised, handlerLevel));
  }

  /**
   * The running priority interrupt lines must exceed to preempt this task: the handler it runs, else its
   * group's priority, or -1 for the group's interrupt task between handlers (it exists to run them all).
   */
  public int level() {
    int h = handlerLevel;
    if (h >= 0) {
      return h;
    }
    return group.interruptTask == this ? -1 : group.priority();
  }

  /**
   * Enters a handler of priority {@code priority} (from {@link InterruptLines#service}, on this task's thread):
   * the task runs at that priority, and only higher lines preempt it. Returns the level to give back to
   * {@link #leaveHandler}.
   */
  public int enterHandler(int priority) {
    // Without the lock: only this thread writes the level, and the task runs (it is in no queue), so the
    // level changes its place nowhere. The thread that raised the line often still holds the lock when the
    // task sees the request; waiting for it here parked the task (and unmounted it) on every interrupt. The
    // raise stays until the service ends (moreInterrupts, under the lock), so the priority never drops below
    // a line still pending.
    int saved = handlerLevel;
    handlerLevel = priority;
    return saved;
  }

  /**
   * Leaves a handler entered by {@link #enterHandler}; {@code saved} is what that returned. A better task
   * waiting for the permit gets it at the next checkpoint (its fast path compares priorities).
   */
  public void leaveHandler(int saved) {
    handlerLevel = saved;
  }

  /** CPU time this task held a permit for, charged at checkpoints and releases. */
  public long cpuNanos() {
    return (long) CPU_NANOS.getOpaque(this);
  }

  /** What ended the body if it did not return normally (a {@link Trap}, a guest exit, a bug), or null. */
  public Throwable failure() {
    return failure;
  }

  /** Why the task was killed, or null. From any thread. */
  public String killReason() {
    return killReason;
  }

  /** Whether the body has ended. From any thread. */
  public boolean isDone() {
    return scheduler.stateOf(this) == State.DONE;
  }

  /**
   * Sets what to call (from another thread) when the task must reach a checkpoint soon: typically {@code
   * store::requestSafepoint} of the store it runs. Null for none.
   */
  public void setPreemptRequest(Runnable hook) {
    this.preemptHook = hook;
  }

  void requestPreempt() {
    preemptRequested = true;
    Runnable h = preemptHook;
    if (h != null) {
      h.run();
    }
  }

  /**
   * The scheduling point, called from the store's safepoint handler (and from Java loops in tests): charges
   * the CPU time used since the last call, then parks if a higher-priority task is waiting for this permit,
   * if the slice ended and an equal-priority task is ready, if the group's budget is used up, or if the group
   * is suspended. Returns when the task may go on.
   *
   * <p>The fast path reads a few volatile fields and the clock once; the scheduler's lock is taken only when
   * one of the conditions above may hold.
   *
   * @throws Trap {@link TrapKind#INTERRUPTED} if the task was killed
   */
  public void checkpoint() {
    long now = scheduler.clock.nanoTime();
    LAST_PROGRESS.setOpaque(this, now);
    if (killReason != null) {
      throw killTrap();
    }
    boolean exhausted = charge(now);
    if (exhausted || preemptRequested || group.suspended) {
      scheduler.reschedule(this, now);
      return;
    }
    int best = scheduler.bestReady;
    int prio = priority();
    if (best > prio || (best == prio && now - sliceStart >= scheduler.sliceNanos)) {
      scheduler.reschedule(this, now);
    }
    if (interruptRequested) {
      serviceInterrupts();
    }
  }

  /**
   * An interrupt point outside the store's polls: the end of a host call (the kernel calls it when a host
   * function returns normally). A guest that calls the host in a tight loop reaches its next poll only after
   * a whole chunk of such calls; here the pending handlers run at once, nested as at a checkpoint. Costs one
   * volatile read when nothing is pending.
   */
  public void interruptPoint() {
    if (interruptRequested) {
      serviceInterrupts();
    }
  }

  /**
   * Runs the pending interrupt handlers above this task's level as nested calls, then gives the raise back.
   * Not inside a portal call (a foreign exclusion held): the handler would run in the middle of another
   * container's code and keep it held; it runs at the first checkpoint back home.
   */
  private void serviceInterrupts() {
    if (!foreign.isEmpty()) {
      return;
    }
    InterruptLines lines = group.interruptLines;
    // moreInterrupts sets the raise to the next line's priority (under the lock, so that a line raised
    // meanwhile is never lost); a task waiting at a priority between that line and the last one gets the
    // permit first: the last handler's priority no longer counts.
    while (scheduler.moreInterrupts(this)) {
      if (scheduler.bestReady > priority()) {
        scheduler.reschedule(this, scheduler.clock.nanoTime());
      }
      if (lines == null || !lines.service(this)) {
        lines = group.interruptLines; // replaced or taken away meanwhile: look again
        if (lines == null) {
          scheduler.dropInterrupts(this);
          return;
        }
      }
    }
    // Back at the priority of the interrupted code: a task that waited for this permit gets it now.
    if (scheduler.bestReady > priority()) {
      scheduler.reschedule(this, scheduler.clock.nanoTime());
    }
  }

  /**
   * Charges CPU time up to {@code now} to this task and its group; true if the group's budget is now used up.
   * Only the task's own thread calls this, while it holds a permit.
   */
  boolean charge(long now) {
    long used = now - lastCharge;
    lastCharge = now;
    if (used <= 0) {
      return group.budgetUsedUp(now);
    }
    CPU_NANOS.setOpaque(this, cpuNanos + used);
    return group.charge(used, now);
  }

  /** Called on the task's thread when it (again) holds a permit: CPU time counts from here. */
  void startRunning() {
    long now = scheduler.clock.nanoTime();
    lastCharge = now;
    sliceStart = now;
    LAST_PROGRESS.setOpaque(this, now);
    // After lastProgress: the watchdog reads mounted (volatile) first, so it never sees the old progress.
    mounted = true;
    if (group.watchdogNanos > 0) {
      // It watches from now on; woken only if it would look too late (see Watchdog: not an unpark per mount).
      scheduler.watchdogMounted(now, group.watchdogNanos);
    }
  }

  /**
   * How long this task has run guest code: the time it held a permit with its thread running, up to now when
   * called on its own thread (the stretch since the last checkpoint included), up to the last checkpoint or
   * release from other threads. Time spent waiting for a permit, throttled by the budget, suspended or shed,
   * sleeping, blocked or waiting for an exclusion is not counted, so differences of this figure are what a
   * "ran too long without a host call" watchdog must compare with its limit (wall-clock differences count the
   * waits too). It is wall time while running, on the scheduler's clock: an overloaded machine's OS
   * preemptions are included.
   */
  public long runNanos() {
    long cpu = cpuNanos();
    if (Thread.currentThread() == thread && mounted) {
      cpu += Math.max(0, scheduler.clock.nanoTime() - lastCharge);
    }
    return cpu;
  }

  /** A new slice starts (no equal-priority task was waiting when the old one ended). */
  void renewSlice(long now) {
    sliceStart = now;
  }

  long sliceStart() {
    return sliceStart;
  }

  /** Gives the CPU to any ready task of the same or higher priority, then returns holding a permit again. */
  public void yieldNow() {
    checkKilled();
    scheduler.yieldNow(this);
  }

  /**
   * Releases the permit (and the group's exclusion, so another context may run) until {@code nanoTime} (on
   * the scheduler's clock); returns holding them again, never before {@code nanoTime}. Returns at once if the
   * time has passed. On the system clock the task is woken a little early and spins the rest holding the
   * permit (see the package documentation, "Sleep manager"), so that it starts on time.
   *
   * @throws Trap {@link TrapKind#INTERRUPTED} if the task is killed meanwhile
   */
  public void sleepUntil(long nanoTime) {
    checkKilled();
    long now = scheduler.clock.nanoTime();
    if (nanoTime - now > 0 && nanoTime - scheduler.earlyNanos - now <= 0) {
      // Due within the early-wake margin: no timer, but still a switching point (a sibling context, an equal
      // priority gets its turn, as with a longer sleep); then the rest is spun below.
      scheduler.yieldNow(this);
    } else {
      scheduler.await(this, nanoTime, true, false);
    }
    arriveAt(nanoTime);
  }

  /**
   * The end of a sleep woken early on purpose (see {@code SleepManager.EARLY_NANOS}): spins, holding the
   * permit, until the clock reaches {@code nanoTime}; a higher-priority task that comes meanwhile still gets
   * the permit (a checkpoint), and a kill still ends the wait.
   */
  private void arriveAt(long nanoTime) {
    Clock clock = scheduler.clock;
    while (clock.nanoTime() - nanoTime < 0) {
      Thread.onSpinWait();
      if (preemptRequested || killReason != null) {
        checkpoint();
      }
    }
  }

  /** {@link #sleepUntil} {@code now + duration}. */
  public void sleepFor(Duration duration) {
    sleepUntil(scheduler.clock.nanoTime() + duration.toNanos());
  }

  /**
   * Waits without a permit until {@link #wake()} is called or {@code deadlineNanos} passes (Long.MAX_VALUE: no
   * deadline). A wake that came before the call is not lost. The hook for events (issue 5's interrupts, a
   * portal's exporter coming back).
   *
   * @return true if woken by {@link #wake()}, false at the deadline
   * @throws Trap {@link TrapKind#INTERRUPTED} if the task is killed meanwhile
   */
  public boolean awaitWake(long deadlineNanos) {
    checkKilled();
    return scheduler.await(this, deadlineNanos, deadlineNanos != Long.MAX_VALUE, true);
  }

  /** Wakes this task from {@link #awaitWake} (or makes its next call return at once). From any thread. */
  public void wake() {
    scheduler.wakeTask(this);
  }

  /**
   * Runs a blocking operation (I/O, a queue) without the permit and without the group's exclusion (unless a
   * foreign group's exclusion is held: see {@link #enter}), then waits for both again. If the task is killed
   * meanwhile its thread is interrupted.
   *
   * @throws Trap {@link TrapKind#INTERRUPTED} if killed (also when the operation was interrupted for the kill)
   */
  public <T> T block(Blocking<T> operation) {
    checkKilled();
    return scheduler.block(this, operation);
  }

  /**
   * Marks the start of a host call: the watchdog measures from here. A task stuck inside a host call longer
   * than the watchdog limit is killed and its thread interrupted.
   */
  public void enterHost() {
    LAST_PROGRESS.setOpaque(this, scheduler.clock.nanoTime());
    inHost = true;
  }

  /** Marks the end of a host call (see {@link #enterHost}). */
  public void leaveHost() {
    inHost = false;
    LAST_PROGRESS.setOpaque(this, scheduler.clock.nanoTime());
  }

  /**
   * Takes another group's exclusion for a portal call: the exporter's instance runs on this thread, at this
   * task's priority, charged to this task's group, and no task of the exporter runs meanwhile. Waits without
   * the permit if a task of {@code other} holds it. Close the result to give it back (on this thread).
   *
   * <p>While a foreign exclusion is held, sleeping or blocking keeps every exclusion (the home one too), so
   * that the order in which exclusions are taken stays home-then-foreign. Cyclic portal calls (A calls B
   * while B calls A) would deadlock and must be refused before start.
   *
   * @throws Trap {@link TrapKind#INTERRUPTED} if killed while waiting
   */
  public Exclusion enter(Group other) {
    checkKilled();
    if (other == group) {
      throw new IllegalArgumentException("a task cannot enter its own group: " + other.name());
    }
    scheduler.enter(this, other);
    return new Exclusion(this, other);
  }

  /**
   * Marks the task killed: its next checkpoint (or the wait it is in) throws a {@link TrapKind#INTERRUPTED}
   * trap with the reason; a task inside a host call or {@link #block} is interrupted. From any thread.
   */
  public void kill(String reason) {
    scheduler.kill(this, reason);
  }

  /** Throws the kill trap if this task was killed. */
  void checkKilled() {
    if (killReason != null) {
      throw killTrap();
    }
  }

  Trap killTrap() {
    return new Trap(TrapKind.INTERRUPTED, killReason);
  }

  /** Parks the calling (own) thread until the scheduler grants a permit or the task is killed. */
  void awaitGrant() {
    while (!granted) {
      if (killReason != null) {
        scheduler.withdraw(this);
        throw killTrap();
      }
      LockSupport.park(this);
    }
    startRunning();
  }

  /** The thread's whole life: wait for the exclusion and a permit, run the body bound as current, give back. */
  void run() {
    try {
      scheduler.arrive(this);
      ScopedValue.where(CURRENT, this).run(body);
    } catch (Throwable e) {
      // The body's owner (the container) handles its own outcomes; what escapes is kept for it to read, not
      // printed by the virtual thread's default handler.
      failure = e;
    } finally {
      scheduler.depart(this);
    }
  }

  @Override
  public String toString() {
    return group.name() + "/" + name;
  }
}
