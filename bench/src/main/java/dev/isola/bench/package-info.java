/**
 * Benchmarks: the CPU kernels in {@code bench/kernels/*.c}, each a WASI command that does a fixed amount of work
 * and prints a {@code checksum:} line, run on Isola's two tiers, Chicory's compiler and interpreter, GraalWasm,
 * node's V8 and natively.
 *
 * <p>{@link dev.isola.bench.BenchRunner} runs every kernel on every {@link dev.isola.bench.Contender}, measured two
 * ways: the steady state (warm-up runs, then measured runs in one process, a fresh instance each) and the whole
 * process (a new process per run). It checks that all of them printed the same output, and prints the median time
 * of each with its ratio to native ({@link dev.isola.bench.ResultTable}).
 *
 * <p>Design decisions:
 * <ul>
 *   <li>The JVM engines ({@link dev.isola.bench.JvmContender}) are measured in the runner's own JVM when they can
 *       be, because that is the cheapest way to reach their steady state; GraalWasm gets a child JVM of its own,
 *       because its optimizing runtime needs JVM options (JVMCI, the Graal compiler on the upgrade module path)
 *       that should not change how the other engines run.</li>
 *   <li>Every child process speaks the protocol of {@code bin/isola bench} ({@code STEADY_MS} lines on stderr,
 *       the program's output unchanged on stdout), so Isola's own launcher, {@link dev.isola.bench.SteadyState}
 *       and node's script are interchangeable, and the runner checks all outputs the same way.</li>
 *   <li>How GraalWasm ran is read at run time from the polyglot engine, never assumed: Truffle falls back to
 *       interpreting without failing, and a benchmark that silently compared against that would mislead.</li>
 *   <li>A contender that fails is reported for that kernel and the run goes on: one engine not ready (the compiler
 *       tier while it is written) must not cost the other columns.</li>
 * </ul>
 * {@link dev.isola.bench.KernelBenchmark}, {@link dev.isola.bench.InstantiationBenchmark}, {@link
 * dev.isola.bench.SafepointPollBenchmark} and {@link dev.isola.bench.poll.PollShapeBenchmark} are the JMH side. None
 * runs in the normal build; {@code bench/run.sh} does.
 *
 * <p>The module has no {@code module-info.java} on purpose: it exports nothing, and JMH's generated classes,
 * Chicory and GraalWasm are simplest on the class path.
 */
package dev.isola.bench;
