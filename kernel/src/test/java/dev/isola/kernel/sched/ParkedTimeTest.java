package dev.isola.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.isola.kernel.config.Criticality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Time a task spends not running (waiting for a permit or a carrier, shed, throttled) is neither silence for
 * the watchdog nor run time ({@link Task#runNanos()}). On a hand-driven clock, so "a second passed" is exact.
 */
@Timeout(60)
class ParkedTimeTest {
  private final AtomicLong time = new AtomicLong(1_000_000_000L);
  private final Scheduler scheduler = Scheduler.start(new SchedulerConfig(1, Duration.ofMillis(5), time::get));

  @AfterEach
  void shutdown() {
    scheduler.shutdown();
  }

  @Test
  void aTaskGrantedAPermitButNotYetOnACarrierIsNotWatched() throws Exception {
    // Every carrier busy with a virtual thread that never parks: a granted task cannot resume, as on a machine
    // whose carriers are all held by guests (or descheduled by the OS).
    int carriers = Scheduler.carriers();
    AtomicBoolean release = new AtomicBoolean();
    CountDownLatch pinned = new CountDownLatch(carriers);
    List<Thread> pins = new ArrayList<>();
    for (int i = 0; i < carriers + 2; i++) {
      pins.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    pinned.countDown();
                    while (!release.get()) {
                      Thread.onSpinWait();
                    }
                  }));
    }
    try {
      pinned.await();
      Group g = scheduler.group(GroupSpec.of("watched", 5).withWatchdog(Duration.ofMillis(100)));
      AtomicBoolean ran = new AtomicBoolean();
      Task t = g.spawn("main", () -> ran.set(true));
      assertEquals(Task.State.RUNNING, scheduler.stateOf(t), "granted at spawn: the permit was free");
      assumeFalse(t.mounted, "a spare carrier took the task; nothing to show");
      time.addAndGet(Duration.ofSeconds(1).toNanos());
      scheduler.watchdogScan();
      assertNull(t.killReason(), "a task that never ran was killed by the watchdog");
      release.set(true);
      g.await();
      assertTrue(ran.get());
      assertNull(t.failure());
    } finally {
      release.set(true);
      for (Thread p : pins) {
        p.join();
      }
    }
  }

  @Test
  void aShedTaskIsNeitherWatchedNorChargedRunTimeForItsHold() throws Exception {
    Group g =
        scheduler.group(
            GroupSpec.of("low", 5).withCriticality(Criticality.LOW).withWatchdog(Duration.ofMillis(100)));
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    long[] run = new long[2];
    Task t =
        g.spawn(
            "spin",
            () -> {
              Task me = Task.current();
              run[0] = me.runNanos();
              started.countDown();
              while (!stop.get()) {
                me.checkpoint();
              }
              run[1] = me.runNanos();
            });
    started.await();
    scheduler.shed(Criticality.MEDIUM, Duration.ofMillis(500).toNanos());
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.THROTTLED);
    time.addAndGet(Duration.ofSeconds(1).toNanos());
    scheduler.watchdogScan();
    assertNull(t.killReason(), "a shed task was killed by the watchdog");
    scheduler.fireDueTimers(); // the hold ended: the task runs again
    SchedulerTest.waitFor(() -> scheduler.stateOf(t) == Task.State.RUNNING);
    stop.set(true);
    g.await();
    assertNull(t.failure());
    assertTrue(run[1] - run[0] < Duration.ofMillis(100).toNanos(), "run time " + (run[1] - run[0]));
    assertTrue(g.stats().cpuNanos() < Duration.ofMillis(100).toNanos(), "cpu " + g.stats().cpuNanos());
  }

  @Test
  void runTimeCountsTheCurrentStretchOnTheTasksOwnThread() throws Exception {
    Group g = scheduler.group(GroupSpec.of("runner", 5));
    long[] run = new long[3];
    Task t =
        g.spawn(
            "main",
            () -> {
              Task me = Task.current();
              run[0] = me.runNanos();
              time.addAndGet(1_000_000); // 1 ms of "guest work" without a checkpoint
              run[1] = me.runNanos();
              me.checkpoint();
              run[2] = me.runNanos();
            });
    g.await();
    assertNull(t.failure());
    assertEquals(1_000_000, run[1] - run[0]);
    assertEquals(run[1], run[2], "a checkpoint charges what was already counted");
    assertEquals(run[2], t.runNanos());
    assertFalse(t.mounted);
  }
}
