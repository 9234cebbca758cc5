package dev.isola.kernel.io;

import dev.isola.hal.HalError;
import dev.isola.kernel.sys.SysError;

/**
 * The negative codes the I/O calls answer ({@code ISOLA_E*} in {@code sdk/isola.h}; keep in step). Their values
 * come from {@link SysError}, the one list of them, so each value is written once; this enum says what each
 * means for I/O.
 */
enum IoError {
  /** A buffer does not lie inside the caller's memory. */
  EFAULT(SysError.EFAULT.code()),
  /** An argument is out of range (a negative length, a level other than 0 or 1, a baud the UART cannot do). */
  EINVAL(SysError.EINVAL.code()),
  /** A read's timeout passed with nothing received. */
  ETIMEDOUT(SysError.ETIMEDOUT.code()),
  /** The label is already open (by this incarnation, or the resource by another container). */
  EBUSY(SysError.EBUSY.code()),
  /** The label is bound to this container but the operation is not allowed on it (a write on an input). */
  EACCES(SysError.EACCES.code()),
  /** The label is undefined: not declared by the module, or not bound by the system file. */
  ENOENT(SysError.ENOENT.code()),
  /** Not a handle of this container's incarnation, of this call's class, or it was closed. */
  EBADF(SysError.EBADF.code()),
  /** The board's backend cannot do it. */
  ENOTSUP(SysError.ENOTSUP.code()),
  /** I2C: no device acknowledged the address. */
  ENACK_ADDR(SysError.ENACK_ADDR.code()),
  /** I2C: the device did not acknowledge a data byte. */
  ENACK_DATA(SysError.ENACK_DATA.code()),
  /** I2C: another controller won the bus. */
  EARBITRATION(SysError.EARBITRATION.code()),
  /** A bus error or any other failure of the device. */
  EIO(SysError.EIO.code()),
  /** Nothing to read now (a read with a zero timeout). */
  EAGAIN(SysError.EAGAIN.code());

  private final int code;

  IoError(int code) {
    this.code = code;
  }

  /** The value the guest sees. */
  int code() {
    return code;
  }

  /** The one code for each HAL outcome (wasi:i2c's error-code cases map to the I2C codes one to one). */
  static IoError of(HalError error) {
    return switch (error) {
      case NOT_SUPPORTED -> ENOTSUP;
      case INVALID_ARGUMENT -> EINVAL;
      // A resource the system file bound but the board lacks cannot pass isola check: treated as unbound.
      case NO_SUCH_RESOURCE -> ENOENT;
      case BUSY -> EBUSY;
      case NACK_ADDRESS -> ENACK_ADDR;
      case NACK_DATA -> ENACK_DATA;
      case ARBITRATION_LOST -> EARBITRATION;
      case BUS_ERROR -> EIO;
      case TIMEOUT -> ETIMEDOUT;
      // The facade was closed under the call: the handle's end (its incarnation's, or the board's at shutdown).
      case CLOSED -> EBADF;
    };
  }
}
