package dev.isola.bench;

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
 * The kernels under JMH, one run of the whole program per invocation, on Isola's two tiers and Chicory's. The
 * kernels' directory comes from the system property {@code isola.bench.kernels} (bench/run.sh sets it; JMH's
 * forks inherit the launching JVM's arguments). Each invocation takes from milliseconds to a second or more, so
 * a few iterations of two seconds are enough and keep the whole run to minutes. GraalWasm and node are measured
 * by {@link BenchRunner} only: GraalWasm needs JVM options of its own (JVMCI), node is no JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class KernelBenchmark {
  // Every file in bench/kernels; JMH needs the names as constants, so a new kernel is added here too.
  @Param({"crc32", "fib", "mandelbrot", "matmul", "nbody", "quicksort", "sieve"})
  public String kernel;

  private Kernel k;

  @Setup(Level.Trial)
  public void find() {
    String dir = System.getProperty("isola.bench.kernels");
    if (dir == null) {
      throw new IllegalStateException("set -Disola.bench.kernels=DIR (bench/run.sh builds the kernels there)");
    }
    k = new Kernel(kernel, Path.of(dir, kernel + ".wasm"), Path.of(dir, kernel), List.of());
  }

  /** Each engine is prepared only for the benchmark that uses it, so one engine that fails fails only its own. */
  public abstract static class Engine {
    JvmContender.Prepared prepared;

    abstract JvmContender contender();

    @Setup(Level.Trial)
    public void prepare(KernelBenchmark b) throws Exception {
      prepared = contender().prepare(b.k);
    }
  }

  @State(Scope.Benchmark)
  public static class IsolaCompiled extends Engine {
    @Override
    JvmContender contender() {
      return IsolaContender.compiled();
    }
  }

  @State(Scope.Benchmark)
  public static class IsolaInterp extends Engine {
    @Override
    JvmContender contender() {
      return IsolaContender.interpreter();
    }
  }

  @State(Scope.Benchmark)
  public static class ChicoryCompiled extends Engine {
    @Override
    JvmContender contender() {
      return new ChicoryContender(true);
    }
  }

  @State(Scope.Benchmark)
  public static class ChicoryInterp extends Engine {
    @Override
    JvmContender contender() {
      return new ChicoryContender(false);
    }
  }

  @Benchmark
  public KernelRun isolaCompiled(IsolaCompiled engine) throws Exception {
    return checked(engine.prepared.run());
  }

  @Benchmark
  public KernelRun isolaInterp(IsolaInterp engine) throws Exception {
    return checked(engine.prepared.run());
  }

  @Benchmark
  public KernelRun chicoryCompiled(ChicoryCompiled engine) throws Exception {
    return checked(engine.prepared.run());
  }

  @Benchmark
  public KernelRun chicoryInterp(ChicoryInterp engine) throws Exception {
    return checked(engine.prepared.run());
  }

  // Returning the run lets JMH consume it (no dead-code elimination); the status check catches a broken engine.
  private KernelRun checked(KernelRun run) {
    if (run.exitStatus() != 0) {
      throw new IllegalStateException(kernel + " exited with status " + run.exitStatus());
    }
    return run;
  }
}
