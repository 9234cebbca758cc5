package dev.isola.hal;

import java.util.Objects;

/**
 * One part of an I2C transaction: a read into a buffer or a write of bytes, all to the transaction's address, with
 * a repeated start between parts (no stop until the transaction ends).
 */
public sealed interface I2cOperation {
  /** The bytes this part moves. */
  int length();

  /** Reads {@code buffer.length} bytes from the device into {@code buffer}. */
  record Read(byte[] buffer) implements I2cOperation {
    public Read {
      Objects.requireNonNull(buffer, "buffer");
    }

    @Override
    public int length() {
      return buffer.length;
    }
  }

  /** Writes {@code data} to the device. */
  record Write(byte[] data) implements I2cOperation {
    public Write {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public int length() {
      return data.length;
    }
  }
}
