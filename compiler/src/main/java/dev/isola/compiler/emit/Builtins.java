package dev.isola.compiler.emit;

import dev.isola.runtime.Function;
import dev.isola.runtime.Table;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.runtime.WasmFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The operations generated code calls with {@code invokestatic}: memory accesses, globals, tables, bulk
 * operations, traps. Each is small enough for HotSpot to inline, so a call here costs what the same bytecode
 * written in place would, while the generated methods stay small (HotSpot's 8,000-byte limit).
 *
 * <p>Parameters come in the order the operands are already on the JVM stack, then the context and constant
 * indices that the caller pushes last, so that no call site has to shuffle the stack.
 *
 * <p><b>Memory.</b> The effective address is the unsigned i32 address plus the memarg offset. Offsets of 2^31 or
 * more never fit a {@code byte[]} (memories stay under 2 GiB) and are trapped by the emitter. For smaller
 * offsets, {@code addr + off} as an int is negative exactly when the true sum is 2^31 or more or the address
 * itself is; {@link #ea} turns that into index -1, so the array's own range check (the JVM's, which the
 * JIT folds into the access) raises {@link IndexOutOfBoundsException}, which every generated method turns into
 * {@code out of bounds memory access} ({@link #trapFrame}). (An explicit branch instead measured the same.) Measured against MemorySegment and explicit checks,
 * byte[] with little-endian VarHandles is the fastest exact choice (see the package comment).
 */
final class Builtins {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Builtins() {}

  static int ea(int addr, int off) {
    // off is a constant where this is inlined. Without an offset, a negative addr (2^31 or more unsigned)
    // fails the array's own check as it is, and the index stays linear in addr, so HotSpot can hoist the check
    // out of a loop (loop predication; matmul 15% faster), which the form below hides. (An Objects.checkIndex
    // of addr before addr + off, to keep that form linear too, measured slower: nbody +40%.)
    if (off == 0) {
      return addr;
    }
    int ea = addr + off;
    return ea | ((addr | ea) >> 31);
  }

  static int i32Load(int a, byte[] m, int off) {
    return (int) INT.get(m, ea(a, off));
  }

  static long i64Load(int a, byte[] m, int off) {
    return (long) LONG.get(m, ea(a, off));
  }

  static float f32Load(int a, byte[] m, int off) {
    return Float.intBitsToFloat((int) INT.get(m, ea(a, off)));
  }

  static double f64Load(int a, byte[] m, int off) {
    return Double.longBitsToDouble((long) LONG.get(m, ea(a, off)));
  }

  static int i32Load8S(int a, byte[] m, int off) {
    return m[ea(a, off)];
  }

  static int i32Load8U(int a, byte[] m, int off) {
    return m[ea(a, off)] & 0xFF;
  }

  static int i32Load16S(int a, byte[] m, int off) {
    return (short) SHORT.get(m, ea(a, off));
  }

  static int i32Load16U(int a, byte[] m, int off) {
    return (short) SHORT.get(m, ea(a, off)) & 0xFFFF;
  }

  static long i64Load8S(int a, byte[] m, int off) {
    return m[ea(a, off)];
  }

  static long i64Load8U(int a, byte[] m, int off) {
    return m[ea(a, off)] & 0xFFL;
  }

  static long i64Load16S(int a, byte[] m, int off) {
    return (short) SHORT.get(m, ea(a, off));
  }

  static long i64Load16U(int a, byte[] m, int off) {
    return (short) SHORT.get(m, ea(a, off)) & 0xFFFFL;
  }

  static long i64Load32S(int a, byte[] m, int off) {
    return (int) INT.get(m, ea(a, off));
  }

  static long i64Load32U(int a, byte[] m, int off) {
    return (int) INT.get(m, ea(a, off)) & 0xFFFF_FFFFL;
  }

  static void i32Store(int a, int v, byte[] m, int off) {
    INT.set(m, ea(a, off), v);
  }

  static void i64Store(int a, long v, byte[] m, int off) {
    LONG.set(m, ea(a, off), v);
  }

  static void f32Store(int a, float v, byte[] m, int off) {
    INT.set(m, ea(a, off), Float.floatToRawIntBits(v));
  }

  static void f64Store(int a, double v, byte[] m, int off) {
    LONG.set(m, ea(a, off), Double.doubleToRawLongBits(v));
  }

  static void i32Store8(int a, int v, byte[] m, int off) {
    m[ea(a, off)] = (byte) v;
  }

  static void i32Store16(int a, int v, byte[] m, int off) {
    SHORT.set(m, ea(a, off), (short) v);
  }

  static void i64Store8(int a, long v, byte[] m, int off) {
    m[ea(a, off)] = (byte) v;
  }

  static void i64Store16(int a, long v, byte[] m, int off) {
    SHORT.set(m, ea(a, off), (short) v);
  }

  static void i64Store32(int a, long v, byte[] m, int off) {
    INT.set(m, ea(a, off), (int) v);
  }

  /** The backing array of memory {@code index} (not 0: that one is cached in a local). */
  static byte[] bytes(InstanceContext c, int index) {
    return c.memories[index].bytes();
  }

  static int memorySize(InstanceContext c, int index) {
    return c.memories[index].pages();
  }

  static int memoryGrow(int delta, InstanceContext c, int index) {
    return c.memories[index].grow(delta);
  }

  static void memoryInit(int dst, int src, int len, InstanceContext c, int data, int index) {
    c.memories[index].init(Integer.toUnsignedLong(dst), c.instance.dataSegment(data), Integer.toUnsignedLong(src),
        Integer.toUnsignedLong(len), c.bulkPoll);
  }

  static void memoryCopy(int dst, int src, int len, InstanceContext c, int dstIndex, int srcIndex) {
    c.memories[dstIndex].copy(Integer.toUnsignedLong(dst), c.memories[srcIndex], Integer.toUnsignedLong(src),
        Integer.toUnsignedLong(len), c.bulkPoll);
  }

  static void memoryFill(int dst, int value, int len, InstanceContext c, int index) {
    c.memories[index].fill(Integer.toUnsignedLong(dst), (byte) value, Integer.toUnsignedLong(len), c.bulkPoll);
  }

  static void dataDrop(InstanceContext c, int data) {
    c.instance.dropDataSegment(data);
  }

  static int globalI32(InstanceContext c, int index) {
    return (int) c.globals[index].raw();
  }

  static long globalI64(InstanceContext c, int index) {
    return c.globals[index].raw();
  }

  static float globalF32(InstanceContext c, int index) {
    return Float.intBitsToFloat((int) c.globals[index].raw());
  }

  static double globalF64(InstanceContext c, int index) {
    return Double.longBitsToDouble(c.globals[index].raw());
  }

  static Object globalRef(InstanceContext c, int index) {
    return c.globals[index].ref();
  }

  static void setGlobalI32(int v, InstanceContext c, int index) {
    c.globals[index].setRaw(v);
  }

  static void setGlobalI64(long v, InstanceContext c, int index) {
    c.globals[index].setRaw(v);
  }

  static void setGlobalF32(float v, InstanceContext c, int index) {
    c.globals[index].setRaw(Float.floatToRawIntBits(v));
  }

  static void setGlobalF64(double v, InstanceContext c, int index) {
    c.globals[index].setRaw(Double.doubleToRawLongBits(v));
  }

  static void setGlobalRef(Object v, InstanceContext c, int index) {
    c.globals[index].setRef(v);
  }

  static Object tableGet(int i, InstanceContext c, int table) {
    return c.tables[table].get(i);
  }

  static void tableSet(int i, Object ref, InstanceContext c, int table) {
    c.tables[table].set(i, ref);
  }

  static int tableSize(InstanceContext c, int table) {
    return c.tables[table].size();
  }

  static int tableGrow(Object ref, int delta, InstanceContext c, int table) {
    return c.tables[table].grow(delta, ref);
  }

  static void tableFill(int i, Object ref, int len, InstanceContext c, int table) {
    c.tables[table].fill(i, ref, len, c.bulkPoll);
  }

  static void tableInit(int dst, int src, int len, InstanceContext c, int elem, int table) {
    c.tables[table].init(dst, c.instance.elementSegment(elem), src, len, c.bulkPoll);
  }

  static void tableCopy(int dst, int src, int len, InstanceContext c, int dstTable, int srcTable) {
    c.tables[dstTable].copy(dst, c.tables[srcTable], src, len, c.bulkPoll);
  }

  static void elemDrop(InstanceContext c, int elem) {
    c.instance.dropElementSegment(elem);
  }

  static Object refFunc(InstanceContext c, int function) {
    return c.functions[function];
  }

  /**
   * The target of {@code call_indirect}: checks the element and its canonical type id, and returns a handle of
   * the compiled convention for {@code type} to be invoked with the caller's context.
   */
  static MethodHandle indirect(int i, InstanceContext c, int table, int typeIndex) {
    Table t = c.tables[table];
    if (Integer.compareUnsigned(i, t.size()) >= 0) {
      throw new Trap(TrapKind.UNDEFINED_ELEMENT);
    }
    Object element = t.get(i);
    if (element == null) {
      throw new Trap(TrapKind.UNINITIALIZED_ELEMENT);
    }
    Function f = (Function) element;
    int expected = c.typeIds[typeIndex];
    if (f instanceof WasmFunction w && w.instance().tierState() instanceof InstanceContext callee) {
      if (callee.code.functionTypeIds[w.index()] != expected) {
        throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
      }
      return callee == c ? callee.code.handle(w.index(), callee) : CallTargets.bound(callee, w.index());
    }
    if (c.code.engine.typeId(f.type()) != expected) {
      throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
    }
    return CallTargets.boxed(f);
  }

  /**
   * The fast path of {@code call_indirect}: the function index if the element is a function of the calling
   * instance itself with the expected type (the stub then calls its method directly), else -1 for the general
   * path of {@link #indirect}, which also raises every trap.
   */
  static int indirectOwn(int i, InstanceContext c, int table, int typeIndex) {
    Table t = c.tables[table];
    if (Integer.compareUnsigned(i, t.size()) < 0 && t.get(i) instanceof WasmFunction w
        && w.instance().tierState() == c && c.code.functionTypeIds[w.index()] == c.typeIds[typeIndex]) {
      return w.index();
    }
    return -1;
  }

  // Stores into a split function's frame (FunctionEmitter#storeTopToFrame): value first, then where it goes.

  static void frameI32(int value, long[] frame, int index) {
    frame[index] = value;
  }

  static void frameI64(long value, long[] frame, int index) {
    frame[index] = value;
  }

  static void frameF32(float value, long[] frame, int index) {
    frame[index] = Float.floatToRawIntBits(value);
  }

  static void frameF64(double value, long[] frame, int index) {
    frame[index] = Double.doubleToRawLongBits(value);
  }

  static void frameRef(Object value, Object[] refs, int index) {
    refs[index] = value;
  }

  static void frameV128(Value.V128 value, Object[] refs, int index) {
    refs[index] = value;
  }

  /**
   * After a poll's slow path: compiled code keeps memory 0's array across polls (so that HotSpot can hoist range
   * checks out of loops), which is exact unless the safepoint handler grew this instance's memory meanwhile. Then
   * execution cannot continue correctly and stops with {@code interrupted}.
   */
  static void checkMemoryKept(byte[] kept, InstanceContext c) {
    if (c.memory0.bytes() != kept) {
      throw new Trap(TrapKind.INTERRUPTED, "the memory was grown by a safepoint handler");
    }
  }

  static Trap unreachable() {
    return new Trap(TrapKind.UNREACHABLE);
  }

  static Trap callStackExhausted() {
    return new Trap(TrapKind.CALL_STACK_EXHAUSTED);
  }

  static Trap outOfBounds() {
    return new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
  }

  /**
   * What a generated method's catch-all handler rethrows: a memory access outside the array becomes {@code out
   * of bounds memory access}; a trap gets this function as its next frame (innermost first), at the Wasm byte
   * {@code offset} of the instruction that threw (-1 if unknown); anything else passes unchanged.
   */
  static RuntimeException trapFrame(RuntimeException e, int offset, InstanceContext c, int function) {
    Trap t;
    if (e instanceof IndexOutOfBoundsException) {
      t = new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    } else if (e instanceof Trap trap) {
      t = trap;
    } else {
      return e;
    }
    t.addFrame(c.code.frame(function, offset));
    return t;
  }
}
