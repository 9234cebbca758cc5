package dev.isola.runtime;

import dev.isola.wasm.TableType;

/**
 * A table instance: references ({@link Function} for funcref, any object for externref, null for null) that
 * grow up to the type's maximum. Accessors trap with {@code out of bounds table access}.
 */
public final class Table implements Extern {
  public Table(TableType type, Object init, ResourceLimiter limiter) {
    throw new UnsupportedOperationException("runtime");
  }

  /** The type with the current size as minimum (what import matching compares). */
  public TableType type() { throw new UnsupportedOperationException("runtime"); }

  public int size() { throw new UnsupportedOperationException("runtime"); }

  public Object get(int index) { throw new UnsupportedOperationException("runtime"); }

  public void set(int index, Object ref) { throw new UnsupportedOperationException("runtime"); }

  /** Grows by {@code delta} elements set to {@code init}; returns the old size, or -1 if it cannot. */
  public int grow(int delta, Object init) { throw new UnsupportedOperationException("runtime"); }

  /** {@code table.fill}. */
  public void fill(int dst, Object ref, int len) { throw new UnsupportedOperationException("runtime"); }

  /** {@code table.copy} from {@code src} (possibly this table): overlapping ranges copy as memmove. */
  public void copy(int dst, Table src, int srcIndex, int len) { throw new UnsupportedOperationException("runtime"); }

  /** {@code table.init} from an element segment's evaluated references. */
  public void init(int dst, Object[] elements, int srcIndex, int len) { throw new UnsupportedOperationException("runtime"); }
}
