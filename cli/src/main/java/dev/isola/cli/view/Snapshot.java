package dev.isola.cli.view;

import dev.isola.kernel.SystemSummary;
import java.util.List;
import java.util.Map;

/**
 * What the view draws at one instant.
 *
 * @param summary the kernel's figures
 * @param gauges the board's readings, in the board's order
 * @param interrupts events each container's interrupt lines recorded (its current incarnation's), by container
 * @param log the latest log lines ({@code container | text}), oldest first (empty when they are printed as they
 *     come)
 */
public record Snapshot(SystemSummary summary, List<Gauge> gauges, Map<String, Long> interrupts, List<String> log) {
  public Snapshot {
    gauges = List.copyOf(gauges);
    interrupts = Map.copyOf(interrupts);
    log = List.copyOf(log);
  }
}
