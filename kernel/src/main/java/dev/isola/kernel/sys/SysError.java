package dev.isola.kernel.sys;

/**
 * The negative error codes of {@code isola.h} ({@code ISOLA_E*}), one place for their values: keep in step with
 * {@code sdk/isola.h}.
 */
public enum SysError {
  /** Success (not an error; listed so that the header's values all live here). */
  OK(0),
  /** A pointer and length do not lie inside the caller's memory. */
  EFAULT(-1),
  /** An argument is out of range. */
  EINVAL(-2),
  /** A portal's exporter is not running. */
  EUNAVAILABLE(-3),
  /** A deadline passed before the call could complete. */
  ETIMEDOUT(-4),
  /** A buffer does not fit (e.g. on the exporter's portal stack). */
  ENOSPC(-5),
  /** A sleep ended early because the container is being stopped. */
  EINTR(-6),
  /** Already in use (a label already open, a line already attached). */
  EBUSY(-7),
  /** Bound to the caller, but the operation is not allowed on it (wasi:gpio's pin-not-allowed). */
  EACCES(-8),
  /** Undefined: a label not declared or not bound, an export that does not exist. */
  ENOENT(-9),
  /** Not a handle of the caller's, or closed. */
  EBADF(-10),
  /** The backend (or the handle's kind) cannot do it. */
  ENOTSUP(-11),
  /** I2C: no device acknowledged the address. */
  ENACK_ADDR(-12),
  /** I2C: the device did not acknowledge a data byte. */
  ENACK_DATA(-13),
  /** I2C: another controller won the bus. */
  EARBITRATION(-14),
  /** A bus error or any other failure of the device. */
  EIO(-15),
  /** Nothing to read now. */
  EAGAIN(-16);

  private final int code;

  SysError(int code) {
    this.code = code;
  }

  /** The value the guest sees. */
  public int code() {
    return code;
  }
}
