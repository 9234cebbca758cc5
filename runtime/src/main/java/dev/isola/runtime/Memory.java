package dev.isola.runtime;

import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

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
  /** The most pages a {@code byte[]} can hold: 32767 * 64 KiB is just under {@code Integer.MAX_VALUE}. */
  public static final int MAX_PAGES = 32767;
  /** The bytes a bulk operation writes between two {@link ChunkPoll} calls: a few microseconds of work. */
  public static final int BULK_CHUNK = 64 * 1024;

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long declaredMax;
  /** The type's maximum (65536 if absent) capped by {@link #MAX_PAGES}: what {@link #grow} may reach. */
  private final long maxPages;
  private final ResourceLimiter limiter;
  private byte[] bytes;

  /**
   * Creates a memory of {@code type.limits().min()} zeroed pages.
   *
   * @throws UnlinkableException if the minimum exceeds the implementation limit, the limiter refuses it, or the
   *     host's heap cannot hold it
   */
  public Memory(MemoryType type, ResourceLimiter limiter) {
    Limits limits = type.limits();
    this.declaredMax = limits.max();
    this.maxPages = Math.min(limits.hasMax() ? limits.max() : MemoryType.MAX_PAGES, MAX_PAGES);
    this.limiter = limiter;
    long min = limits.min();
    if (min > MAX_PAGES) {
      throw new UnlinkableException("memory size exceeds limit",
          min + " pages requested, at most " + MAX_PAGES + " supported");
    }
    if (min > 0 && !limiter.memoryGrowing(0, min)) {
      throw new UnlinkableException("memory size exceeds limit", min + " pages refused by the resource limiter");
    }
    try {
      this.bytes = new byte[(int) min * MemoryType.PAGE_SIZE];
    } catch (OutOfMemoryError e) {
      // A guest must not take the host down: refuse it like any other memory the host cannot give.
      throw new UnlinkableException("memory size exceeds limit",
          min + " pages requested, more than the host's free heap");
    }
  }

  /** The type with the current size as minimum (what import matching compares). */
  public MemoryType type() {
    return new MemoryType(new Limits(pages(), declaredMax));
  }

  /** The current backing array. Replaced by {@link #grow}: re-read it after anything that may grow memory. */
  public byte[] bytes() {
    return bytes;
  }

  public int pages() {
    return bytes.length / MemoryType.PAGE_SIZE;
  }

  /**
   * Grows by {@code deltaPages} (read as unsigned, as {@code memory.grow} does); returns the old size in pages,
   * or -1 (no trap) if it cannot.
   */
  public int grow(int deltaPages) {
    int old = pages();
    long desired = old + Integer.toUnsignedLong(deltaPages);
    if (desired > maxPages) {
      return -1;
    }
    if (desired == old) {
      return old;
    }
    if (!limiter.memoryGrowing(old, desired)) {
      return -1;
    }
    try {
      bytes = Arrays.copyOf(bytes, (int) desired * MemoryType.PAGE_SIZE);
    } catch (OutOfMemoryError e) {
      // The host is short of heap: the spec lets grow fail, and failing beats taking the JVM down.
      return -1;
    }
    return old;
  }

  public byte readI8(long addr) {
    check(addr, 1);
    return bytes[(int) addr];
  }

  public short readI16(long addr) {
    check(addr, 2);
    return (short) SHORT.get(bytes, (int) addr);
  }

  public int readI32(long addr) {
    check(addr, 4);
    return (int) INT.get(bytes, (int) addr);
  }

  public long readI64(long addr) {
    check(addr, 8);
    return (long) LONG.get(bytes, (int) addr);
  }

  public void writeI8(long addr, byte v) {
    check(addr, 1);
    bytes[(int) addr] = v;
  }

  public void writeI16(long addr, short v) {
    check(addr, 2);
    SHORT.set(bytes, (int) addr, v);
  }

  public void writeI32(long addr, int v) {
    check(addr, 4);
    INT.set(bytes, (int) addr, v);
  }

  public void writeI64(long addr, long v) {
    check(addr, 8);
    LONG.set(bytes, (int) addr, v);
  }

  /** Copies {@code len} bytes at {@code addr} into {@code dst[off..]}. */
  public void read(long addr, byte[] dst, int off, int len) {
    check(addr, len);
    System.arraycopy(bytes, (int) addr, dst, off, len);
  }

  /** Copies {@code src[off .. off+len)} to {@code addr}. */
  public void write(long addr, byte[] src, int off, int len) {
    check(addr, len);
    System.arraycopy(src, off, bytes, (int) addr, len);
  }

  /** {@code memory.fill}: traps (before writing anything) if the range is out of bounds. */
  public void fill(long dst, byte value, long len) {
    fill(dst, value, len, ChunkPoll.NONE);
  }

  /**
   * {@code memory.fill} in chunks of {@link #BULK_CHUNK} bytes, calling {@code poll} before each: traps (before
   * writing anything) if the range is out of bounds.
   */
  public void fill(long dst, byte value, long len, ChunkPoll poll) {
    check(dst, len);
    for (long done = 0; done < len; ) {
      int n = (int) Math.min(BULK_CHUNK, len - done);
      poll.beforeChunk(n);
      // Re-read bytes each chunk: the poll's handler may have grown (replaced) the array.
      int at = (int) (dst + done);
      Arrays.fill(bytes, at, at + n, value);
      done += n;
    }
  }

  /** {@code memory.copy} within this memory or from {@code src}: overlapping ranges copy as memmove. */
  public void copy(long dst, Memory src, long srcAddr, long len) {
    copy(dst, src, srcAddr, len, ChunkPoll.NONE);
  }

  /**
   * {@code memory.copy} in chunks of {@link #BULK_CHUNK} bytes, calling {@code poll} before each: traps (before
   * writing anything) if either range is out of bounds; overlapping ranges copy as memmove.
   */
  public void copy(long dst, Memory src, long srcAddr, long len, ChunkPoll poll) {
    src.check(srcAddr, len);
    check(dst, len);
    // Chunks go backwards when the destination lies above an overlapping source, so no chunk overwrites source
    // bytes a later chunk still has to read; inside a chunk System.arraycopy copies as memmove.
    boolean backwards = src == this && dst > srcAddr && dst < srcAddr + len;
    for (long done = 0; done < len; ) {
      int n = (int) Math.min(BULK_CHUNK, len - done);
      poll.beforeChunk(n);
      long from = backwards ? len - done - n : done;
      System.arraycopy(src.bytes, (int) (srcAddr + from), bytes, (int) (dst + from), n);
      done += n;
    }
  }

  /** {@code memory.init}: copies {@code data[srcOff .. srcOff+len)} to {@code dst}, trapping if either range is out. */
  public void init(long dst, byte[] data, long srcOff, long len) {
    init(dst, data, srcOff, len, ChunkPoll.NONE);
  }

  /** {@code memory.init} in chunks of {@link #BULK_CHUNK} bytes, calling {@code poll} before each. */
  public void init(long dst, byte[] data, long srcOff, long len, ChunkPoll poll) {
    if (srcOff < 0 || len < 0 || srcOff + len > data.length) {
      throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    check(dst, len);
    for (long done = 0; done < len; ) {
      int n = (int) Math.min(BULK_CHUNK, len - done);
      poll.beforeChunk(n);
      System.arraycopy(data, (int) (srcOff + done), bytes, (int) (dst + done), n);
      done += n;
    }
  }

  /**
   * Traps unless {@code [addr, addr+len)} lies inside the memory. Both are non-negative in any correct call and
   * below 2^34 (unsigned i32 plus offset), so the sum cannot overflow; a negative one is out of bounds too.
   */
  private void check(long addr, long len) {
    if (addr < 0 || len < 0 || addr + len > bytes.length) {
      throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
  }
}
