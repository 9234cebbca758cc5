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
 * The kernels under JMH, one run of the whole program per invocation, on Isola and on Chicory. The kernels'
 * directory comes from the system property {@code isola.bench.kernels} (bench/run.sh sets it; JMH's forks
 * inherit the launching JVM's arguments). Each invocation takes a second or more, so single-shot iterations of
 * a few invocations are enough and keep the whole run to minutes.
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

  private Contender.Prepared isola;
  private Contender.Prepared chicory;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    String dir = System.getProperty("isola.bench.kernels");
    if (dir == null) {
      throw new IllegalStateException("set -Disola.bench.kernels=DIR (bench/run.sh builds the kernels there)");
    }
    Path wasm = Path.of(dir, kernel + ".wasm");
    var k = new Kernel(kernel, wasm, Path.of(dir, kernel), List.of());
    isola = new IsolaContender().prepare(k);
    chicory = new ChicoryContender().prepare(k);
  }

  @Benchmark
  public KernelRun isola() throws Exception {
    return checked(isola.run());
  }

  @Benchmark
  public KernelRun chicory() throws Exception {
    return checked(chicory.run());
  }

  // Returning the run lets JMH consume it (no dead-code elimination); the status check catches a broken engine.
  private KernelRun checked(KernelRun run) {
    if (run.exitStatus() != 0) {
      throw new IllegalStateException(kernel + " exited with status " + run.exitStatus());
    }
    return run;
  }
}
