package dev.isola.wasm;

/** A value type: number, vector or reference type, with its binary encoding. */
public enum ValType {
  I32(0x7F, "i32"),
  I64(0x7E, "i64"),
  F32(0x7D, "f32"),
  F64(0x7C, "f64"),
  V128(0x7B, "v128"),
  FUNCREF(0x70, "funcref"),
  EXTERNREF(0x6F, "externref");

  private final int code;
  private final String textName;

  ValType(int code, String textName) {
    this.code = code;
    this.textName = textName;
  }

  /** The byte that encodes this type in the binary format. */
  public int code() {
    return code;
  }

  public String textName() {
    return textName;
  }

  public boolean isReference() {
    return this == FUNCREF || this == EXTERNREF;
  }

  public boolean isNumeric() {
    return this == I32 || this == I64 || this == F32 || this == F64;
  }

  /** The value type encoded by {@code b}, or {@code null}. */
  public static ValType forCode(int b) {
    for (ValType t : values()) {
      if (t.code == b) {
        return t;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return textName;
  }
}
