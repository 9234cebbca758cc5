package dev.isola.hal;

import dev.isola.hal.spi.PwmBackend;

/**
 * The checking facade of one PWM channel: the period within the channel's frequency range, the pulse within the
 * period. Closing leaves the output as it is, like every output (see {@link Board}): the next owner takes over
 * without a glitch.
 */
public final class PwmChannel extends Facade {
  private static final long NS_PER_S = 1_000_000_000L;

  private final Resource.Pwm resource;
  private final PwmBackend backend;
  /** The last period and pulse set (one field, so duty() never mixes two settings); null before the first. */
  private volatile Setting setting;

  private record Setting(long periodNs, long pulseNs) {}

  PwmChannel(Resource.Pwm resource, PwmBackend backend, Runnable release) throws HalException {
    super(resource.name(), release);
    if (resource.minHz() < 1 || resource.maxHz() < resource.minHz() || resource.maxHz() > NS_PER_S) {
      throw invalid("frequency range " + resource.minHz() + ".." + resource.maxHz() + " Hz is not one");
    }
    this.resource = resource;
    this.backend = backend;
  }

  /** A facade over {@code backend} for {@code resource}, outside any board (tests, drivers). */
  public static PwmChannel of(Resource.Pwm resource, PwmBackend backend) throws HalException {
    return new PwmChannel(resource, backend, NO_RELEASE);
  }

  public Resource.Pwm resource() {
    return resource;
  }

  /** The shortest period (ns) the channel runs: 1e9 / maxHz, rounded up. */
  public long minPeriodNs() {
    return (NS_PER_S + resource.maxHz() - 1) / resource.maxHz();
  }

  /** The longest period (ns): 1e9 / minHz. */
  public long maxPeriodNs() {
    return NS_PER_S / resource.minHz();
  }

  /**
   * Sets the period and pulse width (ns): {@code minPeriodNs <= period <= maxPeriodNs}, {@code 0 <= pulse <= period}.
   */
  public void set(long periodNs, long pulseNs) throws HalException {
    checkOpen();
    if (periodNs < minPeriodNs() || periodNs > maxPeriodNs()) {
      throw invalid("period " + periodNs + " ns out of range (" + minPeriodNs() + ".." + maxPeriodNs() + " ns, "
          + resource.minHz() + ".." + resource.maxHz() + " Hz)");
    }
    if (pulseNs < 0 || pulseNs > periodNs) {
      throw invalid("pulse " + pulseNs + " ns out of range (0.." + periodNs + " ns)");
    }
    backend.set(resource.channel(), periodNs, pulseNs);
    setting = new Setting(periodNs, pulseNs);
  }

  /** Starts or stops the output. Starting needs a period set first. */
  public void enable(boolean on) throws HalException {
    checkOpen();
    if (on && setting == null) {
      throw invalid("no period set");
    }
    backend.enable(resource.channel(), on);
  }

  /** The duty cycle set, 0..1 (0 before a period is set). */
  public double duty() {
    Setting s = setting;
    return s == null ? 0 : (double) s.pulseNs() / s.periodNs();
  }

  @Override
  void quiesce() {
    // Nothing calls back into the owner; the output keeps running for the next one.
  }
}
