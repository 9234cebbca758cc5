package dev.isola.hal.sim.device;

/**
 * A PWM-driven fan (a 4-wire fan's speed input): its target speed is {@code maxRpm * duty}; the rotor follows
 * with first-order inertia, {@code rpm' = (target - rpm) / tau}. No stall threshold: a real fan stops below
 * about 20% duty, which would only make the controller's tuning the test's subject.
 *
 * <p>State under the {@link Simulation}'s lock; {@link Room} advances it with the room, because the room's
 * cooling depends on the airflow.
 */
public final class Fan {
  /** Default {@code max-rpm} and {@code inertia} (board file): a 2400 rpm fan reaching 63% of a speed in 1.5 s. */
  public static final double MAX_RPM = 2400;

  public static final double INERTIA_SECONDS = 1.5;

  private final double maxRpm;
  private final double tauSeconds;
  private double duty;
  private double rpm;

  /** Wires the fan into {@code room}'s air and to PWM channel {@code channel} of {@code pwm}. */
  public void attach(Room room, PwmBank pwm, int channel) {
    room.sim().locked(() -> room.add(this));
    pwm.watch(channel, d -> room.fanDuty(this, d));
  }

  public Fan(double maxRpm, double tauSeconds) {
    this.maxRpm = maxRpm;
    this.tauSeconds = tauSeconds;
  }

  /** The duty cycle in [0, 1] (0 when the PWM channel is disabled). */
  public double duty() {
    return duty;
  }

  void duty(double d) {
    this.duty = Math.clamp(d, 0.0, 1.0);
  }

  public double rpm() {
    return rpm;
  }

  public double maxRpm() {
    return maxRpm;
  }

  /** The airflow as a fraction of full speed's, in [0, 1]. */
  double airflow() {
    return rpm / maxRpm;
  }

  boolean settled() {
    return Math.abs(rpm - duty * maxRpm) < 0.5;
  }

  /** Advances the rotor by {@code dt} seconds of constant duty (the exact solution, any step size). */
  void advance(double dt) {
    double target = duty * maxRpm;
    rpm = target + (rpm - target) * Math.exp(-dt / tauSeconds);
  }
}
