package dev.isola.hal.sim.backend;

import dev.isola.hal.Edge;
import dev.isola.hal.Pull;
import dev.isola.hal.sim.device.GpioBank;
import dev.isola.hal.spi.GpioBackend;

/** hal's GPIO backend over a simulated {@link GpioBank}. */
final class SimGpio implements GpioBackend {
  private final GpioBank bank;

  SimGpio(GpioBank bank) {
    this.bank = bank;
  }

  @Override
  public void configureInput(int pin, Pull pull) {
    bank.input(pin, pull);
  }

  @Override
  public void configureOutput(int pin, boolean level) {
    bank.output(pin, level);
  }

  @Override
  public boolean read(int pin) {
    return bank.read(pin);
  }

  @Override
  public void write(int pin, boolean level) {
    bank.write(pin, level);
  }

  @Override
  public void listen(int pin, Edge edge, Runnable listener) {
    // The facade passes a listener exactly when the edge is not NONE.
    bank.listen(pin, edge, listener == null ? null : (p, high, nanos) -> listener.run());
  }
}
