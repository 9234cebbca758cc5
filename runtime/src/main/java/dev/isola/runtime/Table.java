package dev.isola.runtime;

import dev.isola.wasm.Limits;
import dev.isola.wasm.TableType;
import java.util.Arrays;

/**
 * A table instance: references ({@link Function} for funcref, any object for externref, null for null) that
 * grow up to the type's maximum. Accessors trap with {@code out of bounds table access}.
 *
 * <p>Indices and lengths are {@code int}s read as unsigned i32, as the instructions do. Implementation limit:
 * {@link #MAX_ELEMENTS} elements; growing beyond fails (returns -1), which the spec allows.
 */
public final class Table implements Extern {
  /** At most ten million elements (80 MB of references): far beyond any real module, well inside the heap. */
  public static final int MAX_ELEMENTS = 10_000_000;
  /** The elements a bulk operation writes between two {@link ChunkPoll} calls. */
  public static final int BULK_CHUNK = 4096;

  private final TableType declared;
  private final long maxElements;
  private final ResourceLimiter limiter;
  private Object[] elements;

  /**
   * Creates a table of {@code type.limits().min()} elements, each {@code init}.
   *
   * @throws UnlinkableException if the minimum exceeds the implementation limit or the limiter refuses it
   */
  public Table(TableType type, Object init, ResourceLimiter limiter) {
    this.declared = type;
    Limits limits = type.limits();
    this.maxElements = Math.min(limits.hasMax() ? limits.max() : 0xFFFF_FFFFL, MAX_ELEMENTS);
    this.limiter = limiter;
    long min = limits.min();
    if (min > MAX_ELEMENTS) {
      throw new UnlinkableException("table size exceeds limit",
          min + " elements requested, at most " + MAX_ELEMENTS + " supported");
    }
    if (min > 0 && !limiter.tableGrowing(0, min)) {
      throw new UnlinkableException("table size exceeds limit", min + " elements refused by the resource limiter");
    }
    try {
      this.elements = new Object[(int) min];
    } catch (OutOfMemoryError e) {
      // A guest must not take the host down: refuse it like any other table the host cannot give.
      throw new UnlinkableException("table size exceeds limit",
          min + " elements requested, more than the host's free heap");
    }
    if (init != null) {
      Arrays.fill(elements, init);
    }
  }

  /** The type with the current size as minimum (what import matching compares). */
  public TableType type() {
    return new TableType(declared.elementType(), new Limits(elements.length, declared.limits().max()));
  }

  public int size() {
    return elements.length;
  }

  public Object get(int index) {
    check(Integer.toUnsignedLong(index), elements.length, 1);
    return elements[index];
  }

  public void set(int index, Object ref) {
    check(Integer.toUnsignedLong(index), elements.length, 1);
    elements[index] = ref;
  }

  /** Grows by {@code delta} elements set to {@code init}; returns the old size, or -1 if it cannot. */
  public int grow(int delta, Object init) {
    int old = elements.length;
    long desired = old + Integer.toUnsignedLong(delta);
    if (desired > maxElements) {
      return -1;
    }
    if (desired == old) {
      return old;
    }
    if (!limiter.tableGrowing(old, desired)) {
      return -1;
    }
    Object[] grown;
    try {
      grown = Arrays.copyOf(elements, (int) desired);
    } catch (OutOfMemoryError e) {
      // The host is short of heap: the spec lets grow fail, and failing beats taking the JVM down.
      return -1;
    }
    if (init != null) {
      Arrays.fill(grown, old, grown.length, init);
    }
    elements = grown;
    return old;
  }

  /** {@code table.fill}: traps (before writing anything) if the range is out of bounds. */
  public void fill(int dst, Object ref, int len) {
    fill(dst, ref, len, ChunkPoll.NONE);
  }

  /** {@code table.fill} in chunks of {@link #BULK_CHUNK} elements, calling {@code poll} before each. */
  public void fill(int dst, Object ref, int len, ChunkPoll poll) {
    long d = Integer.toUnsignedLong(dst);
    long n = Integer.toUnsignedLong(len);
    check(d, elements.length, n);
    for (long done = 0; done < n; ) {
      int c = (int) Math.min(BULK_CHUNK, n - done);
      poll.beforeChunk(c);
      // Re-read elements each chunk: the poll's handler may have grown (replaced) the array.
      int at = (int) (d + done);
      Arrays.fill(elements, at, at + c, ref);
      done += c;
    }
  }

  /** {@code table.copy} from {@code src} (possibly this table): overlapping ranges copy as memmove. */
  public void copy(int dst, Table src, int srcIndex, int len) {
    copy(dst, src, srcIndex, len, ChunkPoll.NONE);
  }

  /**
   * {@code table.copy} in chunks of {@link #BULK_CHUNK} elements, calling {@code poll} before each: traps (before
   * writing anything) if either range is out of bounds; overlapping ranges copy as memmove.
   */
  public void copy(int dst, Table src, int srcIndex, int len, ChunkPoll poll) {
    long d = Integer.toUnsignedLong(dst);
    long s = Integer.toUnsignedLong(srcIndex);
    long n = Integer.toUnsignedLong(len);
    check(s, src.elements.length, n);
    check(d, elements.length, n);
    // Backwards when the destination lies above an overlapping source (see Memory.copy).
    boolean backwards = src == this && d > s && d < s + n;
    for (long done = 0; done < n; ) {
      int c = (int) Math.min(BULK_CHUNK, n - done);
      poll.beforeChunk(c);
      long from = backwards ? n - done - c : done;
      System.arraycopy(src.elements, (int) (s + from), elements, (int) (d + from), c);
      done += c;
    }
  }

  /** {@code table.init} from an element segment's evaluated references. */
  public void init(int dst, Object[] elements, int srcIndex, int len) {
    init(dst, elements, srcIndex, len, ChunkPoll.NONE);
  }

  /** {@code table.init} in chunks of {@link #BULK_CHUNK} elements, calling {@code poll} before each. */
  public void init(int dst, Object[] elements, int srcIndex, int len, ChunkPoll poll) {
    long d = Integer.toUnsignedLong(dst);
    long s = Integer.toUnsignedLong(srcIndex);
    long n = Integer.toUnsignedLong(len);
    check(s, elements.length, n);
    check(d, this.elements.length, n);
    for (long done = 0; done < n; ) {
      int c = (int) Math.min(BULK_CHUNK, n - done);
      poll.beforeChunk(c);
      System.arraycopy(elements, (int) (s + done), this.elements, (int) (d + done), c);
      done += c;
    }
  }

  /** Traps unless {@code [start, start+len)} lies inside {@code [0, size)} (all unsigned, so no overflow). */
  private void check(long start, long size, long len) {
    if (start + len > size) {
      throw new Trap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
  }
}
