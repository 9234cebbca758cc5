package dev.isola.kernel.sched;

import dev.isola.kernel.config.Criticality;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The kernel's scheduler: {@code cpus} run permits handed to the highest-priority ready tasks (package
 * documentation). All shared state is guarded by one lock, held in short blocks; tasks park and unpark
 * outside it. Methods here are called by {@link Task} and {@link Group} on the threads their notes say.
 *
 * <p>Longer than most files on purpose: every transition of a task's state (and of a group's exclusion) is
 * here, beside the one lock that guards them, so the invariants can be checked in one read. The mechanisms
 * without such transitions live apart: {@link RunQueue}, {@link SleepManager}, {@link Watchdog}.
 */
public final class Scheduler {
  final Clock clock;
  final long sliceNanos;
  /** How early a sleep's timer fires (0 on a hand-driven clock); see {@link SleepManager#EARLY_NANOS}. */
  final long earlyNanos;
  private final SchedulerConfig config;
  private final long shedHoldNanos;

  /**
   * The one lock. It guards: the run queue, the running list and the free-permit count, every task's {@link
   * Task.State}, every group's owner, waiters, held tasks and period bounds, and the timer queue.
   */
  private final ReentrantLock lock = new ReentrantLock();

  private final RunQueue ready = new RunQueue();
  /** Tasks granted a permit under the lock, to unpark once it is released ({@link #unlock()}). */
  private final ArrayList<Task> granted = new ArrayList<>();
  private final List<Task> running = new ArrayList<>();
  private int free;
  private final SleepManager sleeps;

  /**
   * The best priority in the run queue, or -1; written under the lock, read by every checkpoint's fast path
   * so that a running task takes the lock only when someone may be waiting for its permit.
   */
  volatile int bestReady = -1;

  private final List<Group> groups = new CopyOnWriteArrayList<>();
  private final Watchdog watchdog;
  private volatile boolean shutdown;

  // Stats, under the lock.
  private final long startedAt;
  private long lastPermitChange;
  private long idleNanos;
  private long permitBusyNanos;
  private long grants;
  private long preemptions;
  private long sliceEnds;
  private long throttles;

  private Scheduler(SchedulerConfig config) {
    this.config = config;
    this.clock = config.clock();
    this.sliceNanos = config.slice().toNanos();
    this.shedHoldNanos = config.shedHold().toNanos();
    this.free = config.cpus();
    this.startedAt = clock.nanoTime();
    this.lastPermitChange = startedAt;
    this.watchdog = new Watchdog(this);
    // Spinning before a due time only makes sense on the real clock: a hand-driven one does not move meanwhile.
    boolean real = clock == Clock.SYSTEM;
    this.sleeps = new SleepManager(this::fireDueTimers, real ? SleepManager.SPIN_NANOS : 0);
    this.earlyNanos = real ? SleepManager.EARLY_NANOS : 0;
  }

  /**
   * Starts a scheduler: its timer thread and its watchdog thread (both platform daemons, parked when idle).
   * Permit holders each occupy a carrier thread of the JDK's virtual-thread scheduler until they park, so
   * there must be at least {@code cpus} carriers ({@link #carriers()}); with fewer, a task granted a permit
   * can wait for a carrier behind a spinning guest. A warning is logged in that case.
   */
  public static Scheduler start(SchedulerConfig config) {
    if (config.cpus() > carriers()) {
      System.getLogger(Scheduler.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "cpus = {0} exceeds the {1} virtual-thread carriers; start the JVM with"
                  + " -Djdk.virtualThreadScheduler.parallelism={0}",
              config.cpus(),
              carriers());
    }
    Scheduler s = new Scheduler(config);
    s.sleeps.start();
    s.watchdog.start();
    return s;
  }

  /** The JDK's virtual-thread carrier count (its parallelism property, else the available processors). */
  public static int carriers() {
    return Integer.getInteger(
        "jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
  }

  public SchedulerConfig config() {
    return config;
  }

  /** The scheduler's clock reading. */
  public long nanoTime() {
    return clock.nanoTime();
  }

  /** Creates a group (a container's share of the scheduler). Its first budget period starts now. */
  public Group group(GroupSpec spec) {
    if (shutdown) {
      throw new IllegalStateException("scheduler was shut down");
    }
    Group g = new Group(this, spec, clock.nanoTime());
    groups.add(g);
    return g;
  }

  /** The groups created so far. */
  public List<Group> groups() {
    return List.copyOf(groups);
  }

  /** The sum of the groups' budget shares ({@code time/period}), in CPUs; unlimited groups count 0. */
  public double reservedShare() {
    return groups.stream().mapToDouble(g -> g.budget().map(b -> b.share()).orElse(0.0)).sum();
  }

  /** Sets who is told when the watchdog kills a task (null for nobody). */
  public void onWatchdog(WatchdogListener listener) {
    watchdog.listener = listener;
  }

  /** Wakes {@code task} from {@link Task#awaitWake} (the event-source hook). From any thread. */
  public void wake(Task task) {
    task.wake();
  }

  /** One pass of the watchdog at the clock's time, on the calling thread (tests with a hand-driven clock). */
  void watchdogScan() {
    watchdog.scan(clock.nanoTime());
  }

  /** After a hand-driven {@link Clock} moved: makes the timer thread look at its queue again. */
  public void timeChanged() {
    sleeps.poke();
    watchdog.poke();
  }

  /** Permits held now (for tests and the idle measure). */
  public int heldPermits() {
    lock.lock();
    try {
      return config.cpus() - free;
    } finally {
      unlock();
    }
  }

  /** A snapshot of the scheduler's own figures. */
  public SchedulerStats stats() {
    lock.lock();
    try {
      long now = clock.nanoTime();
      accountPermits(now);
      return new SchedulerStats(
          now - startedAt, idleNanos, permitBusyNanos, grants, preemptions, sliceEnds, throttles);
    } finally {
      unlock();
    }
  }

  /**
   * Suspends the groups of lower criticality than {@code criticality} for {@code holdNanos} (the overload
   * policy; also for the kernel to call when memory runs short). From any thread.
   */
  public void shed(Criticality criticality, long holdNanos) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      for (Group h : groups) {
        if (h.criticality().compareTo(criticality) > 0) {
          if (!h.shed) {
            h.sheds++;
          }
          h.shed = true;
          if (!h.suspended) {
            suspendLocked(h);
          }
          h.shedSeq = sleeps.nextSeq();
          sleeps.add(new Timer.Unshed(now + holdNanos, h.shedSeq, h));
        }
      }
      dispatch(now);
    } finally {
      unlock();
    }
  }

  /** Kills every task and stops the scheduler's threads. Groups can still be awaited. */
  public void shutdown() {
    shutdown = true;
    for (Group g : groups) {
      g.kill("scheduler shut down");
    }
    sleeps.stop();
    watchdog.stop();
  }

  // ---- task life cycle (each on the task's own thread unless noted) ----

  Task spawn(Group g, String name, Runnable body, Thread.Builder thread) {
    if (shutdown) {
      throw new IllegalStateException("scheduler was shut down");
    }
    Task t = new Task(this, g, name, body);
    t.thread = thread.name("isola-" + g.name() + "/" + name).unstarted(t::run);
    g.added(t);
    t.thread.start();
    // Queued here, by the spawning thread, not by the new thread: while every carrier is busy with a
    // permit holder, the new thread may not be mounted until a permit is handed to it, so it must not need
    // a carrier to ask for one.
    lock.lock();
    try {
      if (t.state == Task.State.NEW && t.killReason == null) {
        long now = clock.nanoTime();
        makeRunnable(t, now);
        dispatch(now);
      }
    } finally {
      unlock();
    }
    return t;
  }

  /** The new task waits for its group's exclusion and a permit (queued by {@link #spawn}). */
  void arrive(Task t) {
    t.awaitGrant();
  }

  /** The body ended: give back the permit, the exclusion, any queue place. */
  void depart(Task t) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      if (t.state == Task.State.RUNNING) {
        t.charge(now);
        releasePermit(t, now);
      } else {
        detach(t);
      }
      if (t.group.owner == t) {
        releaseOwnership(t.group, now, t);
      }
      // Exclusions a kill left behind: handed to the task while it waited in enter(), which then threw
      // before the caller could hold (and close) them.
      for (Group g : List.copyOf(t.foreign)) {
        if (g.owner == t) {
          releaseOwnership(g, now);
        }
      }
      t.foreign.clear();
      t.state = Task.State.DONE;
      dispatch(now);
    } finally {
      unlock();
    }
    t.group.ended(t);
  }

  /** Called by a checkpoint that may have to give up the permit; see {@link Task#checkpoint()}. */
  void reschedule(Task t, long now) {
    boolean park = false;
    lock.lock();
    try {
      if (t.killReason != null) {
        // Thrown below, holding the permit: the trap unwinds the guest and depart() gives it back.
      } else if (t.group.suspended && t.foreign.isEmpty() || t.group.exhausted(now)) {
        releasePermit(t, now);
        hold(t);
        t.group.throttles++;
        throttles++;
        dispatch(now);
        park = true;
      } else {
        t.preemptRequested = false;
        int best = ready.bestPriority();
        int prio = t.priority();
        boolean sliceOver = now - t.sliceStart() >= sliceNanos;
        boolean preempted = false;
        if (best > prio && prio <= lowestRunningPriority()) {
          // Only the lowest running task gives way, so that with several permits the right one is preempted.
          preemptions++;
          preempted = true;
          park = true;
        } else if (best == prio && sliceOver) {
          sliceEnds++;
          park = true;
        } else if (sliceOver) {
          t.renewSlice(now);
        }
        if (park) {
          releasePermit(t, now);
          t.state = Task.State.READY;
          // As in POSIX SCHED_RR: a preempted task resumes before its equals; one whose slice ended goes last.
          if (preempted) {
            ready.addFirst(t);
          } else {
            ready.addLast(t);
          }
          dispatch(now);
        }
      }
    } finally {
      unlock();
    }
    if (park) {
      t.awaitGrant();
    }
    t.checkKilled();
  }

  void yieldNow(Task t) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      stepAside(t, now);
      makeRunnable(t, now);
      dispatch(now);
    } finally {
      unlock();
    }
    t.awaitGrant();
  }

  /** Sleep ({@code wakeable} false) or awaitWake; returns whether woken by wake(). */
  boolean await(Task t, long deadline, boolean timed, boolean wakeable) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      // The interrupt task does not go to sleep with a line left to serve (raised while it owned the exclusion).
      if (wakeable && (t.wakePending || t.interruptRequested && t.group.interruptTask == t)) {
        t.wakePending = false;
        return true;
      }
      // A sleep's timer fires a little early (see SleepManager.EARLY_NANOS); Task.sleepUntil spins the rest.
      long wakeAt = timed && !wakeable ? deadline - earlyNanos : deadline;
      if (timed && wakeAt - now <= 0) {
        return false;
      }
      stepAside(t, now);
      t.state = Task.State.SLEEPING;
      t.wakeable = wakeable;
      t.wokenByWake = false;
      t.wakeSeq = sleeps.nextSeq();
      if (timed) {
        t.wakeTimer = new Timer.Wake(wakeAt, t.wakeSeq, t);
        sleeps.add(t.wakeTimer);
      }
      dispatch(now);
    } finally {
      unlock();
    }
    t.awaitGrant();
    return t.wokenByWake;
  }

  void wakeTask(Task t) {
    lock.lock();
    try {
      if (t.state == Task.State.SLEEPING && t.wakeable) {
        long now = clock.nanoTime();
        t.wokenByWake = true;
        cancelWakeTimer(t);
        makeRunnable(t, now);
        dispatch(now);
      } else if (t.state != Task.State.DONE) {
        t.wakePending = true;
      }
    } finally {
      unlock();
    }
  }

  <T> T block(Task t, Blocking<T> operation) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      stepAside(t, now);
      t.state = Task.State.BLOCKED;
      dispatch(now);
    } finally {
      unlock();
    }
    T result;
    try {
      result = operation.run();
    } catch (InterruptedException e) {
      Thread.interrupted();
      if (t.killReason != null) {
        throw t.killTrap();
      }
      throw new Trap(TrapKind.INTERRUPTED, "blocking call interrupted");
    } finally {
      lock.lock();
      try {
        long now = clock.nanoTime();
        if (t.state == Task.State.BLOCKED) {
          makeRunnable(t, now);
          dispatch(now);
        }
      } finally {
        unlock();
      }
    }
    t.awaitGrant();
    return result;
  }

  void enter(Task t, Group other) {
    lock.lock();
    try {
      if (other.owner == null) {
        other.owner = t;
        t.foreign.add(other);
        return;
      }
      long now = clock.nanoTime();
      t.charge(now);
      releasePermit(t, now);
      t.state = Task.State.WAITING_OWNER;
      t.waitingFor = other;
      other.waiters.addLast(t);
      dispatch(now);
    } finally {
      unlock();
    }
    t.awaitGrant();
  }

  void leave(Task t, Group other) {
    lock.lock();
    try {
      if (other.owner == t) {
        long now = clock.nanoTime();
        t.foreign.remove(other);
        releaseOwnership(other, now);
        dispatch(now);
      }
    } finally {
      unlock();
    }
  }

  /** From any thread. */
  void kill(Task t, String reason) {
    lock.lock();
    try {
      if (t.state == Task.State.DONE) {
        return;
      }
      if (t.killReason == null) {
        t.killReason = reason;
      }
      switch (t.state) {
        case RUNNING -> {
          t.requestPreempt();
          if (t.inHost) {
            t.thread.interrupt();
          }
        }
        case BLOCKED -> t.thread.interrupt();
        case NEW, WAITING_OWNER, READY, THROTTLED, SLEEPING -> LockSupport.unpark(t.thread);
        case DONE -> {}
      }
    } finally {
      unlock();
    }
  }

  /** A killed task leaves whatever queue it waits in (on its own thread, before it throws). */
  void withdraw(Task t) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      if (t.state == Task.State.RUNNING) {
        releasePermit(t, now);
      }
      detach(t);
      t.state = Task.State.BLOCKED;
      dispatch(now);
    } finally {
      unlock();
    }
    // A kill may also have interrupted the thread; the flag must not make later parks return at once.
    Thread.interrupted();
  }

  Task.State stateOf(Task t) {
    lock.lock();
    try {
      return t.state;
    } finally {
      unlock();
    }
  }

  /** {@link Group#suspend()}: pauses {@code g} until {@link #resume}, whatever the overload policy does. */
  void suspend(Group g) {
    lock.lock();
    try {
      g.paused = true;
      if (!g.suspended) {
        suspendLocked(g);
      }
      dispatch(clock.nanoTime());
    } finally {
      unlock();
    }
  }

  /** {@link Group#resume()}: ends the pause; a group still shed stays suspended until its hold ends. */
  void resume(Group g) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      g.paused = false;
      if (g.suspended && !g.shed) {
        resumeLocked(g, now);
      }
      dispatch(now);
    } finally {
      unlock();
    }
  }

  /**
   * A periodic activation of {@code g} missed its deadline. Unless {@code g} was throttled by its own budget
   * meanwhile (it asked for more than its reservation), the groups of lower criticality are shed.
   */
  void deadlineMissed(Group g, boolean ownBudget) {
    if (ownBudget || shedHoldNanos == 0) {
      return;
    }
    shed(g.criticality(), shedHoldNanos);
  }

  // ---- interrupts (design.md section 3) ----

  void attachInterrupts(Group g, InterruptLines lines, Task interruptTask) {
    lock.lock();
    try {
      g.interruptLines = lines;
      g.interruptTask = interruptTask;
    } finally {
      unlock();
    }
  }

  void detachInterrupts(Group g, InterruptLines lines) {
    lock.lock();
    try {
      if (g.interruptLines == lines) {
        g.interruptLines = null;
        g.interruptTask = null;
      }
    } finally {
      unlock();
    }
  }

  /** {@link Group#interrupt}: from any thread. */
  void interrupt(Group g, int priority) {
    lock.lock();
    try {
      long now = clock.nanoTime();
      Task o = g.owner;
      if (o != null && o.group == g) {
        raiseOwner(o, priority);
      } else {
        // Nobody of the group runs its instance (or a portal caller does): its interrupt task takes the
        // exclusion next, ahead of the group's other waiters.
        wakeInterruptTask(g, null, now);
      }
      dispatch(now);
    } finally {
      unlock();
    }
  }

  /**
   * Before each handler a task runs: true if a line above its level is pending, and the task's raise is set to
   * that line's priority (lower than the last handler's, possibly); else the raise and the request are given
   * back. Under the lock, so that a line raised meanwhile is never lost: its {@link #interrupt} comes after
   * this check and raises the task again.
   */
  boolean moreInterrupts(Task t) {
    lock.lock();
    try {
      InterruptLines lines = t.group.interruptLines;
      int pending = lines == null ? -1 : lines.pendingPriority();
      if (pending > t.level()) {
        t.raised = pending; // running: in no queue
        return true;
      }
      t.interruptRequested = false;
      t.raised = -1;
      return false;
    } finally {
      unlock();
    }
  }

  /** The group's lines went away (its incarnation ended) while {@code t} served them. */
  void dropInterrupts(Task t) {
    lock.lock();
    try {
      t.interruptRequested = false;
      t.raised = -1;
    } finally {
      unlock();
    }
  }

  /**
   * Releases the lock, then unparks the tasks granted a permit meanwhile. Every method releases the lock this
   * way. A grant is already visible in the task's state and its {@code granted} flag, so the unpark only
   * makes its thread look: it may come late, or twice, never too early. (Under a reentrant hold the inner
   * release unparks while the outer still holds the lock: correct, only not quicker.)
   */
  private void unlock() {
    Task[] wake = null;
    if (!granted.isEmpty()) {
      wake = granted.toArray(new Task[0]);
      granted.clear();
    }
    lock.unlock();
    if (wake != null) {
      for (Task t : wake) {
        LockSupport.unpark(t.thread);
      }
    }
  }

  // ---- mechanism: everything below runs under the lock ----

  /**
   * {@code t} owns its own group's exclusion: if a line above its level is pending it serves it at its next
   * checkpoint, raised to the line's priority meanwhile (so that it gets a permit before lower work).
   */
  private void raiseOwner(Task t, int priority) {
    if (priority <= t.level()) {
      return; // it runs at or above the line: it serves it after its handler, or the interrupt task does later
    }
    raise(t, priority);
    t.interruptRequested = true;
    if (t.state == Task.State.RUNNING) {
      t.requestPreempt();
    }
  }

  /** Raises {@code t} to at least {@code priority}, moving it within the run queue if it waits there. */
  private void raise(Task t, int priority) {
    if (priority <= t.raised) {
      return;
    }
    if (t.state == Task.State.READY) {
      ready.remove(t); // found under the old priority: the queue is indexed by it
      t.raised = priority;
      ready.addFirst(t);
    } else {
      t.raised = priority;
    }
  }

  /**
   * If a line of {@code g} is pending, wakes the group's interrupt task at its priority, first in line for the
   * exclusion (the exclusion is free: it takes it; else it waits at the head of the waiters). {@code releasing}
   * is the task giving the exclusion up, if any: the interrupt task itself cannot be woken by its own sleep.
   */
  private void wakeInterruptTask(Group g, Task releasing, long now) {
    Task h = g.interruptTask;
    InterruptLines lines = g.interruptLines;
    if (h == null || lines == null || h == releasing) {
      return;
    }
    int p = lines.pendingPriority();
    if (p < 0) {
      return;
    }
    raise(h, p);
    h.interruptRequested = true;
    if (h.state == Task.State.SLEEPING && h.wakeable) {
      h.wokenByWake = true;
      cancelWakeTimer(h);
      if (g.owner == null) {
        g.owner = h;
        enqueue(h, now);
      } else if (g.owner != h) {
        h.state = Task.State.WAITING_OWNER;
        h.waitingFor = g;
        g.waiters.addFirst(h);
      }
    } else if (h.state != Task.State.DONE) {
      // On its way already (waiting for the exclusion, a permit or its budget), or asleep inside a handler.
      h.wakePending = true;
    }
  }

  /** A task of {@code g} takes its exclusion: raised if a line above its level waits (see raiseOwner). */
  private void raiseIfPending(Task t) {
    InterruptLines lines = t.group.interruptLines;
    if (lines != null) {
      int p = lines.pendingPriority();
      if (p >= 0) {
        raiseOwner(t, p);
      }
    }
  }

  /**
   * {@code t} stops running of its own accord (yield, sleep, block): charged, its permit given back, and its
   * group's exclusion too unless it holds a foreign one (a portal call keeps every exclusion; see {@link
   * Task#enter}).
   */
  private void stepAside(Task t, long now) {
    t.charge(now);
    releasePermit(t, now);
    if (t.foreign.isEmpty()) {
      // Lines it was raised for but did not serve go to the interrupt task with the exclusion.
      t.raised = -1;
      t.interruptRequested = false;
      releaseOwnership(t.group, now, t);
    }
  }

  /** {@code t} wants the CPU: it queues for its group's exclusion, then for budget, then for a permit. */
  private void makeRunnable(Task t, long now) {
    Group g = t.group;
    if (g.owner != null && g.owner != t) {
      t.state = Task.State.WAITING_OWNER;
      t.waitingFor = g;
      g.waiters.addLast(t);
      return;
    }
    g.owner = t;
    raiseIfPending(t);
    enqueue(t, now);
  }

  /** {@code t} owns the exclusion it needs: it waits for budget (or the end of a suspension), or is ready. */
  private void enqueue(Task t, long now) {
    Group g = t.group;
    // A suspended group's task inside a portal call (holding another group's exclusion) is not held: it
    // would keep the exporter from running for the whole suspension (a shed caller stalling the high-
    // criticality exporter whose misses caused the shedding). It finishes the call and parks at its first
    // checkpoint back in its own code. A budget still stops it: the call is charged to the caller.
    if (g.suspended && t.foreign.isEmpty() || g.exhausted(now)) {
      hold(t);
      return;
    }
    t.state = Task.State.READY;
    ready.addLast(t);
  }

  private void hold(Task t) {
    Group g = t.group;
    t.state = Task.State.THROTTLED;
    g.held.addLast(t);
    if (!g.suspended && !g.replenishPending) {
      g.replenishPending = true;
      sleeps.add(new Timer.Replenish(g.periodEnd, sleeps.nextSeq(), g));
    }
  }

  /** Hands the exclusion of {@code g} to its next waiter (its own task or a portal caller), or frees it. */
  private void releaseOwnership(Group g, long now) {
    releaseOwnership(g, now, null);
  }

  /**
   * As above; a pending interrupt line puts the group's interrupt task first ({@code releasing}: the task
   * giving the exclusion up, see {@link #wakeInterruptTask}).
   */
  private void releaseOwnership(Group g, long now, Task releasing) {
    g.owner = null;
    wakeInterruptTask(g, releasing, now);
    if (g.owner != null) {
      return; // the interrupt task took it
    }
    Task next = g.waiters.pollFirst();
    g.owner = next;
    if (next != null) {
      next.waitingFor = null;
      if (next.group != g) {
        next.foreign.add(g);
      } else {
        raiseIfPending(next);
      }
      enqueue(next, now);
    }
  }

  /**
   * Ends a sleep's timer early. Removed rather than left stale, so that a killed or woken task with a far
   * deadline is not kept reachable by the queue (restart loops would otherwise pile them up).
   */
  private void cancelWakeTimer(Task t) {
    t.wakeSeq = -1;
    if (t.wakeTimer != null) {
      sleeps.remove(t.wakeTimer);
      t.wakeTimer = null;
    }
  }

  /** Takes {@code t} out of any queue (not the running list). */
  private void detach(Task t) {
    switch (t.state) {
      case READY -> ready.remove(t);
      case WAITING_OWNER -> {
        if (t.waitingFor != null) {
          t.waitingFor.waiters.remove(t);
          t.waitingFor = null;
        }
      }
      case THROTTLED -> t.group.held.remove(t);
      case SLEEPING -> cancelWakeTimer(t);
      case NEW, RUNNING, BLOCKED, DONE -> {}
    }
  }

  /**
   * Gives free permits to the best ready tasks; if ready tasks remain, asks the lowest-priority running task
   * below them to reach a checkpoint soon. Called after every change that can free a permit or ready a task.
   */
  private void dispatch(long now) {
    while (free > 0) {
      Task t = ready.poll();
      if (t == null) {
        break;
      }
      grant(t, now);
    }
    int best = ready.bestPriority();
    bestReady = best;
    if (best >= 0) {
      int lowest = lowestRunningPriority();
      if (lowest < best) {
        // Every running task at the lowest priority is asked, not just one: the first to reach a checkpoint
        // gives way (the others find no better task waiting and go on). On a loaded machine one of them may be
        // descheduled by the OS for milliseconds; asking only that one made the waiting task wait as long.
        for (Task r : running) {
          if (r.priority() == lowest && !r.preemptRequested) {
            r.requestPreempt();
          }
        }
      }
    }
  }

  private void grant(Task t, long now) {
    accountPermits(now);
    free--;
    running.add(t);
    t.state = Task.State.RUNNING;
    t.preemptRequested = false;
    t.progressAt(now);
    t.watchdogFired = false;
    t.granted = true;
    grants++;
    // Unparked after the lock is released (unlock()): a virtual thread's unpark wakes a carrier, an OS call of
    // several microseconds that would hold the lock meanwhile, and the woken task's first step often takes it.
    granted.add(t);
    // The watchdog is told when the task has resumed with the permit (Task.startRunning), not here.
  }

  /** A watched task started running at {@code now}: the watchdog looks in time. From the task's thread. */
  void watchdogMounted(long now, long limitNanos) {
    watchdog.mounted(now, limitNanos);
  }

  /** The shortest watchdog limit of any group, or -1 if none has one (for the watchdog's thread). */
  long shortestWatchdog() {
    long shortest = -1;
    for (Group g : groups) {
      long l = g.watchdogNanos;
      if (l > 0 && (shortest < 0 || l < shortest)) {
        shortest = l;
      }
    }
    return shortest;
  }

  private void releasePermit(Task t, long now) {
    accountPermits(now);
    free++;
    running.remove(t);
    t.granted = false;
    t.mounted = false;
  }

  private int lowestRunningPriority() {
    int low = Integer.MAX_VALUE;
    for (Task r : running) {
      low = Math.min(low, r.priority());
    }
    return low;
  }

  private void accountPermits(long now) {
    long d = now - lastPermitChange;
    if (d > 0) {
      int held = config.cpus() - free;
      permitBusyNanos += held * d;
      if (held == 0) {
        idleNanos += d;
      }
      lastPermitChange = now;
    }
  }

  private void suspendLocked(Group g) {
    g.suspended = true;
    // Held tasks stay held (their replenishment no longer releases them: see fire). The ready owner leaves the
    // run queue; the running one parks at its next checkpoint.
    if (g.owner != null && g.owner.state == Task.State.READY && g.owner.foreign.isEmpty()) {
      ready.remove(g.owner);
      hold(g.owner);
    }
    for (Task r : running) {
      if (r.group == g && r.foreign.isEmpty()) {
        r.requestPreempt();
      }
    }
  }

  private void resumeLocked(Group g, long now) {
    g.suspended = false;
    List<Task> waiting = List.copyOf(g.held);
    g.held.clear();
    for (Task t : waiting) {
      enqueue(t, now);
    }
  }

  private void fire(Timer timer, long now) {
    switch (timer) {
      case Timer.Wake w -> {
        Task t = w.task();
        if (t.state == Task.State.SLEEPING && t.wakeSeq == w.seq()) {
          t.wakeSeq = -1;
          t.wakeTimer = null;
          makeRunnable(t, now);
        }
      }
      case Timer.Replenish r -> {
        Group g = r.group();
        g.replenishPending = false;
        if (!g.suspended) {
          resumeLocked(g, now);
        }
      }
      case Timer.Unshed u -> {
        Group g = u.group();
        if (g.shed && g.shedSeq == u.seq()) {
          g.shed = false;
          if (!g.paused) {
            resumeLocked(g, now);
          }
        }
      }
    }
  }

  /**
   * Fires the timers due by the clock and dispatches; returns the nanoseconds until the next timer, or -1 if
   * there is none. The timer thread's step; tests with a hand-driven clock call it to fire timers exactly.
   */
  long fireDueTimers() {
    lock.lock();
    try {
      long now = clock.nanoTime();
      Timer due;
      while ((due = sleeps.pollDue(now)) != null) {
        fire(due, now);
      }
      dispatch(now);
      return sleeps.delay(now);
    } finally {
      unlock();
    }
  }

  /**
   * The running tasks of groups with a watchdog (for the watchdog thread): those that hold a permit and whose
   * thread has resumed with it (see {@link Task#mounted}).
   */
  List<Task> watchedRunning() {
    lock.lock();
    try {
      List<Task> out = new ArrayList<>();
      for (Task t : running) {
        if (t.mounted && t.group.spec().watchdog().isPresent()) {
          out.add(t);
        }
      }
      return out;
    } finally {
      unlock();
    }
  }

  boolean isShutdown() {
    return shutdown;
  }
}
