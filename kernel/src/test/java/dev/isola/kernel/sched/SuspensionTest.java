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

  /**
   * A shed caller inside a portal call holds the exporter's exclusion: parking it there would stall the
   * exporter (typically the critical group whose misses caused the shedding) for the whole hold. It finishes
   * the call, then parks at its first checkpoint in its own code, and the exporter's own task runs.
   */
  @Test
  void aShedCallerFinishesItsPortalCallBeforeItParks() throws Exception {
    Group exporter = scheduler.group(GroupSpec.of("exporter", 5).withCriticality(Criticality.HIGH));
    Group caller = scheduler.group(GroupSpec.of("caller", 5).withCriticality(Criticality.LOW));
    AtomicBoolean finish = new AtomicBoolean();
    AtomicLong inside = new AtomicLong();
    AtomicLong outside = new AtomicLong();
    Task call =
        caller.spawn(
            "call",
            () -> {
              Task me = Task.current();
              try (Exclusion x = me.enter(exporter)) {
                while (!finish.get() && x.group() == exporter) {
                  inside.incrementAndGet(); // the exporter's code, run on the caller's task
                  me.checkpoint();
                }
              }
              while (!stop.get()) {
                outside.incrementAndGet();
                me.checkpoint();
              }
            });
    SchedulerTest.waitFor(() -> inside.get() > 0);
    AtomicBoolean exporterRan = new AtomicBoolean();
    Task own = exporter.spawn("own", () -> exporterRan.set(true)); // waits for the exclusion
    scheduler.shed(Criticality.MEDIUM, Duration.ofHours(1).toNanos());
    long before = inside.get();
    SchedulerTest.waitFor(() -> inside.get() > before + 1000); // still running inside the call
    finish.set(true);
    SchedulerTest.waitFor(() -> scheduler.stateOf(call) == Task.State.THROTTLED);
    exporter.await();
    assertEquals(true, exporterRan.get());
    assertNull(own.failure());
    long parked = outside.get();
    assertEquals(Task.State.THROTTLED, scheduler.stateOf(call));
    assertEquals(parked, outside.get(), "the shed caller ran its own code");
    caller.kill("done");
    caller.await();
  }
}
