package dev.isola.bench.poll;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * fib(32) in each of {@link FibShapes}' poll shapes. With {@code requestEveryMs} above 0, a daemon thread asks
 * for a safepoint that often, as the kernel's scheduler does at the end of every slice (5 ms by default), and each
 * flag shape must serve the request; the countdown shapes take their slow path every {@link FibShapes#REFILL}
 * units of fuel whatever the ticker does. Run with {@code bench/run.sh jmh PollShapeBenchmark} (3 forks by
 * default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xss64m", "-XX:+UseZGC", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class PollShapeBenchmark {
  private static final int N = 32;
  /** fib(32), which every shape must compute. */
  private static final int EXPECTED = 2_178_309;

  @Param({"0", "5"})
  public int requestEveryMs;

  private final FibShapes.Context ctx = new FibShapes.Context();
  private Thread ticker;
  private int servedBefore;

  /**
   * Starts the ticker. It raises only the request the running shape reads: a call site's request deoptimizes at a
   * global safepoint, which must not be charged to the other shapes.
   */
  @Setup(Level.Trial)
  public void startTicker(BenchmarkParams params) {
    if (requestEveryMs > 0) {
      String shape = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      Runnable request = switch (shape) {
        case "callSite" -> FibShapes::requestCallSite;
        case "staticFlag" -> () -> FibShapes.anyRequest = true;
        default -> () -> ctx.requested = true;
      };
      ticker = Thread.ofPlatform().daemon().name("safepoint-ticker").start(() -> tick(request));
    }
  }

  private void tick(Runnable request) {
    try {
      while (true) {
        Thread.sleep(requestEveryMs);
        request.run();
      }
    } catch (InterruptedException e) {
      // The trial is over.
    }
  }

  @Setup(Level.Iteration)
  public void countServed() {
    servedBefore = ctx.served;
  }

  /**
   * A shape that ignored the ticker's requests would be measured without paying for them: fail it instead. The
   * two shapes without polls run with the ticker too, as the baseline of what the ticker alone costs.
   */
  @TearDown(Level.Iteration)
  public void checkServed(BenchmarkParams params) {
    boolean polls = !params.getBenchmark().endsWith(".plain") && !params.getBenchmark().endsWith(".depth");
    if (requestEveryMs > 0 && polls && ctx.served == servedBefore) {
      throw new IllegalStateException("no safepoint request was served in a whole iteration");
    }
  }

  @TearDown(Level.Trial)
  public void stopTicker() throws InterruptedException {
    if (ticker != null) {
      ticker.interrupt();
      ticker.join();
    }
  }

  private static int check(int result) {
    if (result != EXPECTED) {
      throw new IllegalStateException("fib(" + N + ") = " + result);
    }
    return result;
  }

  @Benchmark
  public int plain() {
    return check(FibShapes.plain(N));
  }

  @Benchmark
  public int depth() {
    return check(FibShapes.depth(N, FibShapes.DEPTH, ctx));
  }

  @Benchmark
  public int countdown() {
    return check((int) FibShapes.countdown(N, FibShapes.REFILL, FibShapes.DEPTH, ctx));
  }

  @Benchmark
  public int countdownNoDepth() {
    return check((int) FibShapes.countdownNoDepth(N, FibShapes.REFILL, ctx));
  }

  @Benchmark
  public int memoryCountdown() {
    return check(FibShapes.memoryCountdown(N, FibShapes.DEPTH, ctx));
  }

  @Benchmark
  public int staticFlag() {
    return check(FibShapes.staticFlag(N, FibShapes.DEPTH, ctx));
  }

  @Benchmark
  public int contextFlag() {
    return check(FibShapes.contextFlag(N, FibShapes.DEPTH, ctx));
  }

  @Benchmark
  public int callSite() throws Throwable {
    return check(FibShapes.callSite(N, FibShapes.DEPTH, ctx));
  }
}
