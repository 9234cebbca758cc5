package dev.isola.kernel.sched;

/**
 * Told when the watchdog finds a task over its limit, just before it marks the task killed (on the watchdog's
 * thread: return quickly, e.g. hand the restart decision to the container's own thread).
 */
@FunctionalInterface
public interface WatchdogListener {
  /**
   * @param task the task that held a permit too long without a checkpoint or host-call boundary
   * @param silentNanos how long it had been silent
   * @param inHost whether it was inside a host call (its thread was interrupted)
   */
  void expired(Task task, long silentNanos, boolean inHost);
}
