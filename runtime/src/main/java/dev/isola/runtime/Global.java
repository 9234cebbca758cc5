package dev.isola.runtime;

import dev.isola.wasm.GlobalType;

/**
 * A global instance. Numbers are held as raw bits in {@link #raw()} (floats as IEEE bits), references in
 * {@link #ref()}, v128 in {@link #raw()} (low) and {@link #rawHigh()}. Tiers use the raw accessors.
 */
public final class Global implements Extern {
  public Global(GlobalType type, Value initial) {
    throw new UnsupportedOperationException("runtime");
  }

  public GlobalType type() { throw new UnsupportedOperationException("runtime"); }

  public Value get() { throw new UnsupportedOperationException("runtime"); }

  /** @throws IllegalStateException if immutable; IllegalArgumentException if of the wrong type */
  public void set(Value value) { throw new UnsupportedOperationException("runtime"); }

  public long raw() { throw new UnsupportedOperationException("runtime"); }

  public void setRaw(long bits) { throw new UnsupportedOperationException("runtime"); }

  public long rawHigh() { throw new UnsupportedOperationException("runtime"); }

  public void setRawHigh(long bits) { throw new UnsupportedOperationException("runtime"); }

  public Object ref() { throw new UnsupportedOperationException("runtime"); }

  public void setRef(Object ref) { throw new UnsupportedOperationException("runtime"); }
}
