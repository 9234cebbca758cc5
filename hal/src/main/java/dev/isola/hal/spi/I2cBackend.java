package dev.isola.hal.spi;

import dev.isola.hal.HalException;
import dev.isola.hal.I2cOperation;
import java.util.List;

/**
 * An I2C controller's driver. The facade has checked the address (7-bit), the speed (one the bus runs) and the
 * operations (at least one, none empty).
 */
public interface I2cBackend {
  /**
   * Runs one transaction at {@code speedHz}: a start, then each operation to {@code address} with a repeated start
   * between them, then a stop. Reads fill their buffers.
   *
   * @throws HalException NACK_ADDRESS, NACK_DATA, ARBITRATION_LOST, BUS_ERROR or TIMEOUT
   */
  default void transaction(int address, int speedHz, List<I2cOperation> operations) throws HalException {
    throw HalException.notSupported("i2c transaction");
  }
}
