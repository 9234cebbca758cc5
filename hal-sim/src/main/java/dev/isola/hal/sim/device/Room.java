package dev.isola.hal.sim.device;

/**
 * The greenhouse: one air temperature {@code T}, a first-order thermal model with piecewise-constant inputs:
 *
 * <pre>
 *   dT/dt = heat * heater  -  (leak + cooling * airflow) * (T - ambient)
 * </pre>
 *
 * heat in °C/s per heater whose relay is on; leak the walls' exchange with outside (1/s), so the room
 * follows the ambient temperature with nothing on; cooling a fan's exchange at full airflow (1/s; fans add
 * up), so a fan cools toward ambient, never below it. The fans' inertia couples in through the airflow.
 *
 * <p>Integrated lazily: whoever looks at the room (a sensor conversion, a reading) or changes an input first
 * brings it up to now ({@link #update}). Steps are exact exponentials of constant coefficients, 50 ms of sim
 * time while a fan is still spinning up or down, one step once it has settled: an hour of room time costs
 * at most 72,000 steps. State under the {@link Simulation}'s lock.
 */
public final class Room {
  /** Defaults: ambient 16 °C; heater +3 °C/min; walls' time constant 15 min; the fan's at full speed 1 min. */
  public record Parameters(double ambient, double heat, double leak, double cooling) {
    public static Parameters defaults() {
      return new Parameters(16.0, 0.05, 1.0 / 900, 1.0 / 60);
    }
  }

  private static final double STEP = 0.05;

  private final Simulation sim;
  private final java.util.List<Fan> fans = new java.util.ArrayList<>(1);
  private final double heat;
  private final double leak;
  private final double cooling;
  private double ambient;
  private double temperature;
  private int heatersOn;
  private long updated;

  public Room(Simulation sim, Parameters p) {
    this.sim = sim;
    this.heat = p.heat();
    this.leak = p.leak();
    this.cooling = p.cooling();
    this.ambient = p.ambient();
    this.temperature = p.ambient();
    this.updated = sim.now();
  }

  Simulation sim() {
    return sim;
  }

  /** Brings the room (and its fans) up to sim instant {@code now}; under the lock. */
  void update(long now) {
    double left = (now - updated) / 1e9;
    updated = Math.max(updated, now);
    while (left > 0) {
      boolean settled = true;
      for (Fan f : fans) {
        settled &= f.settled();
      }
      double dt = settled ? left : Math.min(STEP, left);
      double airflow = 0;
      for (Fan f : fans) {
        double before = f.airflow();
        f.advance(dt);
        airflow += (before + f.airflow()) / 2;
      }
      double k = leak + cooling * airflow;
      double equilibrium = ambient + heatersOn * heat / k;
      temperature = equilibrium + (temperature - equilibrium) * Math.exp(-k * dt);
      left -= dt;
    }
  }

  public double temperature() {
    return sim.locked(() -> {
      update(sim.now());
      return temperature;
    });
  }

  /** Sets the air temperature now (a door opened); the model goes on from there. */
  public void temperature(double celsius) {
    sim.locked(() -> {
      update(sim.now());
      temperature = celsius;
    });
  }

  public double ambient() {
    return sim.locked(() -> ambient);
  }

  public void ambient(double celsius) {
    sim.locked(() -> {
      update(sim.now());
      ambient = celsius;
    });
  }

  /** How many heaters are on. */
  public int heatersOn() {
    return sim.locked(() -> heatersOn);
  }

  /** A heater's relay switched (it watches its GPIO net); under the lock. */
  void heater(boolean on) {
    update(sim.now());
    heatersOn += on ? 1 : -1;
  }

  /** A fan in the room's air; under the lock. */
  void add(Fan fan) {
    update(sim.now());
    fans.add(fan);
  }

  /** A fan's duty changed (its PWM channel); under the lock. */
  void fanDuty(Fan fan, double duty) {
    update(sim.now());
    fan.duty(duty);
  }

  /** {@code fan}'s speed now. */
  public double rpm(Fan fan) {
    return sim.locked(() -> {
      update(sim.now());
      return fan.rpm();
    });
  }

  /** {@code fan}'s duty now, in [0, 1]. */
  public double duty(Fan fan) {
    return sim.locked(() -> fan.duty());
  }

  /** The temperature as a sensor sees it at a conversion; under the lock. */
  public double sampleAt(long now) {
    update(now);
    return temperature;
  }
}
