package dev.isola.hal.spi;

import dev.isola.hal.HalException;
import dev.isola.hal.UartConfig;

/** A UART's driver. The facade has checked the configuration and the buffers' bounds. */
public interface UartBackend {
  /** Applies line settings (baud among the resource's, 5..8 data bits, 1..2 stop bits). */
  default void configure(UartConfig config) throws HalException {
    throw HalException.notSupported("uart configure");
  }

  /** Queues {@code length} bytes for sending; answers how many were taken (all, unless the line is full). */
  default int write(byte[] data, int offset, int length) throws HalException {
    throw HalException.notSupported("uart write");
  }

  /**
   * Reads up to {@code length} received bytes, waiting at most {@code timeoutNanos} for the first (0: do not wait);
   * answers how many were read, 0 when none came in time.
   */
  default int read(byte[] into, int offset, int length, long timeoutNanos) throws HalException {
    throw HalException.notSupported("uart read");
  }

  /**
   * Calls {@code listener} (from any thread, quickly) whenever bytes arrive; null stops. One listener: a new one
   * replaces the old.
   */
  default void listen(Runnable listener) throws HalException {
    throw HalException.notSupported("uart receive events");
  }
}
