package dev.isola.hal.sim.device;

/**
 * A device on a simulated I2C bus, seen byte by byte as the bus sees it: after its address is acknowledged,
 * a write phase hands it bytes (it may refuse one: a NACK), a read phase asks it for bytes. Called under the
 * {@link Simulation}'s lock.
 */
public interface I2cTarget {
  /** A (repeated) start addressed this device, for a read phase or a write phase. */
  default void start(boolean read) {}

  /**
   * Takes the bytes of one write phase; returns how many it acknowledged (the first refused byte ends the
   * phase with a NACK on data).
   */
  int write(byte[] data);

  /** Gives {@code length} bytes for one read phase (the controller ACKs all but the last). */
  byte[] read(int length);

  /** A stop condition ended the transaction. */
  default void stop() {}
}
