package dev.isola.bench.poll;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * {@code fib(n)} as clang -O2 writes it in Wasm ({@code acc = 0; while (n >= 2) { acc += fib(n - 1); n -= 2; }
 * return acc + n}, unsigned), once per poll shape. Each method's comment says what it adds to {@link #depth}.
 * The poll sites are the compiled tier's: the function entry and the loop's header.
 */
final class FibShapes {
  private FibShapes() {}

  /** What a countdown starts from and gets back at each slow path (the benchmark's budget is unlimited). */
  static final long REFILL = 1L << 20;

  /** What a compiled function gets besides its arguments: the instance's context. */
  static final class Context {
    /** The countdown's home between calls (the compiled tier's {@code Fuel.budget}). */
    long budget = REFILL;
    /** Raised by another thread when it wants this context to reach a safepoint. */
    volatile boolean requested;
    /** How many times a slow path ran, so that the benchmark can tell that requests arrived. */
    int served;
  }

  /** The limit on Wasm call depth every shape but {@link #plain} counts down, as the compiled tier does. */
  static final int DEPTH = 100_000;

  /** No depth count and no poll: Chicory's compiled code, which can be neither stopped nor bounded. */
  static int plain(int n) {
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      acc += plain(n - 1);
      n -= 2;
    }
    return acc + n;
  }

  /** The compiled tier with polls off: the depth count and the context, nothing else. */
  static int depth(int n, int depth, Context ctx) {
    if (depth <= 0) {
      throw exhausted();
    }
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      acc += depth(n - 1, depth - 1, ctx);
      n -= 2;
    }
    return acc + n;
  }

  /**
   * The compiled tier with polls on: a countdown passed to the callee and handed back in the high half of the
   * result, decremented by each site's weight (16 at entry, 15 at the header, as fuel weighs fib's blocks).
   */
  static long countdown(int n, long budget, int depth, Context ctx) {
    if (depth <= 0) {
      throw exhausted();
    }
    budget -= 16;
    if (budget <= 0) {
      budget = refill(ctx);
    }
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      budget -= 15;
      if (budget <= 0) {
        budget = refill(ctx);
      }
      long packed = countdown(n - 1, budget, depth - 1, ctx);
      budget = packed >> 32;
      acc += (int) packed;
      n -= 2;
    }
    return Integer.toUnsignedLong(acc + n) | budget << 32;
  }

  /** {@link #countdown} without the depth count: what the countdown costs on top of Chicory's shape. */
  static long countdownNoDepth(int n, long budget, Context ctx) {
    budget -= 16;
    if (budget <= 0) {
      budget = refill(ctx);
    }
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      budget -= 15;
      if (budget <= 0) {
        budget = refill(ctx);
      }
      long packed = countdownNoDepth(n - 1, budget, ctx);
      budget = packed >> 32;
      acc += (int) packed;
      n -= 2;
    }
    return Integer.toUnsignedLong(acc + n) | budget << 32;
  }

  /** The countdown kept in the context instead of passed along: a load and a store at every site. */
  static int memoryCountdown(int n, int depth, Context ctx) {
    if (depth <= 0) {
      throw exhausted();
    }
    if ((ctx.budget -= 16) <= 0) {
      ctx.budget = refill(ctx);
    }
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      if ((ctx.budget -= 15) <= 0) {
        ctx.budget = refill(ctx);
      }
      acc += memoryCountdown(n - 1, depth - 1, ctx);
      n -= 2;
    }
    return acc + n;
  }

  /** Every context's request in one plain static field (it cannot say whose), tested at both sites. */
  static boolean anyRequest;

  /** A plain static flag at entry and header: the cheapest load there is, but shared by every store. */
  static int staticFlag(int n, int depth, Context ctx) {
    if (depth <= 0) {
      throw exhausted();
    }
    if (anyRequest) {
      serveStatic(ctx);
    }
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      if (anyRequest) {
        serveStatic(ctx);
      }
      acc += staticFlag(n - 1, depth - 1, ctx);
      n -= 2;
    }
    return acc + n;
  }

  /**
   * The context's own volatile flag, tested only at the header of the loop that calls (fib's entry needs no
   * test: every call is made from that loop). The design built and measured on the compiler's output before.
   */
  static int contextFlag(int n, int depth, Context ctx) {
    if (depth <= 0) {
      throw exhausted();
    }
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      if (ctx.requested) {
        serve(ctx);
      }
      acc += contextFlag(n - 1, depth - 1, ctx);
      n -= 2;
    }
    return acc + n;
  }

  /**
   * A call through a {@link MutableCallSite} whose target is a no-op until a request: C2 inlines the no-op and
   * records a dependency on the site, so the poll is no instruction at all. A request sets the target and
   * deoptimizes every method compiled against it; they run interpreted until C2 compiles them again.
   */
  static int callSite(int n, int depth, Context ctx) throws Throwable {
    if (depth <= 0) {
      throw exhausted();
    }
    POLL.invokeExact(ctx);
    int acc = 0;
    while (Integer.compareUnsigned(n, 2) >= 0) {
      POLL.invokeExact(ctx);
      acc += callSite(n - 1, depth - 1, ctx);
      n -= 2;
    }
    return acc + n;
  }

  private static final MutableCallSite SITE =
      new MutableCallSite(MethodType.methodType(void.class, Context.class));
  private static final MethodHandle POLL = SITE.dynamicInvoker();
  private static final MethodHandle NO_REQUEST = MethodHandles.empty(SITE.type());
  private static final MethodHandle SERVE;

  static {
    try {
      SERVE = MethodHandles.lookup().findStatic(FibShapes.class, "serveCallSite", SITE.type());
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    SITE.setTarget(NO_REQUEST);
  }

  /** Asks every {@link #callSite} activation for a safepoint. */
  static void requestCallSite() {
    SITE.setTarget(SERVE);
    MutableCallSite.syncAll(new MutableCallSite[] {SITE});
  }

  private static void serveCallSite(Context ctx) {
    ctx.served++;
    SITE.setTarget(NO_REQUEST);
  }

  private static void serveStatic(Context ctx) {
    ctx.served++;
    anyRequest = false;
  }

  private static void serve(Context ctx) {
    ctx.served++;
    ctx.requested = false;
  }

  /** The slow path of a countdown: serve a request if any, start a new count (as {@code Fuel.poll} does). */
  private static long refill(Context ctx) {
    serve(ctx);
    return REFILL;
  }

  private static StackOverflowError exhausted() {
    return new StackOverflowError("call stack exhausted");
  }
}
