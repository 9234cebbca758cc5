package dev.isola.kernel;

/**
 * A system cannot start: a module cannot be read or compiled. The message is one line naming the container
 * and the file (a user's mistake, reported without a stack trace). {@code isola check} finds all of these
 * before, with lines; this is what is left if the files changed since.
 */
public final class KernelException extends Exception {
  private static final long serialVersionUID = 1L;

  public KernelException(String message, Throwable cause) {
    super(message, cause);
  }
}
