package dev.isola.hal.sim.device;

/** An LED on a GPIO net: lit while the net is high (or low, wired active low). */
public final class Led {
  private final Simulation sim;
  private boolean lit;
  private long switches;

  public Led(Simulation sim, GpioBank bank, int pin, boolean activeLow) {
    this.sim = sim;
    bank.watch(pin, level -> {
      boolean on = level != activeLow;
      if (on != lit) {
        switches++;
      }
      lit = on;
    });
    switches = 0;
  }

  public boolean lit() {
    return sim.locked(() -> lit);
  }

  /** How many times the LED changed (on or off) since the board opened. */
  public long switches() {
    return sim.locked(() -> switches);
  }
}
