package dev.isola.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Interrupt lines in the scheduler's one priority space, with Java tasks (no guest): a pending line raises the
 * task that owns its group's exclusion, even out of the run queue where a higher task had put it, and never
 * above work of a priority higher than the line's.
 */
@Timeout(60)
class InterruptSchedTest {
  private final Scheduler scheduler = Scheduler.start(SchedulerConfig.of(1, Duration.ofMillis(5)));

  @AfterEach
  void shutdown() {
    scheduler.shutdown();
  }

  /** Lines by priority; a handler records its name and what the spinner had counted when it ran. */
  private static final class Lines implements InterruptLines {
    final ConcurrentHashMap<Integer, Boolean> pending = new ConcurrentHashMap<>();
    final List<String> ran = new CopyOnWriteArrayList<>();

    @Override
    public int pendingPriority() {
      return pending.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    @Override
    public boolean service(Task t) {
      int p = pending.keySet().stream().filter(q -> q > t.level()).mapToInt(Integer::intValue).max().orElse(-1);
      if (p < 0 || pending.remove(p) == null) {
        return false;
      }
      int saved = t.enterHandler(p);
      try {
        ran.add("line " + p + " at priority " + t.priority());
      } finally {
        t.leaveHandler(saved);
      }
      return true;
    }

    void raise(Group g, int priority) {
      pending.put(priority, true);
      g.interrupt(priority);
    }
  }

  @Test
  void aPendingLineLiftsItsPreemptedOwnerAboveLowerWorkButNotAboveHigher() throws Exception {
    Group low = scheduler.group(GroupSpec.of("low", 10));
    Lines lines = new Lines();
    low.attachInterrupts(lines, null);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong lowCount = new AtomicLong();
    low.spawn("owner", SchedulerTest.spinner(stop, lowCount));
    SchedulerTest.waitFor(() -> lowCount.get() > 1000);
    // A priority-30 spinner takes the only permit: the owner waits in the run queue (preempted, still owner).
    AtomicBoolean stopMid = new AtomicBoolean();
    AtomicLong midCount = new AtomicLong();
    Group mid = scheduler.group(GroupSpec.of("mid", 30));
    mid.spawn("spin", SchedulerTest.spinner(stopMid, midCount));
    SchedulerTest.waitFor(() -> midCount.get() > 1000);
    // A line of priority 20 is below the spinner: it waits.
    lines.raise(low, 20);
    Thread.sleep(50);
    assertEquals(List.of(), lines.ran, "a line below the running work does not run");
    // A line of priority 40 is above it: the owner is raised, gets the permit and runs it.
    lines.raise(low, 40);
    SchedulerTest.waitFor(() -> !lines.ran.isEmpty());
    assertEquals("line 40 at priority 40", lines.ran.getFirst());
    Thread.sleep(50);
    assertEquals(1, lines.ran.size(), "the line of 20 still waits for the spinner: " + lines.ran);
    stopMid.set(true);
    SchedulerTest.waitFor(() -> lines.ran.size() == 2);
    assertEquals("line 20 at priority 20", lines.ran.get(1));
    stop.set(true);
    low.await();
    mid.await();
  }

  @Test
  void theInterruptTaskTakesTheExclusionAheadOfWaitingTasks() throws Exception {
    Group g = scheduler.group(GroupSpec.of("dev", 10));
    Lines lines = new Lines();
    List<String> order = new CopyOnWriteArrayList<>();
    Task irq = g.spawn("irq", () -> {
      Task me = Task.current();
      while (true) {
        me.awaitWake(Long.MAX_VALUE);
        me.checkpoint();
        order.add("irq");
      }
    });
    g.attachInterrupts(lines, irq);
    // A context owns the exclusion and yields it while a second context waits for it and a line is pending.
    AtomicBoolean release = new AtomicBoolean();
    g.spawn("first", () -> {
      Task me = Task.current();
      while (!release.get()) {
        Thread.onSpinWait();
      }
      me.yieldNow();
    });
    g.spawn("second", () -> order.add("second"));
    Thread.sleep(20);
    lines.raise(g, 10); // the group's own priority: it never interrupts a context, it waits for the exclusion
    Thread.sleep(20);
    assertEquals(List.of(), lines.ran);
    release.set(true);
    SchedulerTest.waitFor(() -> order.contains("second") && order.contains("irq"));
    assertEquals(List.of("line 10 at priority 10"), lines.ran);
    assertEquals("irq", order.getFirst(), "the interrupt task went first: " + order);
    g.kill("done");
    g.await();
  }
}
