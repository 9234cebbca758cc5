package dev.isola.wasm.binary;

import dev.isola.wasm.WasmException;

/**
 * The bytes are not a module in the binary format. {@link #reason()} is the spec testsuite's wording (e.g.
 * "unexpected end", "integer too large", "magic header not detected"); {@link #offset()} the byte offset where
 * decoding failed; {@link #section()} the section being decoded, or {@code null} before the first section.
 */
public final class MalformedModuleException extends WasmException {
  private final String reason;
  private final long offset;
  private final String section;

  public MalformedModuleException(String reason, long offset, String section) {
    super(format(reason, offset, section));
    this.reason = reason;
    this.offset = offset;
    this.section = section;
  }

  private static String format(String reason, long offset, String section) {
    return "malformed module at byte " + offset + (section == null ? "" : " (" + section + " section)") + ": "
        + reason;
  }

  public String reason() {
    return reason;
  }

  public long offset() {
    return offset;
  }

  public String section() {
    return section;
  }
}
