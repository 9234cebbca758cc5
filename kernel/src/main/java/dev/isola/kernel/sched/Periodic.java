package dev.isola.kernel.sched;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A body run once per period inside a task (a periodic context): releases at {@code start + k * period}; each
 * activation records its start lateness and whether it completed after the next release (a deadline miss) in
 * its group's stats. It runs until the task is killed or the body throws.
 *
 * <p>An activation that overruns by more than a whole period does not make the task run back to back to catch
 * up: the releases already wholly past are skipped and each is counted as a miss.
 *
 * <pre>{@code
 * Task t = group.spawn("sample", Periodic.of(Duration.ofMillis(10), () -> sample.call()));
 * }</pre>
 */
public final class Periodic implements Runnable {
  private final long periodNanos;
  private final Runnable body;
  private final Consumer<Activation> listener;

  private Periodic(Duration period, Runnable body, Consumer<Activation> listener) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.periodNanos = period.toNanos();
    this.body = Objects.requireNonNull(body, "body");
    this.listener = listener;
  }

  public static Periodic of(Duration period, Runnable body) {
    return new Periodic(period, body, null);
  }

  /** Also tells {@code listener} of every completed activation (on the task's thread). */
  public static Periodic of(Duration period, Runnable body, Consumer<Activation> listener) {
    return new Periodic(period, body, Objects.requireNonNull(listener, "listener"));
  }

  /** Runs on the task's thread (a {@link Group#spawn} body). */
  @Override
  public void run() {
    Task task = Task.current();
    if (task == null) {
      throw new IllegalStateException("a periodic body runs as a task (Group.spawn)");
    }
    Scheduler s = task.scheduler;
    Group g = task.group;
    long release = s.clock.nanoTime();
    while (true) {
      task.sleepUntil(release);
      long start = s.clock.nanoTime();
      long throttlesBefore = g.throttles;
      body.run();
      long end = s.clock.nanoTime();
      long next = release + periodNanos;
      Activation a = new Activation(release, start, end, next);
      long skipped = 0;
      if (end - next > periodNanos) {
        skipped = (end - next) / periodNanos;
        next += skipped * periodNanos;
      }
      g.recordActivation(a.lateness(), a.missed(), skipped);
      if (listener != null) {
        listener.accept(a);
      }
      if (a.missed()) {
        s.deadlineMissed(g, g.throttles != throttlesBefore);
      }
      release = next;
      task.checkpoint();
    }
  }
}
