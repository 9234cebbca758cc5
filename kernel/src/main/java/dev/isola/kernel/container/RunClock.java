package dev.isola.kernel.container;

import dev.isola.kernel.sched.Task;

/**
 * How long a context has run guest code since its last host call (or activation start), not counting the
 * time it was parked by the scheduler: what the kernel's loop watchdog compares with the container's {@code
 * watchdog} limit. Touched only by the context's own thread.
 *
 * <p>Measured on the task's run time ({@link Task#runNanos()}: time it held a permit with its thread running),
 * not on wall time: a wall clock also counted every wait that does not pass through a checkpoint, such as a
 * portal call waiting for the exporter's exclusion, or a caller shed by the overload policy right after its
 * host call began (a display container was stopped after "1141 ms without a host call" it spent parked).
 *
 * <p>Why a second watchdog beside the scheduler's: the scheduler's fires when a task holds a permit without
 * reaching a safepoint or a host-call boundary (stuck inside a host call, or code without polls), but a guest
 * spinning in a Wasm loop reaches a safepoint at every back-edge. This one fires when a guest runs that long
 * without making any host call: the "stuck in a loop" case. Both use the same limit.
 */
final class RunClock {
  private long used;
  private long mark;
  private boolean started;

  /** A host call or an activation started or ended: the guest made progress. */
  void restart() {
    used = 0;
    mark = now();
    started = true;
  }

  /** At a safepoint, before the scheduler may park the thread: the guest time run so far. */
  long beforePark() {
    long now = now();
    if (started) {
      used += now - mark;
    }
    mark = now;
    started = true;
    return used;
  }

  /** After the scheduler let the thread go on (run time does not advance while parked; kept for clarity). */
  void afterPark() {
    mark = now();
  }

  /** The current task's run time; wall time on a thread that is no task's (never a guest's context). */
  private static long now() {
    Task t = Task.current();
    return t != null ? t.runNanos() : System.nanoTime();
  }
}
