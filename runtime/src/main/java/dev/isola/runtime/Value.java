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

  static Value v128(long low, long high) {
    return new V128(low, high);
  }

  /** A function reference; null for {@code ref.null func}. */
  static Value funcref(Function function) {
    return new FuncRef(function);
  }

  /** A host reference; null for {@code ref.null extern}. */
  static Value externref(Object value) {
    return new ExternRef(value);
  }

  /**
   * The value of a scalar type from its raw slot encoding ({@link HostFunction}): {@code bits} for numbers
   * (only the low 32 for i32 and f32), {@code ref} for references.
   *
   * @throws IllegalArgumentException for v128, which takes two slots ({@link #v128})
   * @throws ClassCastException if {@code ref} is not a {@link Function} for funcref
   */
  static Value fromRaw(ValType type, long bits, Object ref) {
    return switch (type) {
      case I32 -> new I32((int) bits);
      case I64 -> new I64(bits);
      case F32 -> new F32((int) bits);
      case F64 -> new F64(bits);
      case FUNCREF -> new FuncRef((Function) ref);
      case EXTERNREF -> new ExternRef(ref);
      case V128 -> throw new IllegalArgumentException("v128 takes two slots");
    };
  }

  /** The raw slot encoding: i32 sign-extended, floats as IEEE bits, the low half of v128, 0 for references. */
  default long raw() {
    return switch (this) {
      case I32 v -> v.value();
      case I64 v -> v.value();
      case F32 v -> v.bits();
      case F64 v -> v.bits();
      case V128 v -> v.low();
      case FuncRef _, ExternRef _ -> 0;
    };
  }

  /** The reference a reference value holds (null for null and for non-references). */
  default Object ref() {
    return switch (this) {
      case FuncRef v -> v.function();
      case ExternRef v -> v.value();
      case I32 _, I64 _, F32 _, F64 _, V128 _ -> null;
    };
  }

  /** @throws IllegalStateException if this is not an i32 */
  default int asInt() {
    if (this instanceof I32 v) {
      return v.value();
    }
    throw new IllegalStateException("expected i32, got " + type());
  }

  /** @throws IllegalStateException if this is not an i64 */
  default long asLong() {
    if (this instanceof I64 v) {
      return v.value();
    }
    throw new IllegalStateException("expected i64, got " + type());
  }

  /** @throws IllegalStateException if this is not an f32 */
  default float asFloat() {
    if (this instanceof F32 v) {
      return v.value();
    }
    throw new IllegalStateException("expected f32, got " + type());
  }

  /** @throws IllegalStateException if this is not an f64 */
  default double asDouble() {
    if (this instanceof F64 v) {
      return v.value();
    }
    throw new IllegalStateException("expected f64, got " + type());
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
