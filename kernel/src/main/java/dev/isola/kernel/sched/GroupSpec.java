package dev.isola.kernel.sched;

import dev.isola.kernel.config.Budget;
import dev.isola.kernel.config.Criticality;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler needs to know about a group (a container).
 *
 * @param name for stats, logs and thread names
 * @param priority 0..99, higher runs first
 * @param criticality who gives way on overload (package documentation)
 * @param budget CPU time per period, or empty for unlimited
 * @param watchdog the longest a task of this group may hold a permit without reaching a checkpoint or
 *     entering/leaving a host call, or empty for no watchdog
 */
public record GroupSpec(
    String name, int priority, Criticality criticality, Optional<Budget> budget, Optional<Duration> watchdog) {
  public static final int MIN_PRIORITY = 0;
  public static final int MAX_PRIORITY = 99;

  public GroupSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(watchdog, "watchdog");
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority must be 0..99: " + priority);
    }
    budget.ifPresent(
        b -> {
          if (b.time().isNegative() || b.time().isZero() || b.period().compareTo(b.time()) < 0) {
            throw new IllegalArgumentException("budget time must be positive and at most the period: " + b);
          }
        });
    watchdog.ifPresent(
        w -> {
          if (w.isNegative() || w.isZero()) {
            throw new IllegalArgumentException("watchdog must be positive: " + w);
          }
        });
  }

  /** Medium criticality, unlimited, no watchdog. */
  public static GroupSpec of(String name, int priority) {
    return new GroupSpec(name, priority, Criticality.MEDIUM, Optional.empty(), Optional.empty());
  }

  public GroupSpec withBudget(Duration time, Duration period) {
    return new GroupSpec(name, priority, criticality, Optional.of(new Budget(time, period)), watchdog);
  }

  public GroupSpec withCriticality(Criticality c) {
    return new GroupSpec(name, priority, c, budget, watchdog);
  }

  public GroupSpec withWatchdog(Duration limit) {
    return new GroupSpec(name, priority, criticality, budget, Optional.of(limit));
  }
}
