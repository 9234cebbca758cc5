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
}
