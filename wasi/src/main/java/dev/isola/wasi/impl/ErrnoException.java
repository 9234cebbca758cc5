package dev.isola.wasi.impl;

/**
 * A WASI function failed with {@link #errno()}: thrown inside the implementation and turned into the function's
 * return value at the host-function boundary. No stack trace: it is control flow, not a bug.
 */
public final class ErrnoException extends RuntimeException {
  private final Errno errno;

  public ErrnoException(Errno errno) {
    super(errno.name(), null, false, false);
    this.errno = errno;
  }

  public Errno errno() {
    return errno;
  }
}
