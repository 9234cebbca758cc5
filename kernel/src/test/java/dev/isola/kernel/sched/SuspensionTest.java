package dev.isola.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.isola.kernel.config.Criticality;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Group#suspend()} and the overload policy's shedding are two reasons to stand still: the end of one
 * does not end the other. A hand-driven clock fires the shedding hold's end exactly.
 */
@Timeout(60)
class SuspensionTest {
  private final AtomicLong time = new AtomicLong(1_000_000_000L);
  private final Scheduler scheduler = Scheduler.start(new SchedulerConfig(1, Duration.ofMillis(5), time::get));
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong count = new AtomicLong();

  @AfterEach
  void shutdown() {
    stop.set(true);
    scheduler.shutdown();
  }

  private Task lowSpinner(Group g) throws InterruptedException {
    Task t = g.spawn("spin", SchedulerTest.spinner(stop, count));
    SchedulerTest.waitFor(() -> count.get() > 0);
    return t;
  }

  private void endTheHold() {
    time.addAndGet(Duration.ofMillis(20).toNanos());
    scheduler.fireDueTimers();
  }

  @Test
  void theEndOfASheddingHoldDoesNotEndAManualSuspension() throws Exception {
    Group g = scheduler.group(GroupSpec.of("low", 5).withCriticality(Criticality.LOW));
    Task t = lowSpinner(g);
    g.suspend();
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.THROTTLED);
    scheduler.shed(Criticality.MEDIUM, Duration.ofMillis(10).toNanos());
    endTheHold();
    assertEquals(Task.State.THROTTLED, scheduler.stateOf(t), "the hold's end resumed a suspended group");
    g.resume();
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.RUNNING);
    stop.set(true);
    g.await();
    assertNull(t.failure());
  }

  @Test
  void resumeDoesNotEndASheddingHold() throws Exception {
    Group g = scheduler.group(GroupSpec.of("low", 5).withCriticality(Criticality.LOW));
    Task t = lowSpinner(g);
    scheduler.shed(Criticality.MEDIUM, Duration.ofMillis(10).toNanos());
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.THROTTLED);
    g.suspend();
    g.resume();
    assertEquals(Task.State.THROTTLED, scheduler.stateOf(t), "resume() ended the overload policy's hold");
    endTheHold();
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.RUNNING);
    assertEquals(1, g.stats().sheds());
    stop.set(true);
    g.await();
    assertNull(t.failure());
  }

  @Test
  void aSecondShedWhileShedRenewsTheHoldWithoutCountingTwice() throws Exception {
    Group g = scheduler.group(GroupSpec.of("low", 5).withCriticality(Criticality.LOW));
    Task t = lowSpinner(g);
    scheduler.shed(Criticality.MEDIUM, Duration.ofMillis(10).toNanos());
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.THROTTLED);
    time.addAndGet(Duration.ofMillis(5).toNanos());
    scheduler.shed(Criticality.MEDIUM, Duration.ofMillis(10).toNanos()); // renewed: now ends at 15 ms
    time.addAndGet(Duration.ofMillis(7).toNanos());
    scheduler.fireDueTimers(); // 12 ms: the first hold's timer is stale
    assertEquals(Task.State.THROTTLED, scheduler.stateOf(t));
    endTheHold();
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.RUNNING);
    assertEquals(1, g.stats().sheds());
    stop.set(true);
    g.await();
  }
}
