package dev.isola.cli.view;

import dev.isola.kernel.ContainerSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time between two snapshots: what a container did in it (its CPU share now, rather than since start).
 *
 * @param previous the snapshot drawn before ({@code null} for the first: the interval starts at the system's start)
 * @param now the snapshot to draw
 */
record Interval(Snapshot previous, Snapshot now) {
  /** The shortest interval a CPU share is taken over: 100 ms. */
  static final long SHORTEST_NANOS = 100_000_000L;

  /** {@code container}'s CPU time over the interval's wall time, in percent of one CPU, as "12.3%". */
  String cpu(ContainerSummary container) {
    long cpu = container.cpuNanos();
    long wall = now.summary().wallNanos();
    // An interval too short to measure (the final screen drawn just after a periodic one): since the start.
    if (previous != null && wall - previous.summary().wallNanos() >= SHORTEST_NANOS) {
      cpu -= previous.summary().containers().stream().filter(c -> c.name().equals(container.name()))
          .mapToLong(ContainerSummary::cpuNanos).findFirst().orElse(0);
      wall -= previous.summary().wallNanos();
    }
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * Math.max(0, cpu) / Math.max(1, wall));
  }

  /** {@code container}'s interrupt events recorded (by its current incarnation), or "-" without lines. */
  String interrupts(ContainerSummary container) {
    Long events = now.interrupts().get(container.name());
    return events == null ? "-" : Long.toString(events);
  }

  /** Seconds since the system started, as "12.3s". */
  String elapsed() {
    return String.format(Locale.ROOT, "%.1fs", now.summary().wallNanos() / 1e9);
  }

  /** The board's readings on one line: "room.temperature 21.84 °C   fan.duty 40 %". */
  String gauges() {
    return String.join("", gauges(Integer.MAX_VALUE));
  }

  /** The board's readings on lines of at most {@code width} characters (a longer reading gets a line alone). */
  List<String> gauges(int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (Gauge g : now.gauges()) {
      String item = g.name() + " " + g.text();
      if (!line.isEmpty() && line.length() + 3 + item.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : "   ").append(item);
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
