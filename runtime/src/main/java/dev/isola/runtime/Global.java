package dev.isola.runtime;

import dev.isola.wasm.GlobalType;
import dev.isola.wasm.ValType;

/**
 * A global instance. Numbers are held as raw bits in {@link #raw()} (floats as IEEE bits), references in
 * {@link #ref()}, v128 in {@link #raw()} (low) and {@link #rawHigh()}. Tiers use the raw accessors, which do
 * not check mutability (validation already did).
 */
public final class Global implements Extern {
  private final GlobalType type;
  private long raw;
  private long rawHigh;
  private Object ref;

  /** @throws IllegalArgumentException if {@code initial} is not of the global's value type */
  public Global(GlobalType type, Value initial) {
    this.type = type;
    store(initial);
  }

  public GlobalType type() {
    return type;
  }

  public Value get() {
    return switch (type.type()) {
      case V128 -> new Value.V128(raw, rawHigh);
      case I32, I64, F32, F64, FUNCREF, EXTERNREF -> Value.fromRaw(type.type(), raw, ref);
    };
  }

  /** @throws IllegalStateException if immutable; IllegalArgumentException if of the wrong type */
  public void set(Value value) {
    if (!type.mutable()) {
      throw new IllegalStateException("global is immutable");
    }
    store(value);
  }

  private void store(Value value) {
    ValType expected = type.type();
    if (value == null || value.type() != expected) {
      throw new IllegalArgumentException(
          "global of type " + expected + " cannot hold " + (value == null ? "null" : value.type() + " " + value));
    }
    raw = value.raw();
    rawHigh = value instanceof Value.V128 v ? v.high() : 0;
    ref = value.ref();
  }

  public long raw() {
    return raw;
  }

  public void setRaw(long bits) {
    raw = bits;
  }

  public long rawHigh() {
    return rawHigh;
  }

  public void setRawHigh(long bits) {
    rawHigh = bits;
  }

  public Object ref() {
    return ref;
  }

  public void setRef(Object ref) {
    this.ref = ref;
  }

  @Override
  public String toString() {
    return "global " + (type.mutable() ? "(mut " + type.type() + ")" : type.type().toString()) + " = " + get();
  }
}
