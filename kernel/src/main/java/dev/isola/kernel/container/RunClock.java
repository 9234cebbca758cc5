package dev.isola.kernel.container;

/**
 * How long a context has run guest code since its last host call (or activation start), not counting the
 * time it was parked by the scheduler: what the kernel's loop watchdog compares with the container's {@code
 * watchdog} limit. Touched only by the context's own thread.
 *
 * <p>Why a second watchdog beside the scheduler's: the scheduler's fires when a task holds a permit without
 * reaching a safepoint or a host-call boundary (stuck inside a host call, or code without polls), but a guest
 * spinning in a Wasm loop reaches a safepoint at every back-edge. This one fires when a guest runs that long
 * without making any host call: the "stuck in a loop" case. Both use the same limit.
 */
final class RunClock {
  private long used;
  private long mark = System.nanoTime();

  /** A host call or an activation started or ended: the guest made progress. */
  void restart() {
    used = 0;
    mark = System.nanoTime();
  }

  /** At a safepoint, before the scheduler may park the thread: the guest time run so far. */
  long beforePark() {
    long now = System.nanoTime();
    used += now - mark;
    mark = now;
    return used;
  }

  /** After the scheduler let the thread go on: parked time does not count. */
  void afterPark() {
    mark = System.nanoTime();
  }
}
