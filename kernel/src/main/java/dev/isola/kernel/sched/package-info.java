/**
 * The kernel's scheduler: run permits, priorities, round robin, CPU budgets, sleeping, the watchdog.
 *
 * <h2>Shape</h2>
 *
 * <pre>{@code
 * Scheduler s = Scheduler.start(SchedulerConfig.of(2, Duration.ofMillis(5)));
 * Group g = s.group(GroupSpec.of("sensor", 10).withBudget(Duration.ofMillis(2), Duration.ofMillis(10)));
 * store.setSafepointHandler(Task.SAFEPOINT_HANDLER);     // the scheduling point: the current task's checkpoint
 * Task t = g.spawn("main", () -> {
 *   Task me = Task.current();
 *   me.setPreemptRequest(store::requestSafepoint);       // how the scheduler asks for a safepoint soon
 *   instance.function("_start").call();
 * });
 * g.await();
 * }</pre>
 *
 * The store calls its handler on every slow-path poll (at most {@code Store.CHUNK} units apart), so a
 * checkpoint comes within a bounded amount of guest work even without the preempt request; the request is
 * for tiers or future stores that poll the handler less often. Host functions that block must go through
 * {@link dev.isola.kernel.sched.Task#block} (or sleep/awaitWake), never park while holding the permit; waiting
 * for a group from a task ({@link dev.isola.kernel.sched.Group#await()}) is such a blocking call.
 *
 * A <em>task</em> is one piece of guest work on its own virtual thread; a <em>group</em> is a container: one
 * priority (0..99, higher first), one criticality, one optional budget (time per period), one watchdog limit.
 * The JDK's carrier pool mounts whichever virtual threads are unparked; the scheduler decides which those are by
 * handing out {@code cpus} run permits, so our priorities, not the JDK's, decide who runs.
 *
 * <h2>Mechanisms (one lock, split by mechanism as in Zephyr)</h2>
 *
 * <ul>
 *   <li><b>Run queue</b> ({@code RunQueue}): ready tasks by priority, FIFO within one. The one comparator:
 *       a higher priority number runs first; equal priorities in arrival order, except that a preempted task
 *       goes back to the head of its priority (as in POSIX {@code SCHED_RR}).
 *   <li><b>Permits</b>: a free permit always goes to the head of the run queue. When a task becomes ready and
 *       no permit is free, the lowest-priority running task below it is asked to reach a safepoint soon (its
 *       {@link dev.isola.kernel.sched.Task#setPreemptRequest hook}, typically {@code Store.requestSafepoint});
 *       at its next {@link dev.isola.kernel.sched.Task#checkpoint() checkpoint} it goes back to the run queue
 *       and parks. Preemption latency is bounded by the poll interval ({@code Store.CHUNK} units of work).
 *       Every running task at that lowest priority is asked, not one: the first to reach a checkpoint gives
 *       way and the others, finding no better task waiting, go on. (On a loaded machine the one asked may be
 *       descheduled by the OS for milliseconds; with ties, the waiting task no longer waits for that one.)
 *   <li><b>Time slicing</b>: at a checkpoint, a task whose slice has ended gives way if a task of its own
 *       priority is ready (it goes to the tail: round robin); otherwise its slice is renewed.
 *   <li><b>Budgets</b>: CPU time is measured per task while it holds a permit (clock at grant, at every
 *       checkpoint and at every release) and charged to its group. A group that has used its budget in the
 *       current period is <em>throttled</em>: its task parks at its next checkpoint, giving the permit back,
 *       until the timer of the next period boundary replenishes it. Periods are aligned to the group's
 *       creation. The overrun between the budget running out and the next checkpoint is carried into the next
 *       period as debt, so the long-run share converges on the budget. Unused budget is carried over only
 *       for a <em>backlogged</em> group (its task running, ready or throttled, not sleeping, blocked or
 *       suspended, at the period's roll) and at most one budget's worth: such budget went unused because the
 *       task could not run (a replenishment or grant that came late, an OS that descheduled the carrier, a
 *       higher priority), and without the credit a loaded machine turned a 2 ms / 10 ms budget into 15-19%.
 *       A group that idled gets none, so no bursts after idling; over any n periods a group never gets more
 *       than n + 1 budgets. A throttled group holds no permit, so it never delays anything; an unlimited
 *       group has no budget.
 *   <li><b>Exclusion</b> (design.md section 2): a group's tasks share one instance, so exactly one of them owns
 *       the group's exclusion at a time. It is given up only at yield, sleep, block or the end of the task
 *       (contexts are cooperative), in FIFO order; a preempted or throttled task keeps it. A portal call
 *       {@link dev.isola.kernel.sched.Task#enter enters} the exporter's group: the caller's thread takes the
 *       exporter's exclusion and runs its code at the caller's priority, charged to the caller. While a foreign
 *       exclusion is held, sleeping keeps all of them (so exclusions are always taken home first, then
 *       foreign); cyclic portal imports could still deadlock and are to be refused by {@code isola check}.
 *   <li><b>Sleep manager</b> ({@code SleepManager}: a timer queue served by one platform daemon thread):
 *       sleeping tasks, replenishments and overload holds are timers; the thread parks until the earliest
 *       one, or with no time limit when there is none. Wake-up latency: the thread parks until {@code
 *       SleepManager.SPIN_NANOS} (100 us) before the earliest timer and spins the rest, because a timed park
 *       wakes 50-100 us late even on an idle machine; and a sleep's timer fires {@code
 *       SleepManager.EARLY_NANOS} (100 us) before its time, so that the permit grant (a lower holder reaching
 *       its poll), the carrier's OS wake-up and the mount happen before the due time; the woken task then
 *       spins on its own carrier, holding the permit, until its time ({@link
 *       dev.isola.kernel.sched.Task#sleepUntil} never returns early). Both only on the system clock, both cost
 *       at most their margin in CPU per timer (up to 20% of a core for a 1 kHz task), and a system whose timers
 *       are far off never spins. {@link dev.isola.kernel.sched.Task#awaitWake} waits
 *       for an external {@link dev.isola.kernel.sched.Task#wake()} (the hook for events and interrupts) with
 *       an optional deadline. With no ready task, no permit is held, and nothing wakes up until a timer is
 *       due: an idle system uses no CPU.
 *   <li><b>Watchdog</b> (one platform daemon thread; it looks once per shortest limit while watched tasks run
 *       or ran in the last such period, and parks for good after that, so an idle system never wakes it; a
 *       task that starts running wakes it only if it would look too late, which keeps an OS unpark off the
 *       path from an interrupt to its handler): a running task that
 *       goes longer than its group's limit without a checkpoint, {@link dev.isola.kernel.sched.Task#enterHost}
 *       or {@link dev.isola.kernel.sched.Task#leaveHost} is marked killed (its next checkpoint throws {@code
 *       Trap(INTERRUPTED)}; inside a host call its thread is interrupted) and reported to the {@link
 *       dev.isola.kernel.sched.WatchdogListener}. Only a task that holds a permit <em>and</em> whose thread
 *       has resumed with it is watched: waiting for a permit or for a carrier after the grant, throttled,
 *       suspended, shed, sleeping, blocked or waiting for an exclusion is not silence. A watchdog of "guest
 *       code ran too long without a host call" (the kernel's loop watchdog) must likewise compare differences
 *       of {@link dev.isola.kernel.sched.Task#runNanos()} (time run holding a permit), never of wall time.
 *   <li><b>Interrupts</b> (design.md section 3; the lines themselves are {@code dev.isola.kernel.irq}'s, seen
 *       here through {@link dev.isola.kernel.sched.InterruptLines}): a task's priority is its group's, raised
 *       to a pending line's ({@code Task.raised}, set under the lock, the task moved within the run queue if
 *       it waits there) and to the handler it runs ({@code Task.handlerLevel}). {@link
 *       dev.isola.kernel.sched.Group#interrupt} raises the task that owns the group's exclusion and asks it for
 *       a checkpoint, or, with no owner, wakes the group's interrupt task first in line for the exclusion; a
 *       task that gives the exclusion up with a line pending hands it to the interrupt task the same way. At a
 *       checkpoint (or {@link dev.isola.kernel.sched.Task#interruptPoint()}, a host call's return) the owner
 *       runs the lines above its {@link dev.isola.kernel.sched.Task#level()} one at a time, highest first;
 *       before each it drops to that line's priority (under the lock: a line raised meanwhile is never lost)
 *       and gives way to any better ready task, so a line never runs above work of a higher priority than its
 *       own. Handler time is the task's time: charged to the group, stopped by its budget, held while it is
 *       shed or paused. Not inside a portal call (a foreign exclusion held): at the first checkpoint back home.
 *   <li><b>Kill</b>: a killed task throws {@code Trap(INTERRUPTED, reason)} at its next checkpoint, or at once
 *       from whatever wait it is in; a task in {@link dev.isola.kernel.sched.Task#block} is interrupted.
 * </ul>
 *
 * <h2>Overload and criticality (the policy)</h2>
 *
 * Priority decides who runs; criticality decides who gives way when the system cannot serve everyone.
 *
 * <ol>
 *   <li>A group never gets more than its budget per period, whatever its criticality: asking for more than
 *       its share is its own overload, and it waits for its next period. It never delays a higher-priority
 *       group, and a budget-exhausted high-criticality group is never starved by a low one: when its budget is
 *       replenished it runs at its priority like before.
 *   <li>When a periodic activation of a group misses its deadline <em>without</em> having been throttled by its
 *       own budget (so the machine, not its reservation, was short), every group of strictly lower criticality
 *       is shed: suspended (its running task parks at its next checkpoint, keeping its state) for {@link
 *       dev.isola.kernel.sched.SchedulerConfig#shedHold()} (default 1 s), renewed by every further miss. Low
 *       yields to medium and high; medium yields to high.
 *   <li>The kernel can shed explicitly with {@link dev.isola.kernel.sched.Scheduler#shed} (e.g. when memory
 *       runs short, lower criticality is refused or stopped first) and pause a single group with {@link
 *       dev.isola.kernel.sched.Group#suspend()}. The two are separate reasons to stand still: the end of a
 *       shedding hold does not end a pause, and {@link dev.isola.kernel.sched.Group#resume()} does not end a
 *       hold; the group runs when neither holds.
 *   <li>A suspended (shed or paused) task inside a portal call holds the exporter's exclusion; it is not
 *       stopped there, which would stall the exporter (often the critical group whose misses caused the
 *       shedding) for the whole hold: it finishes the call and parks at its first checkpoint in its own code.
 *       A budget still stops it inside the call (the call is charged to the caller).
 *   <li>Admission (the sum of reserved shares at most the CPUs) is checked before start by {@code isola check};
 *       {@link dev.isola.kernel.sched.Scheduler#reservedShare()} gives the figure.
 * </ol>
 *
 * <h2>Carriers</h2>
 *
 * A permit holder occupies one carrier thread of the JDK's virtual-thread scheduler until it parks, so the
 * JVM needs at least {@code cpus} carriers ({@code -Djdk.virtualThreadScheduler.parallelism}, default the
 * available processors); {@link dev.isola.kernel.sched.Scheduler#start} warns otherwise. New tasks are queued
 * by the spawning thread, so a task never needs a carrier to ask for a permit, only to use one.
 *
 * <h2>Accounting</h2>
 *
 * Per group ({@link dev.isola.kernel.sched.GroupStats}): CPU time, budget share used, budget periods,
 * throttles, periodic activations, deadline misses, worst start lateness, duty cycle (CPU time over wall
 * time). Per scheduler ({@link dev.isola.kernel.sched.SchedulerStats}): idle time (no permit held), permit
 * busy time, grants, preemptions, slice ends, throttles. CPU time is wall time while holding a permit: on
 * a machine overloaded by other processes a group gets less real CPU than its budget, never more.
 */
package dev.isola.kernel.sched;
