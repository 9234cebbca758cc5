package dev.isola.runtime;

import dev.isola.wasm.ValType;

/**
 * A WebAssembly value at the embedding boundary (invoking exports from Java, reading globals). Floats are held
 * as raw bits so that NaN payloads survive. Execution tiers do not use this type inside Wasm code.
 */
public sealed interface Value {
  ValType type();

  static Value i32(int v) {
    return new I32(v);
  }

  static Value i64(long v) {
    return new I64(v);
  }

  static Value f32(float v) {
    return new F32(Float.floatToRawIntBits(v));
  }

  static Value f64(double v) {
    return new F64(Double.doubleToRawLongBits(v));
  }

  record I32(int value) implements Value {
    public ValType type() {
      return ValType.I32;
    }
  }

  record I64(long value) implements Value {
    public ValType type() {
      return ValType.I64;
    }
  }

  record F32(int bits) implements Value {
    public ValType type() {
      return ValType.F32;
    }

    public float value() {
      return Float.intBitsToFloat(bits);
    }
  }

  record F64(long bits) implements Value {
    public ValType type() {
      return ValType.F64;
    }

    public double value() {
      return Double.longBitsToDouble(bits);
    }
  }

  /** Little-endian: {@code low} holds bytes 0..7 (lanes 0.. of any shape). */
  record V128(long low, long high) implements Value {
    public ValType type() {
      return ValType.V128;
    }
  }

  /** A function reference; {@code function} is null for {@code ref.null func}. */
  record FuncRef(Function function) implements Value {
    public ValType type() {
      return ValType.FUNCREF;
    }
  }

  /** A host reference; {@code value} is null for {@code ref.null extern}. */
  record ExternRef(Object value) implements Value {
    public ValType type() {
      return ValType.EXTERNREF;
    }
  }

  /** The default (zero or null) value of a type, as locals and tables start. */
  static Value zero(ValType type) {
    return switch (type) {
      case I32 -> new I32(0);
      case I64 -> new I64(0);
      case F32 -> new F32(0);
      case F64 -> new F64(0);
      case V128 -> new V128(0, 0);
      case FUNCREF -> new FuncRef(null);
      case EXTERNREF -> new ExternRef(null);
    };
  }
}
