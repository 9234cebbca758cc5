package dev.isola.bench.kernel;

import com.sun.management.OperatingSystemMXBean;
import dev.isola.interp.Interpreter;
import dev.isola.kernel.sched.Group;
import dev.isola.kernel.sched.GroupSpec;
import dev.isola.kernel.sched.GroupStats;
import dev.isola.kernel.sched.Periodic;
import dev.isola.kernel.sched.Scheduler;
import dev.isola.kernel.sched.SchedulerConfig;
import dev.isola.kernel.sched.Task;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.wasm.text.TextParser;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scheduler's figures (issue 4), measured in wall-clock runs and printed as one line each:
 *
 * <ul>
 *   <li>{@code checkpoint}: the cost of one {@code Task.checkpoint()} when nothing is waiting (the fast path
 *       that runs at every slow-path poll of a guest).
 *   <li>{@code switch}: permit handoff between two tasks of different groups sharing one permit, each calling
 *       {@code yieldNow()} in a loop (ns per handoff).
 *   <li>{@code latency}: start lateness of a 1 kHz priority-90 periodic task (p50, p90, p99, max), alone and
 *       while three priority-10 Wasm guests spin in the interpreter (their polls are the preemption points).
 *       The scheduler's timer spin and early wake (package documentation of {@code dev.isola.kernel.sched},
 *       "Sleep manager") can be turned off for comparison with {@code -Disola.sched.spinMicros=0
 *       -Disola.sched.earlyMicros=0}. The tail (p99, max) measures the machine as much as the scheduler: on
 *       a machine loaded by other processes it is the OS's scheduling of the JVM's threads.
 *   <li>{@code budget}: CPU share of a spinning Wasm guest with a 2 ms / 10 ms budget beside an unlimited
 *       lower-priority spinner on one permit.
 *   <li>{@code idle}: process CPU time while four groups sleep.
 * </ul>
 *
 * Run: {@code java -cp "$(cat bench/target/bench-classpath.txt):bench/target/classes"
 * dev.isola.bench.kernel.SchedBench [checkpoint|switch|latency|budget|idle]...} (all when none is named). Add {@code
 * -XX:+UseZGC} as the launcher does.
 */
public final class SchedBench {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));
  private static final Module SPIN =
      ENGINE.compile(TextParser.parseModule("(module (func (export \"spin\") (loop (br 0))))"));

  private SchedBench() {}

  public static void main(String[] args) throws Exception {
    List<String> which =
        args.length == 0 ? List.of("checkpoint", "switch", "latency", "budget", "idle") : List.of(args);
    for (String w : which) {
      switch (w) {
        case "checkpoint" -> checkpointCost();
        case "switch" -> permitHandoff();
        case "latency" -> wakeUpLatency();
        case "budget" -> budgetShare();
        case "idle" -> idleCpu();
        default -> throw new IllegalArgumentException("unknown measure " + w + " (checkpoint|switch|latency|budget|idle)");
      }
    }
  }

  /** A task body that runs a Wasm guest looping forever; the kill at the end traps it. */
  private static Runnable wasmSpinner() {
    return () -> {
      Task me = Task.current();
      Store store = new Store(ENGINE);
      store.setSafepointHandler(Task.SAFEPOINT_HANDLER);
      me.setPreemptRequest(store::requestSafepoint);
      Instance instance = store.instantiate(SPIN, new Imports());
      try {
        instance.function("spin").call();
      } catch (Trap expected) {
        // killed at the end of the measure
      }
    };
  }

  private static void checkpointCost() throws Exception {
    Scheduler s = Scheduler.start(SchedulerConfig.of(1, Duration.ofMillis(5)));
    int n = 20_000_000;
    for (int trial = 0; trial < 3; trial++) {
      Group g = s.group(GroupSpec.of("cp" + trial, 5).withBudget(Duration.ofSeconds(1), Duration.ofSeconds(1)));
      long[] elapsed = {0};
      g.spawn(
          "loop",
          () -> {
            Task me = Task.current();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
              me.checkpoint();
            }
            elapsed[0] = System.nanoTime() - start;
          });
      g.await();
      System.out.printf(
          Locale.ROOT, "checkpoint: trial %d: %.1f ns per checkpoint (budgeted group, nothing waiting)%n", trial,
          (double) elapsed[0] / n);
    }
    s.shutdown();
  }

  private static void permitHandoff() throws Exception {
    Scheduler s = Scheduler.start(SchedulerConfig.of(1, Duration.ofMillis(5)));
    int rounds = 200_000;
    for (int trial = 0; trial < 3; trial++) {
      List<Group> groups = List.of(s.group(GroupSpec.of("a" + trial, 5)), s.group(GroupSpec.of("b" + trial, 5)));
      long start = System.nanoTime();
      for (Group g : groups) {
        g.spawn(
            "yield",
            () -> {
              Task me = Task.current();
              for (int i = 0; i < rounds; i++) {
                me.yieldNow();
              }
            });
      }
      for (Group g : groups) {
        g.await();
      }
      long elapsed = System.nanoTime() - start;
      System.out.printf(
          Locale.ROOT, "switch: trial %d: %.0f ns per permit handoff (%d yields)%n", trial,
          (double) elapsed / (2.0 * rounds), 2 * rounds);
    }
    // Event-driven: each task wakes the other and waits (wake -> permit handoff -> run), two groups.
    for (int trial = 0; trial < 3; trial++) {
      Group ga = s.group(GroupSpec.of("ping" + trial, 5));
      Group gb = s.group(GroupSpec.of("pong" + trial, 5));
      Task[] peers = new Task[2];
      java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
      long start = System.nanoTime();
      peers[1] =
          gb.spawn(
              "pong",
              () -> {
                Task me = Task.current();
                for (int i = 0; i < rounds; i++) {
                  me.awaitWake(Long.MAX_VALUE);
                  peers[0].wake();
                }
              });
      peers[0] =
          ga.spawn(
              "ping",
              () -> {
                Task me = Task.current();
                me.block(
                    () -> {
                      ready.await();
                      return null;
                    });
                for (int i = 0; i < rounds; i++) {
                  peers[1].wake();
                  me.awaitWake(Long.MAX_VALUE);
                }
              });
      ready.countDown();
      ga.await();
      gb.await();
      long elapsed = System.nanoTime() - start;
      System.out.printf(
          Locale.ROOT, "switch: trial %d: %.0f ns per wake-and-switch between groups (%d round trips)%n",
          trial, (double) elapsed / (2.0 * rounds), rounds);
    }
    s.shutdown();
  }

  private static void wakeUpLatency() throws Exception {
    int cpus = Math.min(2, Scheduler.carriers());
    for (int spinners : new int[] {0, 3}) {
      Scheduler s = Scheduler.start(SchedulerConfig.of(cpus, Duration.ofMillis(5)));
      List<Group> low = new ArrayList<>();
      for (int i = 0; i < spinners; i++) {
        Group g = s.group(GroupSpec.of("spin" + i, 10));
        g.spawn("spin", wasmSpinner());
        low.add(g);
      }
      int n = 5000;
      long[] lateness = new long[n];
      int[] count = {0};
      Group high = s.group(GroupSpec.of("tick", 90));
      high.spawn(
          "tick",
          Periodic.of(
              Duration.ofMillis(1),
              () -> {},
              a -> {
                if (count[0] < n) {
                  lateness[count[0]++] = a.lateness();
                } else {
                  Task.current().kill("measured");
                }
              }));
      high.await();
      GroupStats st = high.stats();
      // The first 500 activations warm up the JIT and are left out.
      long[] kept = Arrays.copyOfRange(lateness, 500, n);
      Arrays.sort(kept);
      System.out.printf(
          Locale.ROOT,
          "latency: 1 kHz task, %d spinning Wasm guests, %d permits: p50 %.1f us, p90 %.1f us, p99 %.1f us,"
              + " max %.1f us, misses %d of %d%n",
          spinners, cpus, kept[kept.length / 2] / 1e3, kept[(int) (kept.length * 0.90)] / 1e3,
          kept[(int) (kept.length * 0.99)] / 1e3, kept[kept.length - 1] / 1e3, st.deadlineMisses(),
          st.activations());
      for (Group g : low) {
        g.kill("done");
        g.await();
      }
      s.shutdown();
    }
  }

  private static void budgetShare() throws Exception {
    Scheduler s = Scheduler.start(SchedulerConfig.of(1, Duration.ofMillis(5)));
    Group budgeted = s.group(GroupSpec.of("budgeted", 50).withBudget(Duration.ofMillis(2), Duration.ofMillis(10)));
    Group other = s.group(GroupSpec.of("other", 10));
    budgeted.spawn("spin", wasmSpinner());
    other.spawn("spin", wasmSpinner());
    Thread.sleep(1000); // warm-up
    for (int i = 0; i < 5; i++) {
      GroupStats a = budgeted.stats();
      GroupStats oa = other.stats();
      Thread.sleep(2000);
      GroupStats b = budgeted.stats();
      GroupStats ob = other.stats();
      double share = (double) (b.cpuNanos() - a.cpuNanos()) / (b.wallNanos() - a.wallNanos());
      double otherShare = (double) (ob.cpuNanos() - oa.cpuNanos()) / (ob.wallNanos() - oa.wallNanos());
      System.out.printf(
          Locale.ROOT, "budget: 2ms/10ms (20%%): measured share %.2f%% over 2 s; the lower task got %.2f%%%n",
          100 * share, 100 * otherShare);
    }
    GroupStats total = budgeted.stats();
    System.out.printf(
        Locale.ROOT, "budget: whole run: share %.2f%%, budget used %.3f, %d throttles in %d periods%n",
        100 * total.dutyCycle(), total.budgetShareUsed(), total.throttles(), total.budgetPeriods());
    budgeted.kill("done");
    other.kill("done");
    budgeted.await();
    other.await();
    s.shutdown();
  }

  private static void idleCpu() throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // The JVM's own background (GC, JIT, the management bean) with no scheduler, for comparison.
    System.gc();
    Thread.sleep(500);
    idleLine(os, "idle: baseline, no scheduler", null);
    Scheduler s = Scheduler.start(SchedulerConfig.of(2, Duration.ofMillis(5)));
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Group g = s.group(GroupSpec.of("sleeper" + i, 10 + i).withWatchdog(Duration.ofSeconds(1)));
      g.spawn("sleep", () -> Task.current().sleepFor(Duration.ofHours(1)));
      groups.add(g);
    }
    Thread.sleep(1000);
    System.gc();
    Thread.sleep(500);
    idleLine(os, "idle: 4 sleeping groups", s);
    for (Group g : groups) {
      g.kill("done");
      g.await();
    }
    s.shutdown();
  }

  private static void idleLine(OperatingSystemMXBean os, String what, Scheduler s) throws InterruptedException {
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Thread.sleep(5000);
    long cpu = os.getProcessCpuTime() - cpu0;
    long wall = System.nanoTime() - t0;
    System.out.printf(
        Locale.ROOT,
        "%s: process CPU %.2f ms over %.1f s (%.3f%% of one core), permits held %d%n",
        what, cpu / 1e6, wall / 1e9, 100.0 * cpu / wall, s == null ? 0 : s.heldPermits());
  }
}
