package dev.isola.hal;

/**
 * The one typed outcome of a failed HAL operation: each kind is one thing a caller can act on (io maps each to
 * one guest error code), so two outcomes never share a kind and one outcome never has two.
 */
public enum HalError {
  /** The backend (or the part) cannot do this operation at all: a driver without the feature. */
  NOT_SUPPORTED,
  /** An argument out of the range the resource supports (a pull the pin lacks, a speed the bus cannot run). */
  INVALID_ARGUMENT,
  /** No resource of that name on this board. */
  NO_SUCH_RESOURCE,
  /** The resource is already open (it has one owner at a time). */
  BUSY,
  /** I2C: no device acknowledged the address. */
  NACK_ADDRESS,
  /** I2C: the device refused a data byte. */
  NACK_DATA,
  /** I2C: another master won the bus. */
  ARBITRATION_LOST,
  /** A bus or line error with no better kind (a wiring fault, a device that stopped answering mid-transfer). */
  BUS_ERROR,
  /** A blocking operation ran out of time. */
  TIMEOUT,
  /** The facade (or the board under it) is closed. */
  CLOSED
}
