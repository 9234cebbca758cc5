package dev.isola.kernel.irq;

import dev.isola.runtime.Function;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One interrupt line: an event source with a handler attached. The host only records here: a saturating count
 * of events since the handler last ran (pending while it is above zero) and an overflow counter for events the
 * saturated count could not hold, never a queue (design.md section 3). Recorded from any thread (the source's),
 * taken by the task that runs the handler.
 */
final class Line {
  /** Where the count saturates; events beyond it are counted in {@link #overflows()} instead. */
  static final int SATURATION = 0xFFFF;

  final int handle;
  final String label;
  final int priority;
  final String export;
  final Function handler;
  final LineSource source;
  /** Attached by the kernel itself (a source it resolved: tests, benchmarks), not through a guest's handle. */
  final boolean kernelAttached;

  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong overflows = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();
  /** Volatile: read by pendingPriority under the scheduler's lock, written by mask/unmask and the watch. */
  volatile boolean masked;
  /** Cleared when detached: a source's listener still running must not raise a line no one serves. */
  volatile boolean attached = true;

  // Guarded by the controller's lock: the mask watch of the current masking.
  long maskSeq;
  ScheduledFuture<?> maskWatch;

  Line(int handle, String label, int priority, String export, Function handler, LineSource source,
       boolean kernelAttached) {
    this.kernelAttached = kernelAttached;
    this.handle = handle;
    this.label = label;
    this.priority = priority;
    this.export = export;
    this.handler = handler;
    this.source = source;
  }

  /** Records one event; true if the line became pending with it (its count was zero). */
  boolean record() {
    events.incrementAndGet();
    int before = count.getAndUpdate(c -> c < SATURATION ? c + 1 : c);
    if (before == SATURATION) {
      overflows.incrementAndGet();
    }
    return before == 0;
  }

  /** Whether the handler is due: events recorded, unmasked, attached. */
  boolean pending() {
    return count.get() > 0 && !masked && attached;
  }

  /** Whether events are recorded (masked or not). */
  boolean hasEvents() {
    return count.get() > 0;
  }

  /** Takes the count for a run of the handler (0 if another task took it first). */
  int take() {
    int n = count.getAndSet(0);
    if (n > 0) {
      runs.incrementAndGet();
    }
    return n;
  }

  long overflows() {
    return overflows.get();
  }

  LineStats stats() {
    return new LineStats(handle, label, priority, export, events.get(), runs.get(), count.get(), overflows.get(),
        masked);
  }
}
