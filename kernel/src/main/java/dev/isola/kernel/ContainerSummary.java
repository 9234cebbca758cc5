package dev.isola.kernel;

/**
 * One container's figures for the run summary ({@code isola run} prints one row of these).
 *
 * @param name the container's name
 * @param state {@code running}, {@code backoff}, {@code stopped} or {@code new}
 * @param cpuNanos CPU time its code held a run permit for
 * @param budgetShareUsed CPU time over the budget of the periods elapsed (1.0 = all of it), NaN if unlimited
 * @param budgetPeriods budget periods elapsed (0 if unlimited)
 * @param activations periodic activations completed
 * @param deadlineMisses activations that ended after their next release (and releases skipped)
 * @param worstLatenessNanos the longest delay from a release to the activation's start
 * @param traps incarnations ended by a trap, a host function's failure or the watchdog
 * @param restarts restarts by the restart policy
 * @param portalCalls portal calls it made
 * @param dutyCycle CPU time over wall time since the system started
 * @param swaps hot swaps carried out (rolled back ones included)
 * @param rollbacks swaps undone because the new module failed in its grace period
 * @param lastOutcome how its last incarnation ended, or "" while the first runs
 */
public record ContainerSummary(
    String name,
    String state,
    long cpuNanos,
    double budgetShareUsed,
    long budgetPeriods,
    long activations,
    long deadlineMisses,
    long worstLatenessNanos,
    long traps,
    long restarts,
    long portalCalls,
    double dutyCycle,
    long swaps,
    long rollbacks,
    String lastOutcome) {}
