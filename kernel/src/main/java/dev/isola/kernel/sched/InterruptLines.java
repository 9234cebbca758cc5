package dev.isola.kernel.sched;

/**
 * A group's interrupt lines as the scheduler sees them (design.md section 3; the kernel's {@code irq} package
 * implements it per incarnation and hands it over with {@link Group#attachInterrupts}). The scheduler only asks
 * which priority is pending and tells a task, at its checkpoint, to run the handlers; recording events and
 * choosing the handler are the lines' own business.
 */
public interface InterruptLines {
  /**
   * The highest priority among the lines that are pending, unmasked and attached, or -1 if none is. Called under
   * the scheduler's lock (on any thread), so it must be quick and lock-free: a read of a few volatile fields.
   */
  int pendingPriority();

  /**
   * Runs, on the calling thread (the task {@code t}, which owns the group's exclusion and a permit), the pending,
   * unmasked line of the highest priority above {@link Task#level()} as a nested call of its handler, bracketed
   * by {@link Task#enterHandler} and {@link Task#leaveHandler}; false if there was none. One at a time, so that
   * between two handlers the task drops to the next line's priority and gives way to any better task first.
   * Whatever a handler throws (a trap, a kill) propagates to the interrupted code.
   */
  boolean service(Task t);
}
