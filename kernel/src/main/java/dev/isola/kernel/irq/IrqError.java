package dev.isola.kernel.irq;

import dev.isola.kernel.sys.SysError;

/**
 * The negative codes {@code isola:irq} answers ({@code ISOLA_E*} in {@code sdk/isola.h}; their values come from
 * {@link SysError}, the one list; the I/O calls answer the same values for the same outcomes).
 */
enum IrqError {
  /** Success. */
  OK(SysError.OK.code()),
  /** The handler's name does not lie inside the caller's memory. */
  EFAULT(SysError.EFAULT.code()),
  /** The handler's name is empty or longer than {@link IsolaIrq#MAX_NAME} bytes. */
  EINVAL(SysError.EINVAL.code()),
  /** The line already has a handler (detach it first). */
  EBUSY(SysError.EBUSY.code()),
  /** No export of that name, or not of type {@code (i32) -> ()}. */
  ENOENT(SysError.ENOENT.code()),
  /** Not an open handle of this container (attach), or no handler attached to it (the others). */
  EBADF(SysError.EBADF.code()),
  /** The handle cannot interrupt (not a gpio-in with an edge, a UART, a timer). */
  ENOTSUP(SysError.ENOTSUP.code());

  private final int code;

  IrqError(int code) {
    this.code = code;
  }

  /** The value the guest sees. */
  int code() {
    return code;
  }
}
