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
  EINTR(-6);

  private final int code;

  SysError(int code) {
    this.code = code;
  }

  /** The value the guest sees. */
  public int code() {
    return code;
  }
}
