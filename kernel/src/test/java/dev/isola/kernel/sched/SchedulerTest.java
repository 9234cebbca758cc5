package dev.isola.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.isola.runtime.Trap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Priorities, round robin, exclusion, sleeping, waking, idling: Java bodies calling checkpoint() in loops. */
@Timeout(60)
class SchedulerTest {
  private Scheduler scheduler;

  private Scheduler start(int cpus, Duration slice) {
    scheduler = Scheduler.start(SchedulerConfig.of(cpus, slice));
    return scheduler;
  }

  @AfterEach
  void shutdown() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  /** Spins calling checkpoint() until {@code stop}, counting iterations. */
  static Runnable spinner(AtomicBoolean stop, AtomicLong count) {
    return () -> {
      Task me = Task.current();
      while (!stop.get()) {
        count.incrementAndGet();
        me.checkpoint();
      }
    };
  }

  static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "condition not reached in 20 s");
      Thread.sleep(1);
    }
  }

  @Test
  void aHighTaskPreemptsASpinningLowTaskWithOnePermit() throws Exception {
    Scheduler s = start(1, Duration.ofMillis(5));
    List<String> log = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong lowCount = new AtomicLong();
    AtomicBoolean highDone = new AtomicBoolean();
    Group low = s.group(GroupSpec.of("low", 1));
    Group high = s.group(GroupSpec.of("high", 50));
    low.spawn(
        "spin",
        () -> {
          Task me = Task.current();
          log.add("low-start");
          boolean sawHigh = false;
          while (!stop.get()) {
            lowCount.incrementAndGet();
            me.checkpoint();
            if (highDone.get() && !sawHigh) {
              sawHigh = true;
              log.add("low-after-high");
            }
          }
        });
    waitFor(() -> lowCount.get() > 1000);
    high.spawn(
        "work",
        () -> {
          Task me = Task.current();
          log.add("high-start");
          long before = lowCount.get();
          for (int i = 0; i < 200_000; i++) {
            me.checkpoint();
          }
          // One permit: the low task cannot have run while this one held it.
          log.add(lowCount.get() == before ? "low-stood-still" : "low-ran");
          log.add("high-end");
          highDone.set(true);
        });
    high.await();
    waitFor(() -> log.contains("low-after-high"));
    stop.set(true);
    low.await();
    assertEquals(List.of("low-start", "high-start", "low-stood-still", "high-end", "low-after-high"), log);
    assertTrue(s.stats().preemptions() >= 1);
  }

  @Test
  void withTwoPermitsTheLowestRunningTaskIsTheOnePreempted() throws Exception {
    // Two permit holders spinning at once need two carrier threads (see the package documentation).
    assumeTrue(Scheduler.carriers() >= 2, "needs 2 virtual-thread carriers");
    Scheduler s = start(2, Duration.ofMillis(5));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong c1 = new AtomicLong();
    AtomicLong c5 = new AtomicLong();
    s.group(GroupSpec.of("p1", 1)).spawn("spin", spinner(stop, c1));
    s.group(GroupSpec.of("p5", 5)).spawn("spin", spinner(stop, c5));
    waitFor(() -> c1.get() > 1000 && c5.get() > 1000);
    AtomicLong p1During = new AtomicLong(-1);
    AtomicLong p5During = new AtomicLong(-1);
    Group high = s.group(GroupSpec.of("high", 9));
    high.spawn(
        "work",
        () -> {
          Task me = Task.current();
          me.checkpoint();
          long b1 = c1.get();
          long b5 = c5.get();
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          // Run until p5 has visibly progressed beside us (it keeps its permit), or give up after 20 s.
          while (c5.get() - b5 < 10_000 && System.nanoTime() < end) {
            me.checkpoint();
          }
          p1During.set(c1.get() - b1);
          p5During.set(c5.get() - b5);
        });
    high.await();
    stop.set(true);
    assertEquals(0, p1During.get(), "p1 ran while the high task held a permit");
    assertTrue(p5During.get() >= 10_000, "p5 was preempted instead of p1");
  }

  @Test
  void equalPrioritiesShareOnePermitByRoundRobin() throws Exception {
    Scheduler s = start(1, Duration.ofMillis(1));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong a = new AtomicLong();
    AtomicLong b = new AtomicLong();
    s.group(GroupSpec.of("a", 5)).spawn("spin", spinner(stop, a));
    s.group(GroupSpec.of("b", 5)).spawn("spin", spinner(stop, b));
    // Without slicing, whichever got the permit first would keep it forever.
    waitFor(() -> a.get() > 100_000 && b.get() > 100_000);
    stop.set(true);
    for (Group g : s.groups()) {
      g.await();
    }
    assertTrue(s.stats().sliceEnds() >= 2, "slices ended: " + s.stats().sliceEnds());
  }

  @Test
  void aGroupRunsOneTaskAtATimeAndSwitchesAtYield() throws Exception {
    Scheduler s = start(2, Duration.ofMillis(5));
    Group g = s.group(GroupSpec.of("contexts", 5));
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<String> log = new CopyOnWriteArrayList<>();
    // Suspended while both are spawned, so that the first cannot finish before the second exists.
    g.suspend();
    for (String name : List.of("a", "b")) {
      g.spawn(
          name,
          () -> {
            Task me = Task.current();
            for (int round = 0; round < 3; round++) {
              if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              log.add(name + round);
              for (int i = 0; i < 1000; i++) {
                me.checkpoint();
              }
              inside.decrementAndGet();
              me.yieldNow();
            }
          });
    }
    g.resume();
    g.await();
    assertEquals(0, overlaps.get());
    // Contexts alternate at every yield: whichever started first, the other runs next.
    assertEquals(6, log.size());
    for (int i = 1; i < log.size(); i++) {
      assertTrue(log.get(i).charAt(0) != log.get(i - 1).charAt(0), "no alternation: " + log);
    }
  }

  @Test
  void sleepersWakeInTheOrderOfTheirTimes() throws Exception {
    Scheduler s = start(1, Duration.ofMillis(5));
    List<String> log = new CopyOnWriteArrayList<>();
    long base = s.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long step = TimeUnit.MILLISECONDS.toNanos(100);
    // Spawned in an order different from their wake times; each in its own group (one runner per group).
    int[] order = {3, 1, 2};
    for (int k : order) {
      s.group(GroupSpec.of("g" + k, 5))
          .spawn(
              "sleeper",
              () -> {
                Task.current().sleepUntil(base + k * step);
                log.add("w" + k);
              });
    }
    for (Group g : s.groups()) {
      g.await();
    }
    assertEquals(List.of("w1", "w2", "w3"), log);
  }

  @Test
  void awaitWakeReturnsOnWakeOnPendingWakeAndAtItsDeadline() throws Exception {
    Scheduler s = start(1, Duration.ofMillis(5));
    List<Boolean> results = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    Task t =
        s.group(GroupSpec.of("waiter", 5))
            .spawn(
                "w",
                () -> {
                  Task me = Task.current();
                  waiting.countDown();
                  results.add(me.awaitWake(Long.MAX_VALUE));
                  me.wake(); // a wake before the wait is kept
                  results.add(me.awaitWake(Long.MAX_VALUE));
                  results.add(me.awaitWake(s.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20)));
                });
    waiting.await();
    waitFor(() -> s.stateOf(t) == Task.State.SLEEPING);
    assertEquals(0, s.heldPermits());
    s.wake(t);
    t.group().await();
    assertEquals(List.of(true, true, false), results);
  }

  @Test
  void anIdleSystemHoldsNoPermit() throws Exception {
    Scheduler s = start(2, Duration.ofMillis(5));
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tasks.add(s.group(GroupSpec.of("c" + i, i)).spawn("sleep", () -> Task.current().sleepFor(Duration.ofHours(1))));
    }
    waitFor(() -> tasks.stream().allMatch(t -> s.stateOf(t) == Task.State.SLEEPING));
    assertEquals(0, s.heldPermits());
    SchedulerStats a = s.stats();
    Thread.sleep(50);
    SchedulerStats b = s.stats();
    // No permit was held in between: all of the elapsed time was idle.
    assertEquals(b.wallNanos() - a.wallNanos(), b.idleNanos() - a.idleNanos());
    for (Task t : tasks) {
      t.kill("test over");
    }
    for (Task t : tasks) {
      t.group().await();
      assertInstanceOf(Trap.class, t.failure());
    }
  }

  @Test
  void aPortalCallerTakesTheExportersExclusionAndWaitsForIt() throws Exception {
    Scheduler s = start(2, Duration.ofMillis(5));
    Group exporter = s.group(GroupSpec.of("exporter", 5));
    Group caller = s.group(GroupSpec.of("caller", 5));
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch exporterInside = new CountDownLatch(1);
    CountDownLatch callerQueued = new CountDownLatch(1);
    exporter.spawn(
        "ctx",
        () -> {
          Task me = Task.current();
          log.add("exporter-in");
          exporterInside.countDown();
          try {
            callerQueued.await();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          // Still running (holding the exclusion) until it sleeps.
          for (int i = 0; i < 1000; i++) {
            me.checkpoint();
          }
          log.add("exporter-sleeps");
          me.sleepFor(Duration.ofMillis(200));
          log.add("exporter-back");
        });
    exporterInside.await();
    caller.spawn(
        "call",
        () -> {
          Task me = Task.current();
          callerQueued.countDown();
          try (Exclusion x = me.enter(exporter)) {
            log.add("caller-in-" + x.group().name());
          }
        });
    caller.await();
    exporter.await();
    assertEquals(List.of("exporter-in", "exporter-sleeps", "caller-in-exporter", "exporter-back"), log);
  }

  /**
   * A sleep is woken a little early on purpose (the permit and a carrier are made ready before the due time)
   * and spins the rest: it must never return before its time, also for sleeps shorter than that margin, and a
   * short sleep is still a switching point for the group's other context.
   */
  @Test
  void sleepsNeverEndEarlyAndShortSleepsStillSwitchContexts() throws Exception {
    Scheduler s = start(1, Duration.ofMillis(5));
    Group g = s.group(GroupSpec.of("sleepy", 5));
    List<Long> early = new CopyOnWriteArrayList<>();
    List<String> log = new CopyOnWriteArrayList<>();
    // Short sleeps (under the early-wake margin) until the other context has run: "b" waits for the group's
    // exclusion from (nearly) the start, so it can only run while "a" is in this phase if a short sleep let it.
    // Bounded by a count, not a time: on a loaded machine "b" may take a while to be queued at all.
    int cap = 50_000;
    int[] shortSleeps = new int[2];
    AtomicIntegerArray ran = new AtomicIntegerArray(2);
    List<String> names = List.of("a", "b");
    for (int k = 0; k < 2; k++) {
      String name = names.get(k);
      int me = k;
      g.spawn(
          name,
          () -> {
            Task task = Task.current();
            ran.set(me, 1);
            for (int i = 0; i < cap && ran.get(1 - me) == 0; i++) {
              log.add(name);
              sleepChecked(s, task, 20_000L + (i % 4) * 20_000L, early);
              shortSleeps[me]++;
            }
            // Then sleeps long enough for a timer, a few times each.
            for (int i = 0; i < 8; i++) {
              log.add(name);
              sleepChecked(s, task, 1_000_000L, early);
            }
          });
    }
    g.await();
    assertEquals(List.of(), early, "sleeps that returned early (ns before their time)");
    assertTrue(shortSleeps[0] < cap, "short sleeps never switched the contexts: a slept " + shortSleeps[0]
        + " times without b running");
    assertTrue(log.indexOf("b") > 0 && log.indexOf("b") < log.lastIndexOf("a"), "b ran between a's sleeps");
  }

  private static void sleepChecked(Scheduler s, Task task, long nanos, List<Long> early) {
    long due = s.nanoTime() + nanos;
    task.sleepUntil(due);
    long now = s.nanoTime();
    if (now - due < 0) {
      early.add(due - now);
    }
  }
}
