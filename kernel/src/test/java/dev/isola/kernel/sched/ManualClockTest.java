package dev.isola.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Budgets on a hand-driven clock: the spinning tasks advance the clock themselves (their "CPU time") and fire
 * due timers synchronously, so the figures are exact and independent of the machine's load.
 */
@Timeout(60)
class ManualClockTest {
  private static final long STEP = 10_000; // 10 us of "CPU" per loop iteration

  @Test
  void aBudgetedSpinnerGetsItsShareToWithinOnePercent() throws Exception {
    AtomicLong time = new AtomicLong(1_000_000_000L);
    Scheduler s = Scheduler.start(new SchedulerConfig(1, Duration.ofMillis(5), time::get));
    try {
      Group budgeted = s.group(GroupSpec.of("budgeted", 50).withBudget(Duration.ofMillis(2), Duration.ofMillis(10)));
      Group low = s.group(GroupSpec.of("low", 1));
      long end = time.get() + Duration.ofSeconds(2).toNanos();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong budgetedSteps = new AtomicLong();
      AtomicLong lowSteps = new AtomicLong();
      for (Group g : new Group[] {budgeted, low}) {
        AtomicLong steps = g == budgeted ? budgetedSteps : lowSteps;
        g.spawn(
            "spin",
            () -> {
              Task me = Task.current();
              while (!stop.get()) {
                if (time.addAndGet(STEP) - end >= 0) {
                  stop.set(true);
                }
                steps.incrementAndGet();
                s.fireDueTimers();
                me.checkpoint();
              }
            });
      }
      budgeted.await();
      low.await();
      long total = budgetedSteps.get() + lowSteps.get();
      double share = (double) budgetedSteps.get() / total;
      assertTrue(Math.abs(share - 0.20) < 0.01, "share " + share);
      GroupStats st = budgeted.stats();
      assertTrue(st.throttles() >= 190, "throttles " + st.throttles());
      assertEquals(0, s.heldPermits());
    } finally {
      s.shutdown();
    }
  }

  /**
   * A replenishment that comes 15 ms late (the timer thread or the machine stalled) cost the group a whole
   * period's budget; it is made up once in the next period, because the group was waiting to run all along.
   * A group that slept through the periods gets no such credit.
   */
  @Test
  void aPeriodLostToALateReplenishmentIsMadeUpOnce() throws Exception {
    AtomicLong time = new AtomicLong(1_000_000_000L);
    Scheduler s = Scheduler.start(new SchedulerConfig(1, Duration.ofMillis(5), time::get));
    try {
      Group g = s.group(GroupSpec.of("budgeted", 50).withBudget(Duration.ofMillis(2), Duration.ofMillis(10)));
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong steps = new AtomicLong();
      long step = 100_000; // 100 us of "CPU" per iteration; timers fire only when the test says so
      Task t =
          g.spawn(
              "spin",
              () -> {
                Task me = Task.current();
                while (!stop.get()) {
                  time.addAndGet(step);
                  steps.incrementAndGet();
                  me.checkpoint();
                }
              });
      SchedulerTest.waitFor(() -> s.stateOf(t) == Task.State.THROTTLED);
      assertEquals(20, steps.get(), "the first period's budget");
      time.addAndGet(Duration.ofMillis(23).toNanos()); // 25 ms in: the replenishment at 10 ms comes 15 ms late
      s.fireDueTimers();
      SchedulerTest.waitFor(() -> s.stateOf(t) == Task.State.THROTTLED && steps.get() > 20);
      assertEquals(60, steps.get(), "the period at 20 ms gives its own budget and the lost one's");
      time.addAndGet(Duration.ofMillis(1).toNanos()); // 30 ms: on time; no credit this time
      s.fireDueTimers();
      SchedulerTest.waitFor(() -> s.stateOf(t) == Task.State.THROTTLED && steps.get() > 60);
      assertEquals(80, steps.get());
      stop.set(true);
      t.kill("done");
      g.await();
    } finally {
      s.shutdown();
    }
  }

  @Test
  void aGroupThatSleptThroughPeriodsGetsNoCredit() throws Exception {
    AtomicLong time = new AtomicLong(1_000_000_000L);
    Scheduler s = Scheduler.start(new SchedulerConfig(1, Duration.ofMillis(5), time::get));
    try {
      Group g = s.group(GroupSpec.of("budgeted", 50).withBudget(Duration.ofMillis(2), Duration.ofMillis(10)));
      AtomicLong steps = new AtomicLong();
      long wakeAt = time.get() + Duration.ofMillis(35).toNanos();
      Task t =
          g.spawn(
              "sleepy",
              () -> {
                Task me = Task.current();
                me.sleepUntil(wakeAt);
                while (true) {
                  time.addAndGet(100_000);
                  steps.incrementAndGet();
                  me.checkpoint();
                }
              });
      SchedulerTest.waitFor(() -> s.stateOf(t) == Task.State.SLEEPING);
      time.set(wakeAt);
      s.fireDueTimers();
      SchedulerTest.waitFor(() -> s.stateOf(t) == Task.State.THROTTLED);
      assertEquals(20, steps.get(), "one budget, nothing carried from the periods slept through");
      t.kill("done");
      g.await();
    } finally {
      s.shutdown();
    }
  }
}
