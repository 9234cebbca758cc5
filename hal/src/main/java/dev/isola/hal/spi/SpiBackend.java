package dev.isola.hal.spi;

import dev.isola.hal.HalException;
import dev.isola.hal.SpiTransfer;
import java.util.List;

/**
 * An SPI controller's driver. The facade has checked the chip select, mode (0..3, one the device takes) and clock
 * (1 .. the device's max Hz), and normalised the transfers: each has both {@code tx} and {@code rx}, of equal,
 * non-zero length.
 */
public interface SpiBackend {
  /** Asserts {@code chipSelect}, runs every transfer full duplex in order, then releases it. */
  default void transaction(int chipSelect, int mode, long hz, List<SpiTransfer> transfers) throws HalException {
    throw HalException.notSupported("spi transaction");
  }
}
