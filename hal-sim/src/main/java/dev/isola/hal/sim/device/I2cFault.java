package dev.isola.hal.sim.device;

/** How a simulated I2C transaction failed; {@code op} is the index of the operation that failed. */
public final class I2cFault extends RuntimeException {
  public enum Kind {
    /** No device acknowledged the address. */
    NACK_ADDRESS,
    /** The device refused a byte it was written. */
    NACK_DATA
  }

  private final Kind kind;
  private final int op;

  public I2cFault(Kind kind, int op, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.op = op;
  }

  public Kind kind() {
    return kind;
  }

  public int op() {
    return op;
  }
}
