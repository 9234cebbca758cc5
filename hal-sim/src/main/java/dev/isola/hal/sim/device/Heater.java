package dev.isola.hal.sim.device;

/** A heater behind a relay on a GPIO net: on while the net is high (or low, wired active low). */
public final class Heater {
  private final Simulation sim;
  private boolean on;

  public Heater(Simulation sim, GpioBank bank, int pin, boolean activeLow, Room room) {
    this.sim = sim;
    bank.watch(pin, level -> {
      boolean now = level != activeLow;
      if (now != on) {
        on = now;
        room.heater(now);
      }
    });
  }

  public boolean on() {
    return sim.locked(() -> on);
  }
}
