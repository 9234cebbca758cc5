package dev.isola.hal.sim.backend;

import dev.isola.hal.sim.device.PwmBank;
import dev.isola.hal.spi.PwmBackend;

/** hal's PWM backend over a simulated {@link PwmBank}. */
final class SimPwm implements PwmBackend {
  private final PwmBank bank;

  SimPwm(PwmBank bank) {
    this.bank = bank;
  }

  @Override
  public void set(int channel, long periodNs, long pulseNs) {
    bank.set(channel, periodNs, pulseNs);
  }

  @Override
  public void enable(int channel, boolean on) {
    bank.enable(channel, on);
  }
}
