package dev.isola.compiler.emit;

import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value.V128;
import dev.isola.runtime.ops.V128Ops;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The SIMD operations generated code calls with {@code invokestatic} that are not one {@link V128Ops} method per
 * half ({@link SimdEmitter} emits those inline): v128 construction, memory accesses, lanes, shuffles, globals,
 * and the one-line operations the interpreter writes as lambdas. A v128 is a {@link V128} reference; its
 * halves are little-endian ({@code low} holds bytes 0..7).
 *
 * <p>Memory accesses compute the effective address as the interpreter does (unsigned address plus unsigned
 * offset, in a long) and check all the bytes before touching any, so that a store out of bounds writes nothing.
 */
final class Simd {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The default value of v128 locals. */
  static final V128 ZERO = new V128(0, 0);

  private Simd() {}

  static V128 of(long low, long high) {
    return new V128(low, high);
  }

  // ---------------------------------------------------------------------------------------------- memory

  /** The start of a {@code size}-byte access, bounds-checked for all of it. */
  private static int at(int addr, byte[] m, int off, int size) {
    long ea = Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(off);
    if (ea + size > m.length) {
      throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    return (int) ea;
  }

  /** Little-endian {@code size}-byte read, zero-extended. */
  private static long read(int addr, byte[] m, int off, int size) {
    int at = at(addr, m, off, size);
    return switch (size) {
      case 1 -> m[at] & 0xFFL;
      case 2 -> (short) SHORT.get(m, at) & 0xFFFFL;
      case 4 -> (int) INT.get(m, at) & 0xFFFF_FFFFL;
      default -> (long) LONG.get(m, at);
    };
  }

  static V128 load(int addr, byte[] m, int off) {
    int at = at(addr, m, off, 16);
    return new V128((long) LONG.get(m, at), (long) LONG.get(m, at + 8));
  }

  static void store(int addr, V128 v, byte[] m, int off) {
    int at = at(addr, m, off, 16);
    LONG.set(m, at, v.low());
    LONG.set(m, at + 8, v.high());
  }

  static V128 load8x8S(int addr, byte[] m, int off) {
    long v = read(addr, m, off, 8);
    return new V128(V128Ops.i16x8ExtendI8x16S((int) v), V128Ops.i16x8ExtendI8x16S((int) (v >>> 32)));
  }

  static V128 load8x8U(int addr, byte[] m, int off) {
    long v = read(addr, m, off, 8);
    return new V128(V128Ops.i16x8ExtendI8x16U((int) v), V128Ops.i16x8ExtendI8x16U((int) (v >>> 32)));
  }

  static V128 load16x4S(int addr, byte[] m, int off) {
    long v = read(addr, m, off, 8);
    return new V128(V128Ops.i32x4ExtendI16x8S((int) v), V128Ops.i32x4ExtendI16x8S((int) (v >>> 32)));
  }

  static V128 load16x4U(int addr, byte[] m, int off) {
    long v = read(addr, m, off, 8);
    return new V128(V128Ops.i32x4ExtendI16x8U((int) v), V128Ops.i32x4ExtendI16x8U((int) (v >>> 32)));
  }

  static V128 load32x2S(int addr, byte[] m, int off) {
    long v = read(addr, m, off, 8);
    return new V128(V128Ops.i64x2ExtendI32x4S((int) v), V128Ops.i64x2ExtendI32x4S((int) (v >>> 32)));
  }

  static V128 load32x2U(int addr, byte[] m, int off) {
    long v = read(addr, m, off, 8);
    return new V128(V128Ops.i64x2ExtendI32x4U((int) v), V128Ops.i64x2ExtendI32x4U((int) (v >>> 32)));
  }

  static V128 load8Splat(int addr, byte[] m, int off) {
    long h = V128Ops.i8x16Splat((int) read(addr, m, off, 1));
    return new V128(h, h);
  }

  static V128 load16Splat(int addr, byte[] m, int off) {
    long h = V128Ops.i16x8Splat((int) read(addr, m, off, 2));
    return new V128(h, h);
  }

  static V128 load32Splat(int addr, byte[] m, int off) {
    long h = V128Ops.i32x4Splat((int) read(addr, m, off, 4));
    return new V128(h, h);
  }

  static V128 load64Splat(int addr, byte[] m, int off) {
    long h = read(addr, m, off, 8);
    return new V128(h, h);
  }

  static V128 load32Zero(int addr, byte[] m, int off) {
    return new V128(read(addr, m, off, 4), 0);
  }

  static V128 load64Zero(int addr, byte[] m, int off) {
    return new V128(read(addr, m, off, 8), 0);
  }

  /** {@code v128.load<8*size>_lane}: replaces lane {@code lane} of {@code v} with {@code size} bytes read. */
  static V128 loadLane(int addr, V128 v, byte[] m, int off, int lane, int size) {
    long value = read(addr, m, off, size);
    int lanesPerHalf = 8 / size;
    int shift = (lane % lanesPerHalf) * size * 8;
    long mask = size == 8 ? -1L : ((1L << (size * 8)) - 1) << shift;
    if (lane < lanesPerHalf) {
      return new V128((v.low() & ~mask) | (value << shift), v.high());
    }
    return new V128(v.low(), (v.high() & ~mask) | (value << shift));
  }

  static void storeLane(int addr, V128 v, byte[] m, int off, int lane, int size) {
    int at = at(addr, m, off, size);
    int lanesPerHalf = 8 / size;
    long h = (lane < lanesPerHalf ? v.low() : v.high()) >>> ((lane % lanesPerHalf) * size * 8);
    switch (size) {
      case 1 -> m[at] = (byte) h;
      case 2 -> SHORT.set(m, at, (short) h);
      case 4 -> INT.set(m, at, (int) h);
      default -> LONG.set(m, at, h);
    }
  }

  // ---------------------------------------------------------------------------------------------- lanes

  static int extract8S(V128 v, int lane) {
    return V128Ops.i8x16ExtractLaneS(v.low(), v.high(), lane);
  }

  static int extract8U(V128 v, int lane) {
    return V128Ops.i8x16ExtractLaneU(v.low(), v.high(), lane);
  }

  static int extract16S(V128 v, int lane) {
    return V128Ops.i16x8ExtractLaneS(v.low(), v.high(), lane);
  }

  static int extract16U(V128 v, int lane) {
    return V128Ops.i16x8ExtractLaneU(v.low(), v.high(), lane);
  }

  static int extract32(V128 v, int lane) {
    return V128Ops.i32x4ExtractLane(v.low(), v.high(), lane);
  }

  static float extractF32(V128 v, int lane) {
    return Float.intBitsToFloat(V128Ops.i32x4ExtractLane(v.low(), v.high(), lane));
  }

  static long extract64(V128 v, int lane) {
    return lane == 0 ? v.low() : v.high();
  }

  static double extractF64(V128 v, int lane) {
    return Double.longBitsToDouble(lane == 0 ? v.low() : v.high());
  }

  static V128 replace8(V128 v, int x, int lane) {
    return lane < 8 ? new V128(V128Ops.i8x16ReplaceLane(v.low(), lane, x), v.high())
        : new V128(v.low(), V128Ops.i8x16ReplaceLane(v.high(), lane, x));
  }

  static V128 replace16(V128 v, int x, int lane) {
    return lane < 4 ? new V128(V128Ops.i16x8ReplaceLane(v.low(), lane, x), v.high())
        : new V128(v.low(), V128Ops.i16x8ReplaceLane(v.high(), lane, x));
  }

  static V128 replace32(V128 v, int x, int lane) {
    return lane < 2 ? new V128(V128Ops.i32x4ReplaceLane(v.low(), lane, x), v.high())
        : new V128(v.low(), V128Ops.i32x4ReplaceLane(v.high(), lane, x));
  }

  static V128 replaceF32(V128 v, float x, int lane) {
    return replace32(v, Float.floatToRawIntBits(x), lane);
  }

  static V128 replace64(V128 v, long x, int lane) {
    return lane == 0 ? new V128(x, v.high()) : new V128(v.low(), x);
  }

  static V128 replaceF64(V128 v, double x, int lane) {
    return replace64(v, Double.doubleToRawLongBits(x), lane);
  }

  static V128 splat8(int x) {
    long h = V128Ops.i8x16Splat(x);
    return new V128(h, h);
  }

  static V128 splat16(int x) {
    long h = V128Ops.i16x8Splat(x);
    return new V128(h, h);
  }

  static V128 splat32(int x) {
    long h = V128Ops.i32x4Splat(x);
    return new V128(h, h);
  }

  static V128 splatF32(float x) {
    return splat32(Float.floatToRawIntBits(x));
  }

  static V128 splat64(long x) {
    return new V128(x, x);
  }

  static V128 splatF64(double x) {
    long h = Double.doubleToRawLongBits(x);
    return new V128(h, h);
  }

  /** {@code i8x16.shuffle}: the sixteen selector bytes packed little-endian in two longs. */
  static V128 shuffle(V128 a, V128 b, long selectorsLow, long selectorsHigh) {
    return new V128(V128Ops.i8x16Shuffle(a.low(), a.high(), b.low(), b.high(), selectorsLow),
        V128Ops.i8x16Shuffle(a.low(), a.high(), b.low(), b.high(), selectorsHigh));
  }

  static V128 swizzle(V128 a, V128 s) {
    return new V128(V128Ops.i8x16Swizzle(a.low(), a.high(), s.low()),
        V128Ops.i8x16Swizzle(a.low(), a.high(), s.high()));
  }

  static V128 bitselect(V128 a, V128 b, V128 c) {
    return new V128(V128Ops.bitselect(a.low(), b.low(), c.low()), V128Ops.bitselect(a.high(), b.high(), c.high()));
  }

  // ---------------------------------------------------------------------------------------------- globals

  static V128 globalV128(InstanceContext c, int index) {
    var g = c.globals[index];
    return new V128(g.raw(), g.rawHigh());
  }

  static void setGlobalV128(V128 v, InstanceContext c, int index) {
    var g = c.globals[index];
    g.setRaw(v.low());
    g.setRawHigh(v.high());
  }

  // ------------------------------------------------------- per-half operations the interpreter writes inline

  static long not(long a) {
    return ~a;
  }

  static long and(long a, long b) {
    return a & b;
  }

  static long andnot(long a, long b) {
    return a & ~b;
  }

  static long or(long a, long b) {
    return a | b;
  }

  static long xor(long a, long b) {
    return a ^ b;
  }

  static long i64Neg(long a) {
    return -a;
  }

  /** The JVM masks long shift counts to 6 bits, as Wasm's i64x2 shifts do. */
  static long i64Shl(long a, int count) {
    return a << count;
  }

  static long i64ShrS(long a, int count) {
    return a >> count;
  }

  static long i64ShrU(long a, int count) {
    return a >>> count;
  }

  static long i64Add(long a, long b) {
    return a + b;
  }

  static long i64Sub(long a, long b) {
    return a - b;
  }

  static long i64Mul(long a, long b) {
    return a * b;
  }
}
