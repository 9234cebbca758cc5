package dev.isola.hal;

import java.util.Objects;

/**
 * A HAL operation that failed, with its typed {@link HalError kind} and a one-line message naming the resource.
 * Checked: every caller (io, the board's own code) must decide what each failure becomes.
 */
public final class HalException extends Exception {
  private static final long serialVersionUID = 1L;

  private final HalError error;

  public HalException(HalError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The outcome. */
  public HalError error() {
    return error;
  }

  /** What a backend's unimplemented operation answers ({@code operation} such as "gpio0: edge listener"). */
  public static HalException notSupported(String operation) {
    return new HalException(HalError.NOT_SUPPORTED, operation + ": not supported");
  }

  /** An argument out of range: {@code where} names the resource, {@code message} what is wrong. */
  public static HalException invalid(String where, String message) {
    return new HalException(HalError.INVALID_ARGUMENT, where + ": " + message);
  }
}
