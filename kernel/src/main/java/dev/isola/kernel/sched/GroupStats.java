package dev.isola.kernel.sched;

/**
 * A group's figures since it was created (a snapshot; {@link Group#stats()}).
 *
 * @param name the group's name
 * @param cpuNanos CPU time its tasks held permits for (charged at checkpoints and at every release)
 * @param wallNanos time since the group was created
 * @param dutyCycle {@code cpuNanos / wallNanos}
 * @param budgetShareUsed {@code cpuNanos} over the budget of the periods elapsed (1.0 = the whole budget used
 *     in every period), or {@link Double#NaN} without a budget
 * @param budgetPeriods budget periods elapsed (0 without a budget)
 * @param throttles how often a task parked because the group's budget was used up
 * @param activations periodic activations completed ({@link Periodic})
 * @param deadlineMisses activations that completed after their next release
 * @param worstLatenessNanos the largest delay from an activation's release to its start
 * @param sheds how often the group was suspended by the overload policy
 */
public record GroupStats(
    String name,
    long cpuNanos,
    long wallNanos,
    double dutyCycle,
    double budgetShareUsed,
    long budgetPeriods,
    long throttles,
    long activations,
    long deadlineMisses,
    long worstLatenessNanos,
    long sheds) {}
