/**
 * Benchmarks: the CPU kernels in {@code bench/kernels/*.c}, each a WASI command that does a fixed amount of work
 * and prints a {@code checksum:} line, run on Isola's interpreter, on Chicory's interpreter and natively.
 *
 * <p>{@link dev.isola.bench.BenchRunner} runs every kernel on every {@link dev.isola.bench.Contender} in one
 * process, warm-up runs first, checks that all of them printed the same output, and prints the median time of
 * each with its ratio to native ({@link dev.isola.bench.ResultTable}). {@link dev.isola.bench.KernelBenchmark}
 * measures the same kernels under JMH. Neither runs in the normal build; {@code bench/run.sh} does both.
 *
 * <p>The module has no {@code module-info.java} on purpose: it exports nothing, and JMH's generated classes and
 * Chicory are simplest on the class path.
 */
package dev.isola.bench;
