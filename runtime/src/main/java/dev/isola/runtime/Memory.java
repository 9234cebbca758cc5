package dev.isola.runtime;

import dev.isola.wasm.MemoryType;

/**
 * A linear memory instance: a {@code byte[]} that grows by 64 KiB pages, little-endian.
 *
 * <p>Addresses are {@code long} effective addresses (an unsigned i32 plus a memarg offset may exceed 2^32).
 * Every accessor checks bounds and throws {@link Trap} {@code out of bounds memory access}; execution tiers may
 * instead read {@link #bytes()} directly and turn the JVM's own range check into the same trap.
 *
 * <p>Implementation limit: a {@code byte[]} holds under 2 GiB, so a memory grows to at most 32767 pages;
 * growing further fails (returns -1), which the spec allows.
 */
public final class Memory implements Extern {
  /** Creates a memory of {@code type.limits().min()} zeroed pages. */
  public Memory(MemoryType type, ResourceLimiter limiter) {
    throw new UnsupportedOperationException("runtime");
  }

  /** The type with the current size as minimum (what import matching compares). */
  public MemoryType type() {
    throw new UnsupportedOperationException("runtime");
  }

  /** The current backing array. Replaced by {@link #grow}: re-read it after anything that may grow memory. */
  public byte[] bytes() {
    throw new UnsupportedOperationException("runtime");
  }

  public int pages() {
    throw new UnsupportedOperationException("runtime");
  }

  /** Grows by {@code deltaPages}; returns the old size in pages, or -1 (no trap) if it cannot. */
  public int grow(int deltaPages) {
    throw new UnsupportedOperationException("runtime");
  }

  public byte readI8(long addr) { throw new UnsupportedOperationException("runtime"); }

  public short readI16(long addr) { throw new UnsupportedOperationException("runtime"); }

  public int readI32(long addr) { throw new UnsupportedOperationException("runtime"); }

  public long readI64(long addr) { throw new UnsupportedOperationException("runtime"); }

  public void writeI8(long addr, byte v) { throw new UnsupportedOperationException("runtime"); }

  public void writeI16(long addr, short v) { throw new UnsupportedOperationException("runtime"); }

  public void writeI32(long addr, int v) { throw new UnsupportedOperationException("runtime"); }

  public void writeI64(long addr, long v) { throw new UnsupportedOperationException("runtime"); }

  /** Copies {@code len} bytes at {@code addr} into {@code dst[off..]}. */
  public void read(long addr, byte[] dst, int off, int len) { throw new UnsupportedOperationException("runtime"); }

  /** Copies {@code src[off .. off+len)} to {@code addr}. */
  public void write(long addr, byte[] src, int off, int len) { throw new UnsupportedOperationException("runtime"); }

  /** {@code memory.fill}: traps (before writing anything) if the range is out of bounds. */
  public void fill(long dst, byte value, long len) { throw new UnsupportedOperationException("runtime"); }

  /** {@code memory.copy} within this memory or from {@code src}: overlapping ranges copy as memmove. */
  public void copy(long dst, Memory src, long srcAddr, long len) { throw new UnsupportedOperationException("runtime"); }

  /** {@code memory.init}: copies {@code data[srcOff .. srcOff+len)} to {@code dst}, trapping if either range is out. */
  public void init(long dst, byte[] data, long srcOff, long len) { throw new UnsupportedOperationException("runtime"); }
}
