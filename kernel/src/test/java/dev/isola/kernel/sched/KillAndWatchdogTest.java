package dev.isola.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kills at checkpoints and in waits; the watchdog for silent tasks and stuck host calls. */
@Timeout(60)
class KillAndWatchdogTest {
  private final Scheduler scheduler = Scheduler.start(SchedulerConfig.of(2, Duration.ofMillis(5)));

  @AfterEach
  void shutdown() {
    scheduler.shutdown();
  }

  private static TrapKind trapKind(Task t) {
    return assertInstanceOf(Trap.class, t.failure()).kind();
  }

  @Test
  void aKilledSpinnerStopsAtItsNextCheckpointAndFreesItsPermit() throws Exception {
    Group g = scheduler.group(GroupSpec.of("victim", 5));
    AtomicLong count = new AtomicLong();
    Task t = g.spawn("spin", SchedulerTest.spinner(new AtomicBoolean(), count));
    SchedulerTest.waitFor(() -> count.get() > 1000);
    g.kill("stopped by test");
    g.await();
    assertEquals(TrapKind.INTERRUPTED, trapKind(t));
    assertTrue(t.failure().getMessage().contains("stopped by test"), t.failure().getMessage());
    assertEquals(0, scheduler.heldPermits());
  }

  @Test
  void killEndsASleepAndAWaitForTheExclusionAtOnce() throws Exception {
    Group g = scheduler.group(GroupSpec.of("sleepy", 5));
    Task sleeper = g.spawn("a", () -> Task.current().sleepFor(Duration.ofHours(1)));
    // The second context waits for the exclusion, which the sleeper gave up: it runs, then sleeps too.
    Task second = g.spawn("b", () -> Task.current().sleepFor(Duration.ofHours(1)));
    SchedulerTest.waitFor(
        () -> scheduler.stateOf(sleeper) == Task.State.SLEEPING && scheduler.stateOf(second) == Task.State.SLEEPING);
    g.kill("bye");
    g.await();
    assertEquals(TrapKind.INTERRUPTED, trapKind(sleeper));
    assertEquals(TrapKind.INTERRUPTED, trapKind(second));
  }

  @Test
  void theWatchdogKillsATaskThatStopsReachingCheckpoints() throws Exception {
    Group g = scheduler.group(GroupSpec.of("stuck", 5).withWatchdog(Duration.ofMillis(50)));
    List<String> reports = new CopyOnWriteArrayList<>();
    scheduler.onWatchdog((task, silent, inHost) -> reports.add(task + (inHost ? " in host" : " in guest")));
    Task t =
        g.spawn(
            "loop",
            () -> {
              Task me = Task.current();
              me.checkpoint();
              // A "guest" that loops without polling until the watchdog has marked it killed.
              while (me.killReason() == null) {
                Thread.onSpinWait();
              }
              me.checkpoint();
            });
    g.await();
    assertEquals(TrapKind.INTERRUPTED, trapKind(t));
    assertTrue(t.failure().getMessage().contains("watchdog"), t.failure().getMessage());
    assertEquals(List.of("stuck/loop in guest"), reports);
  }

  @Test
  void aStuckTaskIsKilledAfterShortRunsLeftTheWatchdogLookingRarely() throws Exception {
    // Many short runs of a group with a long limit: the watchdog keeps looking once per that limit and is
    // not woken by their mounts. A task with a shorter limit must still wake it (or it would look an hour late).
    Group calm = scheduler.group(GroupSpec.of("calm", 5).withWatchdog(Duration.ofHours(1)));
    Task shortRuns = calm.spawn("short", () -> {
      for (int i = 0; i < 50; i++) {
        Task.current().sleepFor(Duration.ofMillis(1));
      }
    });
    calm.await();
    assertEquals(null, shortRuns.failure());
    Group g = scheduler.group(GroupSpec.of("stuck", 5).withWatchdog(Duration.ofMillis(50)));
    List<String> reports = new CopyOnWriteArrayList<>();
    scheduler.onWatchdog((task, silent, inHost) -> reports.add(task.toString()));
    Task t = g.spawn("loop", () -> {
      Task me = Task.current();
      while (me.killReason() == null) {
        Thread.onSpinWait();
      }
      me.checkpoint();
    });
    g.await();
    assertEquals(TrapKind.INTERRUPTED, trapKind(t));
    assertEquals(List.of("stuck/loop"), reports);
  }

  @Test
  void theWatchdogInterruptsATaskStuckInAHostCall() throws Exception {
    Group g = scheduler.group(GroupSpec.of("host", 5).withWatchdog(Duration.ofMillis(50)));
    List<String> reports = new CopyOnWriteArrayList<>();
    scheduler.onWatchdog((task, silent, inHost) -> reports.add(task + (inHost ? " in host" : " in guest")));
    AtomicBoolean interrupted = new AtomicBoolean();
    Task t =
        g.spawn(
            "call",
            () -> {
              Task me = Task.current();
              me.enterHost();
              try {
                Thread.sleep(Duration.ofMinutes(10));
              } catch (InterruptedException e) {
                interrupted.set(true);
              } finally {
                me.leaveHost();
              }
              me.checkpoint();
            });
    g.await();
    assertTrue(interrupted.get());
    assertEquals(TrapKind.INTERRUPTED, trapKind(t));
    assertEquals(List.of("host/call in host"), reports);
  }

  @Test
  void aHealthyTaskIsLeftAlone() throws Exception {
    Group g = scheduler.group(GroupSpec.of("ok", 5).withWatchdog(Duration.ofMillis(200)));
    List<Task> reported = new CopyOnWriteArrayList<>();
    scheduler.onWatchdog((task, silent, inHost) -> reported.add(task));
    Task t =
        g.spawn(
            "work",
            () -> {
              Task me = Task.current();
              long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
              while (System.nanoTime() < end) {
                me.checkpoint();
              }
              // Sleeping holds no permit, so a long sleep is no watchdog matter.
              me.sleepFor(Duration.ofMillis(400));
            });
    g.await();
    assertEquals(null, t.failure());
    assertEquals(List.of(), reported);
  }

  @Test
  void aCallerKilledWhileWaitingToEnterAnotherGroupLeavesItFree() throws Exception {
    Group exporter = scheduler.group(GroupSpec.of("exporter", 5));
    Group caller = scheduler.group(GroupSpec.of("caller", 5));
    CountDownLatch release = new CountDownLatch(1);
    // The exporter's context keeps its group's exclusion while it spins: the caller must wait for it.
    AtomicBoolean stop = new AtomicBoolean();
    exporter.spawn("ctx", SchedulerTest.spinner(stop, new AtomicLong()));
    Task waiter =
        caller.spawn(
            "call",
            () -> {
              try (Exclusion x = Task.current().enter(exporter)) {
                release.countDown();
                throw new AssertionError("entered " + x.group());
              }
            });
    SchedulerTest.waitFor(() -> scheduler.stateOf(waiter) == Task.State.WAITING_OWNER);
    caller.kill("caller gone");
    caller.await();
    assertEquals(TrapKind.INTERRUPTED, trapKind(waiter));
    stop.set(true);
    exporter.await();
    // The exporter's exclusion is free again: a new task of the exporter runs.
    List<String> ran = new CopyOnWriteArrayList<>();
    exporter.spawn("next", () -> ran.add("next"));
    exporter.await();
    assertEquals(List.of("next"), ran);
    assertEquals(1, release.getCount());
  }
}
