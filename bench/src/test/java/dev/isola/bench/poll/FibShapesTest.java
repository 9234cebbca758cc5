package dev.isola.bench.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every poll shape computes fib, serves the requests it polls for, and keeps the depth limit. */
class FibShapesTest {
  private static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  @Test
  void everyShapeComputesFib() throws Throwable {
    for (int n = 0; n <= 20; n++) {
      int expected = fib(n);
      FibShapes.Context ctx = new FibShapes.Context();
      assertEquals(expected, FibShapes.plain(n), "plain " + n);
      assertEquals(expected, FibShapes.depth(n, FibShapes.DEPTH, ctx), "depth " + n);
      assertEquals(expected, (int) FibShapes.countdown(n, FibShapes.REFILL, FibShapes.DEPTH, ctx), "countdown " + n);
      assertEquals(expected, (int) FibShapes.countdownNoDepth(n, FibShapes.REFILL, ctx), "countdownNoDepth " + n);
      assertEquals(expected, FibShapes.memoryCountdown(n, FibShapes.DEPTH, ctx), "memoryCountdown " + n);
      assertEquals(expected, FibShapes.staticFlag(n, FibShapes.DEPTH, ctx), "staticFlag " + n);
      assertEquals(expected, FibShapes.contextFlag(n, FibShapes.DEPTH, ctx), "contextFlag " + n);
      assertEquals(expected, FibShapes.callSite(n, FibShapes.DEPTH, ctx), "callSite " + n);
    }
  }

  @Test
  void flagShapesServeARequestOnce() throws Throwable {
    FibShapes.Context ctx = new FibShapes.Context();
    ctx.requested = true;
    FibShapes.contextFlag(10, FibShapes.DEPTH, ctx);
    assertEquals(1, ctx.served);

    FibShapes.anyRequest = true;
    FibShapes.staticFlag(10, FibShapes.DEPTH, ctx);
    assertEquals(2, ctx.served);

    FibShapes.requestCallSite();
    FibShapes.callSite(10, FibShapes.DEPTH, ctx);
    assertEquals(3, ctx.served);
  }

  @Test
  void countdownTakesItsSlowPathWhenItRunsOut() {
    FibShapes.Context ctx = new FibShapes.Context();
    long packed = FibShapes.countdown(20, 16, FibShapes.DEPTH, ctx);
    assertEquals(fib(20), (int) packed);
    // fib(20) in this form makes 10,946 calls and weighs 339,311 in all: a budget of 16 runs out at the first
    // entry, and the one refill of 2^20 lasts the rest.
    assertEquals(1, ctx.served);
  }

  @Test
  void depthLimitHolds() {
    FibShapes.Context ctx = new FibShapes.Context();
    assertThrows(StackOverflowError.class, () -> FibShapes.depth(30, 10, ctx));
    assertThrows(StackOverflowError.class, () -> FibShapes.countdown(30, FibShapes.REFILL, 10, ctx));
  }
}
