package dev.isola.kernel.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A CPU budget: at most {@code time} of CPU in every {@code period}; replenished at each period's start.
 *
 * @param time CPU time allowed per period, positive and at most the period
 * @param period the replenishment period, positive
 */
public record Budget(Duration time, Duration period) {
  public Budget {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(period, "period");
  }

  /** The share of one CPU this budget reserves, {@code time / period}. */
  public double share() {
    return (double) time.toNanos() / period.toNanos();
  }
}
