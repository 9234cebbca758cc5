/**
 * Kernel measurements (issue 4): the scheduler's ({@code SchedBench}: permit handoff, wake-up latency under
 * load, CPU share against budget, idle CPU), the containers' (portal round trips, heap per container) and, for
 * issue 5, interrupt latency ({@code IrqBench}: event to the handler's first instruction, idle and under load;
 * {@code WakeFloor}: the JDK's own unpark-to-run floor beneath it). Plain mains rather than JMH where the
 * figure is a distribution over wall-clock time (lateness percentiles) or a whole-process measure (CPU time
 * while idle).
 */
package dev.isola.bench.kernel;
