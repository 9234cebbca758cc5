package dev.isola.kernel.sched;

/**
 * The scheduler's time source, in nanoseconds on a monotonic scale (like {@link System#nanoTime}). Injectable
 * so tests can drive budgets and timers by hand; after moving a hand-driven clock, call {@link
 * Scheduler#timeChanged()} so the timer thread looks again.
 */
@FunctionalInterface
public interface Clock {
  /** The machine's monotonic clock. */
  Clock SYSTEM = System::nanoTime;

  long nanoTime();
}
