package dev.isola.hal.need;

import java.util.Objects;

/**
 * An {@code isola.peripherals} section that cannot be read: what is wrong ({@link #error()}), where (the byte
 * offset in the section) and why in words. The message reads {@code at byte 0x2c: unknown kind "gpio" (...)}.
 */
public final class NeedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final NeedError error;
  private final int offset;
  private final String reason;

  public NeedException(NeedError error, int offset, String reason) {
    super("at byte 0x" + Integer.toHexString(offset) + ": " + reason);
    this.error = Objects.requireNonNull(error, "error");
    this.offset = offset;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** What kind of mistake. */
  public NeedError error() {
    return error;
  }

  /** The byte offset in the section's payload (after its name) where the mistake is. */
  public int offset() {
    return offset;
  }

  /** The reason alone, without the offset. */
  public String reason() {
    return reason;
  }
}
