package dev.isola.hal.sim.backend;

import dev.isola.hal.sim.device.TimerBank;
import dev.isola.hal.spi.TimerBackend;

/** hal's timer backend over a simulated {@link TimerBank}. */
final class SimTimer implements TimerBackend {
  private final TimerBank bank;

  SimTimer(TimerBank bank) {
    this.bank = bank;
  }

  @Override
  public void start(int channel, long delayNs, long periodNs, Runnable expiry) {
    bank.start(channel, delayNs, periodNs, expiry);
  }

  @Override
  public void stop(int channel) {
    bank.stop(channel);
  }
}
