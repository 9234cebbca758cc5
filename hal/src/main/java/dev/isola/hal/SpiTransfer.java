package dev.isola.hal;

/**
 * One full-duplex transfer of an SPI transaction: {@code tx} is clocked out while {@code rx} is filled. Either may be
 * null at the facade ({@code tx} null sends zeros, {@code rx} null discards what comes in); the facade normalises so
 * a backend always sees both, of equal length.
 *
 * @param tx the bytes sent, or null for zeros
 * @param rx the buffer received into, or null to discard
 */
public record SpiTransfer(byte[] tx, byte[] rx) {
  /** The transfer's length in bytes (of whichever buffer is given). */
  public int length() {
    return tx != null ? tx.length : rx != null ? rx.length : 0;
  }
}
