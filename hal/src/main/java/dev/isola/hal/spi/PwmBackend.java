package dev.isola.hal.spi;

import dev.isola.hal.HalException;

/**
 * A PWM controller's driver. The facade has checked the channel, the period (within the channel's frequency range)
 * and the pulse ({@code 0 <= pulse <= period}).
 */
public interface PwmBackend {
  /** Sets {@code channel}'s period and pulse width (ns); takes effect at the next period if enabled. */
  default void set(int channel, long periodNs, long pulseNs) throws HalException {
    throw HalException.notSupported("pwm set");
  }

  /** Starts or stops {@code channel}'s output (stopped: the line is held low). */
  default void enable(int channel, boolean on) throws HalException {
    throw HalException.notSupported("pwm enable");
  }
}
