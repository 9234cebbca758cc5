package dev.isola.kernel.sched;

/**
 * One run of a periodic body ({@link Periodic}), times on the scheduler's clock.
 *
 * @param release when it was due
 * @param start when it started (holding a permit)
 * @param end when it completed
 * @param deadline the next release: completing after it is a deadline miss
 */
public record Activation(long release, long start, long end, long deadline) {
  /** Delay from release to start. */
  public long lateness() {
    return start - release;
  }

  public boolean missed() {
    return end - deadline > 0;
  }
}
