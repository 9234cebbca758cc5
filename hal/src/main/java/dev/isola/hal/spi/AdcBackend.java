package dev.isola.hal.spi;

import dev.isola.hal.HalException;

/** An ADC's driver. The facade has checked the channel; bits and reference come from the board file. */
public interface AdcBackend {
  /** Samples {@code channel} now: 0 .. 2^bits - 1. */
  default int sample(int channel) throws HalException {
    throw HalException.notSupported("adc sample");
  }
}
