package dev.isola.hal.sim.device;

/**
 * A push button between a GPIO net and ground (or, wired active high, the supply): pressed, it drives the net;
 * released, it lets it go and the pin's pull decides (the board's button needs the pull-up: it reads 1
 * released, 0 pressed). Contacts do not bounce here: one press is one edge.
 */
public final class Button {
  private final Simulation sim;
  private final GpioBank bank;
  private final int pin;
  private final boolean activeLow;
  private boolean pressed;

  public Button(Simulation sim, GpioBank bank, int pin, boolean activeLow) {
    this.sim = sim;
    this.bank = bank;
    this.pin = pin;
    this.activeLow = activeLow;
  }

  public void press() {
    sim.locked(() -> {
      pressed = true;
      bank.drive(pin, activeLow ? Drive.LOW : Drive.HIGH);
    });
  }

  public void release() {
    sim.locked(() -> {
      pressed = false;
      bank.drive(pin, Drive.RELEASED);
    });
  }

  public boolean pressed() {
    return sim.locked(() -> pressed);
  }
}
