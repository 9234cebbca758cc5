package dev.isola.wasm.validate;

import dev.isola.wasm.WasmException;

/**
 * The module is well formed but does not validate. {@link #reason()} is the spec testsuite's wording (e.g.
 * "type mismatch", "unknown memory 0"); {@link #offset()} the byte offset of the offending instruction or
 * definition when known (else -1); {@link #where()} a short description such as "func 3" or "global 1".
 */
public final class InvalidModuleException extends WasmException {
  private final String reason;
  private final long offset;
  private final String where;

  public InvalidModuleException(String reason, long offset, String where) {
    super(format(reason, offset, where));
    this.reason = reason;
    this.offset = offset;
    this.where = where;
  }

  private static String format(String reason, long offset, String where) {
    StringBuilder sb = new StringBuilder("invalid module");
    if (where != null) {
      sb.append(" in ").append(where);
    }
    if (offset >= 0) {
      sb.append(" at byte ").append(offset);
    }
    return sb.append(": ").append(reason).toString();
  }

  public String reason() {
    return reason;
  }

  public long offset() {
    return offset;
  }

  public String where() {
    return where;
  }
}
