package dev.isola.bench.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The JDK's own floor under {@link IrqBench}: a platform thread unparks a parked thread (virtual, as the
 * kernel's tasks, or platform) and the time until it runs is read on the woken thread, with the same spacing
 * of events (100-600 us, the bench thread parked meanwhile). What IrqBench measures above this is the kernel's.
 *
 * <p>Run: {@code java -XX:+UseZGC -cp bench/target/classes dev.isola.bench.kernel.WakeFloor [events N]
 * [virtual|platform]...} (both, 10000 events, when none is named).
 */
public final class WakeFloor {
  private WakeFloor() {}

  public static void main(String[] args) throws Exception {
    int events = 10_000;
    List<String> kinds = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "events" -> events = Integer.parseInt(args[++i]);
        case "virtual", "platform" -> kinds.add(args[i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + " ([events N] virtual|platform)");
      }
    }
    for (String kind : kinds.isEmpty() ? List.of("virtual", "platform") : kinds) {
      System.out.println(measure(kind.equals("virtual"), events));
    }
  }

  private static volatile long stamp;
  private static volatile boolean stop;

  static String measure(boolean virtual, int events) throws InterruptedException {
    Thread bench = Thread.currentThread();
    stop = false;
    Runnable body = () -> {
      while (!stop) {
        LockSupport.park();
        stamp = System.nanoTime();
        LockSupport.unpark(bench); // after the reading, as IrqBench's log sink
      }
    };
    Thread waiter = virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().daemon().start(body);
    Thread.sleep(200);
    int warmup = Math.min(2_000, events / 5);
    long[] latency = new long[events];
    for (int i = -warmup; i < events; i++) {
      stamp = 0;
      long t0 = System.nanoTime();
      LockSupport.unpark(waiter);
      long t;
      while ((t = stamp) == 0) {
        LockSupport.parkNanos(1_000_000);
      }
      if (i >= 0) {
        latency[i] = t - t0;
      }
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 600_000));
    }
    stop = true;
    LockSupport.unpark(waiter);
    waiter.join();
    Arrays.sort(latency);
    return String.format(Locale.ROOT, "wake floor %-8s: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us over %d"
            + " events", virtual ? "virtual" : "platform", latency[events / 2] / 1e3,
        latency[(int) Math.ceil(0.99 * events) - 1] / 1e3, latency[(int) Math.ceil(0.999 * events) - 1] / 1e3,
        latency[events - 1] / 1e3, events);
  }
}
