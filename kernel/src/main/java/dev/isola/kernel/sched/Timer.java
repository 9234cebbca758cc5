package dev.isola.kernel.sched;

/**
 * One entry of the scheduler's timer queue. A sleep's timer is removed when the sleep ends otherwise (woken,
 * killed); other timers whose target has moved on (replenished by another path, a renewed shedding hold) stay
 * and are recognised as stale by their sequence number and ignored.
 */
sealed interface Timer extends Comparable<Timer> {
  long when();

  long seq();

  /** Wakes a sleeping or waiting task ({@link Task#sleepUntil}, {@link Task#awaitWake}). */
  record Wake(long when, long seq, Task task) implements Timer {}

  /** A throttled group's next period starts: its budget is replenished. */
  record Replenish(long when, long seq, Group group) implements Timer {}

  /** The overload policy's hold ends: a shed group resumes. */
  record Unshed(long when, long seq, Group group) implements Timer {}

  @Override
  default int compareTo(Timer o) {
    int c = Long.compare(when() - o.when(), 0);
    return c != 0 ? c : Long.compare(seq(), o.seq());
  }
}
