package dev.isola.cli.view;

import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.SystemSummary;
import java.util.Locale;

/**
 * One screen redrawn in place (ANSI: cursor home, each line cleared to its end, the rest of the screen cleared), so
 * the terminal does not scroll or flicker: the system and its run time, the board's readings, a row per
 * container (state, CPU share over the last interval, budget used, deadline misses, interrupts, traps, restarts,
 * swaps) and the tail of the log.
 */
public record LiveScreen() implements View {
  private static final String HOME = "\033[H";
  private static final String CLEAR_SCREEN = "\033[2J";
  private static final String CLEAR_LINE = "\033[K";
  private static final String CLEAR_BELOW = "\033[J";
  /** The width the board's readings are wrapped to: a line longer than the terminal would wrap and scroll. */
  private static final int WIDTH = 80;
  private static final String ROW = "%-10s %-9s %7s %7s %7s %7s %6s %9s %6s";

  @Override
  public String draw(Snapshot previous, Snapshot now) {
    Interval interval = new Interval(previous, now);
    SystemSummary s = now.summary();
    StringBuilder screen = new StringBuilder(previous == null ? CLEAR_SCREEN + HOME : HOME);
    line(screen, String.format(Locale.ROOT, "isola  %s  %s  idle %.0f%%   (Ctrl-C stops)", s.name(),
        interval.elapsed(), 100.0 * s.idleNanos() / Math.max(1, s.wallNanos())));
    line(screen, "");
    for (String gauges : interval.gauges(WIDTH)) {
      line(screen, gauges);
    }
    line(screen, "");
    line(screen, String.format(Locale.ROOT, ROW, "container", "state", "cpu", "budget", "misses", "irqs", "traps",
        "restarts", "swaps"));
    for (ContainerSummary c : s.containers()) {
      line(screen, String.format(Locale.ROOT, ROW, c.name(), c.state(), interval.cpu(c),
          Double.isNaN(c.budgetShareUsed()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * c.budgetShareUsed()),
          c.deadlineMisses(), interval.interrupts(c), c.traps(), c.restarts(), c.swaps()));
    }
    line(screen, "");
    for (String log : now.log()) {
      line(screen, log);
    }
    return screen.append(CLEAR_BELOW).toString();
  }

  private static void line(StringBuilder screen, String text) {
    screen.append(text).append(CLEAR_LINE).append('\n');
  }

  @Override
  public boolean keepsLog() {
    return true;
  }
}
