package dev.isola.kernel.sched;

import java.util.concurrent.locks.LockSupport;

/**
 * Finds tasks that hold a permit longer than their group's watchdog limit without a checkpoint or a host-call
 * boundary, marks them killed (their next checkpoint throws; a task inside a host call is interrupted) and
 * tells the {@link WatchdogListener}. A platform daemon thread, so that it runs even when every carrier is
 * busy with a runaway guest. It parks until the earliest moment a running task could expire, and without a
 * time limit while no watched task runs (no CPU when idle).
 */
final class Watchdog {
  private final Scheduler scheduler;
  private final Thread thread;
  volatile WatchdogListener listener;
  private volatile boolean stopped;

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

  /** A watched task got a permit (or the clock moved): look again. */
  void poke() {
    LockSupport.unpark(thread);
  }

  private void loop() {
    while (!stopped) {
      long next = scan(scheduler.clock.nanoTime());
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
