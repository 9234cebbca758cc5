package dev.isola.wasm.text;

import dev.isola.wasm.WasmException;

/**
 * The text is not a module in the WebAssembly text format. {@link #reason()} is the reference interpreter's
 * wording where the spec testsuite names one ("unknown operator", "unexpected token", "constant out of range",
 * ...); {@link #line()} and {@link #column()} (both from 1) say where.
 */
public final class TextFormatException extends WasmException {
  private final String reason;
  private final int line;
  private final int column;

  public TextFormatException(String reason, int line, int column) {
    super(line + ":" + column + ": " + reason);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  public String reason() {
    return reason;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
