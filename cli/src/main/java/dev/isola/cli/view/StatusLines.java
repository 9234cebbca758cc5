package dev.isola.cli.view;

import dev.isola.kernel.ContainerSummary;

/**
 * One plain line per snapshot, for output that is not a terminal (a pipe, a file, a test): the run time, the
 * board's readings, then each container's state and CPU share over the interval, with its deadline misses when
 * it has any.
 */
public record StatusLines() implements View {
  @Override
  public String draw(Snapshot previous, Snapshot now) {
    Interval interval = new Interval(previous, now);
    StringBuilder line = new StringBuilder("[").append(interval.elapsed()).append("]");
    String gauges = interval.gauges();
    if (!gauges.isEmpty()) {
      line.append(' ').append(gauges).append(" |");
    }
    String separator = " ";
    for (ContainerSummary c : now.summary().containers()) {
      line.append(separator).append(c.name()).append(' ').append(c.state()).append(' ').append(interval.cpu(c));
      if (c.deadlineMisses() > 0) {
        line.append(" misses ").append(c.deadlineMisses());
      }
      separator = ", ";
    }
    return line.append('\n').toString();
  }

  @Override
  public boolean keepsLog() {
    return false;
  }
}
