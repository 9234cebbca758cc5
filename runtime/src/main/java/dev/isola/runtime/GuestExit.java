package dev.isola.runtime;

/**
 * Thrown by a host function to end the guest on purpose (WASI {@code proc_exit}, the kernel's {@code exit}):
 * not a trap. Execution tiers let it pass through unchanged, unwinding every Wasm frame.
 */
public final class GuestExit extends RuntimeException {
  private final int status;

  public GuestExit(int status) {
    super("exit " + status, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
