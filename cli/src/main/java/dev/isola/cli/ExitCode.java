package dev.isola.cli;

/**
 * Every exit status of {@code isola} except a guest program's own. {@code isola exec} exits with the program's
 * status when it ends normally (returns from {@code _start}: 0, or calls {@code proc_exit(n)}: n), so a program
 * may itself exit with 1 to 6; the one-line message on standard error tells the cases apart. README.md lists
 * these values: keep the two in sync.
 */
public enum ExitCode {
  OK(0, "success"),
  /** {@code wast}: at least one command failed. */
  FAILED(1, "wast: at least one command failed"),
  USAGE(2, "usage error: unknown command or option, missing or bad argument"),
  /** Malformed, invalid or unlinkable: the module cannot run. */
  BAD_MODULE(3, "the module is malformed, invalid or unlinkable"),
  /** A trap, including Isola's limits: out of fuel, deadline exceeded, call stack exhausted. */
  TRAP(4, "the program trapped (including out of fuel and deadline exceeded)"),
  IO_ERROR(5, "a file could not be read"),
  /** The module uses something Isola does not implement yet (e.g. a proposal it does not know). */
  UNSUPPORTED(6, "the module needs something Isola does not support yet"),
  /** {@code check} (and the kernel's commands): the system file or a module it names has problems. */
  SYSTEM_FILE(7, "the system file has problems (each printed as file:line:col: key: message)"),
  /** {@code swap}: the new module was refused (nothing stopped) or rolled back (the old one runs again). */
  SWAP_FAILED(8, "swap: the new module was refused or rolled back"),
  /** A bug in Isola, not the user's mistake: the only case that prints a Java stack trace. */
  INTERNAL_ERROR(70, "internal error (a bug in Isola)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
