package dev.isola.kernel.sched;

/**
 * The scheduler's own figures since it started ({@link Scheduler#stats()}).
 *
 * @param wallNanos time since start
 * @param idleNanos time during which no permit was held (every CPU idle)
 * @param permitBusyNanos the sum over permits of the time each was held (at most {@code cpus * wallNanos})
 * @param grants permits handed out
 * @param preemptions tasks that gave their permit to a higher-priority task
 * @param sliceEnds tasks that gave their permit to an equal-priority task at the end of a slice
 * @param throttles tasks parked because their group's budget was used up
 */
public record SchedulerStats(
    long wallNanos,
    long idleNanos,
    long permitBusyNanos,
    long grants,
    long preemptions,
    long sliceEnds,
    long throttles) {}
