package dev.isola.bench;

import dev.isola.compiler.Compiler;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the compiled tier's safepoint polls (function entry, loop back-edges, bulk-operation chunks; goal
 * of issue 3: at most 5% on the kernels): each kernel compiled with polls and without ({@link
 * Compiler.Option#NO_POLLS}), each trial in a JVM of its own. Code without polls cannot be stopped by fuel, a
 * deadline or a safepoint request: it exists for this measurement only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SafepointPollBenchmark {
  @Param({"crc32", "fib", "mandelbrot", "matmul", "nbody", "quicksort", "sieve"})
  public String kernel;

  @Param({"true", "false"})
  public String polls;

  private JvmContender.Prepared prepared;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    String dir = System.getProperty("isola.bench.kernels");
    if (dir == null) {
      throw new IllegalStateException("set -Disola.bench.kernels=DIR (bench/run.sh builds the kernels there)");
    }
    Compiler compiler = Boolean.parseBoolean(polls) ? Compiler.of() : Compiler.of(Compiler.Option.NO_POLLS);
    prepared = new IsolaContender("isola-compiled", Engine.of(EngineConfig.of(compiler)))
        .prepare(new Kernel(kernel, Path.of(dir, kernel + ".wasm"), Path.of(dir, kernel), List.of()));
  }

  @Benchmark
  public KernelRun compiled() throws Exception {
    KernelRun run = prepared.run();
    if (run.exitStatus() != 0) {
      throw new IllegalStateException(kernel + " exited with status " + run.exitStatus());
    }
    return run;
  }
}
