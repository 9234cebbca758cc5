package dev.isola.hal.spi;

import dev.isola.hal.HalException;

/** A timer's driver. The facade has checked the channel and times ({@code delay > 0}, {@code period >= 0}). */
public interface TimerBackend {
  /**
   * Arms {@code channel}: {@code expiry} is called (from any thread, quickly) {@code delayNs} from now, then every
   * {@code periodNs} (0: once). Re-arming an armed channel replaces its schedule.
   */
  default void start(int channel, long delayNs, long periodNs, Runnable expiry) throws HalException {
    throw HalException.notSupported("timer start");
  }

  /** Disarms {@code channel}; no expiry is called after this returns. Stopping a stopped channel does nothing. */
  default void stop(int channel) throws HalException {
    throw HalException.notSupported("timer stop");
  }
}
