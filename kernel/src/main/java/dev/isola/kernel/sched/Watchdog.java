package dev.isola.kernel.sched;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds tasks that hold a permit longer than their group's watchdog limit without a checkpoint or a host-call
 * boundary, marks them killed (their next checkpoint throws; a task inside a host call is interrupted) and
 * tells the {@link WatchdogListener}. A platform daemon thread, so that it runs even when every carrier is
 * busy with a runaway guest. It parks until the earliest moment a running task could expire, and without a
 * time limit once no watched task has run for a whole shortest limit (no CPU when idle).
 *
 * <p>A task that starts running tells it ({@link #mounted}), but wakes it only if it would otherwise look too
 * late: parked for good, or parked until after the new task could expire. Waking it on every mount cost the
 * mounting task an OS unpark (and the woken thread a core and the scheduler's lock) on the path from an
 * interrupt to its handler: 6 us of the median, half the p99 (IrqBench). So that a stream of short runs (an
 * interrupt task woken every few hundred microseconds) does not find it parked for good each time, it keeps
 * looking once per shortest watchdog limit while tasks mount, and parks for good only after a whole such
 * period with no mount: an idle system still wakes it never.
 */
final class Watchdog {
  private final Scheduler scheduler;
  private final Thread thread;
  volatile WatchdogListener listener;
  private volatile boolean stopped;
  /** Set by every watched mount, cleared by each look: whether tasks ran since the last look. */
  private final AtomicBoolean mounts = new AtomicBoolean();
  /** Written by the watchdog before it parks: parked without a time limit, or until {@link #lookAt}. */
  private volatile boolean parkedForGood = true;

  private volatile long lookAt;

  Watchdog(Scheduler scheduler) {
    this.scheduler = scheduler;
    this.thread = Thread.ofPlatform().daemon().name("isola-watchdog").unstarted(this::loop);
  }

  void start() {
    thread.start();
  }

  void stop() {
    stopped = true;
    LockSupport.unpark(thread);
  }

  /** The clock moved (a hand-driven one): look again. */
  void poke() {
    LockSupport.unpark(thread);
  }

  /**
   * A task watched with limit {@code limitNanos} started running at {@code now} (on its own thread): the
   * watchdog is woken only if it would not look before the task could expire. Written and read in the order
   * opposite to {@link #loop}'s (mounts, then the park state), all volatile: one side always sees the other.
   */
  void mounted(long now, long limitNanos) {
    mounts.set(true);
    if (parkedForGood || now + limitNanos - lookAt < 0) {
      LockSupport.unpark(thread);
    }
  }

  private void loop() {
    while (!stopped) {
      boolean active = mounts.getAndSet(false);
      long now = scheduler.clock.nanoTime();
      long next = scan(now);
      if (next < 0 && active) {
        next = scheduler.shortestWatchdog(); // tasks ran since the last look: keep looking while they do
      }
      if (next < 0) {
        parkedForGood = true;
      } else {
        lookAt = now + next;
        parkedForGood = false;
      }
      // A task that mounted after the scan and read the old park state: look again rather than miss it.
      if (mounts.get()) {
        continue;
      }
      if (next < 0) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, next);
      }
    }
  }

  /**
   * Kills the watched tasks silent for longer than their limit at {@code now}; returns the nanoseconds until
   * the next one could expire, or -1 if none is watched. Only tasks that hold a permit with their thread
   * running are looked at ({@link Scheduler#watchedRunning()}): waiting for a permit, for the budget or for
   * the end of a suspension or shedding is not silence.
   */
  long scan(long now) {
    long next = Long.MAX_VALUE;
    boolean any = false;
    for (Task t : scheduler.watchedRunning()) {
      if (t.watchdogFired) {
        continue;
      }
      long limit = t.group.spec().watchdog().orElseThrow().toNanos();
      long silent = now - t.lastProgress();
      if (silent >= limit && t.mounted) {
        t.watchdogFired = true;
        boolean inHost = t.inHost;
        // Told before the kill, so the listener's word comes before anything the dying task reports itself.
        WatchdogListener l = listener;
        if (l != null) {
          l.expired(t, silent, inHost);
        }
        t.kill("watchdog: no safepoint for " + silent / 1_000_000 + " ms (limit " + limit / 1_000_000 + " ms)");
      } else {
        any = true;
        next = Math.min(next, Math.max(1, limit - silent));
      }
    }
    return any ? next : -1;
  }
}
