package dev.isola.kernel.sched;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Scheduler} runs.
 *
 * @param cpus run permits (virtual CPUs), at least 1
 * @param slice how long a task may run while another task of the same priority is ready (round robin)
 * @param clock the time source (see {@link Clock})
 * @param shedHold how long lower-criticality groups stay suspended after a deadline miss of a more critical
 *     group (the overload policy in the package documentation); {@link Duration#ZERO} turns shedding off
 */
public record SchedulerConfig(int cpus, Duration slice, Clock clock, Duration shedHold) {
  /** The slice the system file defaults to. */
  public static final Duration DEFAULT_SLICE = Duration.ofMillis(5);

  /** The default overload hold: long enough to outlast a burst, short enough to come back soon. */
  public static final Duration DEFAULT_SHED_HOLD = Duration.ofSeconds(1);

  public SchedulerConfig {
    if (cpus < 1) {
      throw new IllegalArgumentException("cpus must be at least 1: " + cpus);
    }
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(shedHold, "shedHold");
    if (slice.isNegative() || slice.isZero()) {
      throw new IllegalArgumentException("slice must be positive: " + slice);
    }
    if (shedHold.isNegative()) {
      throw new IllegalArgumentException("shedHold must not be negative: " + shedHold);
    }
  }

  public SchedulerConfig(int cpus, Duration slice, Clock clock) {
    this(cpus, slice, clock, DEFAULT_SHED_HOLD);
  }

  /** {@code cpus} permits and the given slice on the system clock. */
  public static SchedulerConfig of(int cpus, Duration slice) {
    return new SchedulerConfig(cpus, slice, Clock.SYSTEM);
  }

  /** One permit per available processor, a 5 ms slice, the system clock. */
  public static SchedulerConfig defaults() {
    return of(Runtime.getRuntime().availableProcessors(), DEFAULT_SLICE);
  }
}
