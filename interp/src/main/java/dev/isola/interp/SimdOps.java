package dev.isola.interp;

import dev.isola.runtime.Memory;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.ops.F64Ops;
import dev.isola.runtime.ops.V128Ops;
import dev.isola.wasm.OpCode;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Runs the SIMD instructions other than v128.const, v128.load and v128.store (which have their own numbers;
 * v128.load and v128.store come here only on a memory other than memory 0), out of {@link Machine#run}'s loop:
 * the pre-decoder emits {@link Op#SIMD} followed by {@link #OPERANDS} operands, the {@link OpCode} ordinal and
 * up to four immediates (offset, lane and memory index of a memory access, a lane index, or the sixteen shuffle
 * bytes packed little-endian). A v128 is two stack slots, low then high; the semantics are {@link V128Ops}'.
 *
 * <p>One switch over all 233 of them, long because each case is one call, so that it reads as the table of
 * which {@link V128Ops} method runs each instruction on which halves.
 */
final class SimdOps {
  /** How many code operands follow {@link Op#SIMD}. */
  static final int OPERANDS = 5;

  private static final OpCode[] OPCODES = OpCode.values();

  private SimdOps() {}

  /** Applies a per-half operation to both halves of the v128 on top. */
  private static int unary(long[] s, int sp, LongUnaryOperator f) {
    s[sp - 2] = f.applyAsLong(s[sp - 2]);
    s[sp - 1] = f.applyAsLong(s[sp - 1]);
    return sp;
  }

  /** Applies a per-half operation to the halves of the two v128 on top. */
  private static int binary(long[] s, int sp, LongBinaryOperator f) {
    s[sp - 4] = f.applyAsLong(s[sp - 4], s[sp - 2]);
    s[sp - 3] = f.applyAsLong(s[sp - 3], s[sp - 1]);
    return sp - 2;
  }

  /** A shift: a v128 then an i32 count. */
  private interface Shift {
    long apply(long half, int count);
  }

  private static int shift(long[] s, int sp, Shift f) {
    int c = (int) s[sp - 1];
    s[sp - 3] = f.apply(s[sp - 3], c);
    s[sp - 2] = f.apply(s[sp - 2], c);
    return sp - 1;
  }

  /** A v128 to i32 reduction (all_true, any_true, bitmask). */
  private static int reduce(long[] s, int sp, Reduction f) {
    s[sp - 2] = f.apply(s[sp - 2], s[sp - 1]);
    return sp - 1;
  }

  private interface Reduction {
    int apply(long low, long high);
  }

  /** Widens the low ({@code high == false}) or high half of the v128 on top, quarter by quarter. */
  private static int widen(long[] s, int sp, boolean high, IntToLong f) {
    long h = high ? s[sp - 1] : s[sp - 2];
    s[sp - 2] = f.apply((int) h);
    s[sp - 1] = f.apply((int) (h >>> 32));
    return sp;
  }

  private interface IntToLong {
    long apply(int quarter);
  }

  private interface IntIntToLong {
    long apply(int a, int b);
  }

  private static int extmul(long[] s, int sp, boolean high, IntIntToLong f) {
    long a = high ? s[sp - 3] : s[sp - 4];
    long b = high ? s[sp - 1] : s[sp - 2];
    s[sp - 4] = f.apply((int) a, (int) b);
    s[sp - 3] = f.apply((int) (a >>> 32), (int) (b >>> 32));
    return sp - 2;
  }

  /** Narrowing: the low result half from the first operand, the high from the second. */
  private static int narrow(long[] s, int sp, LongBinaryOperator f) {
    long low = f.applyAsLong(s[sp - 4], s[sp - 3]);
    s[sp - 3] = f.applyAsLong(s[sp - 2], s[sp - 1]);
    s[sp - 4] = low;
    return sp - 2;
  }

  /** The {@code _zero} conversions: both source halves give the low result half, the high half is zero. */
  private static int zero(long[] s, int sp, LongBinaryOperator f) {
    s[sp - 2] = f.applyAsLong(s[sp - 2], s[sp - 1]);
    s[sp - 1] = 0;
    return sp;
  }

  /**
   * The bounds-checked start of a {@code size}-byte access: effective address = unsigned i32 + offset, as for
   * scalar loads.
   */
  private static int address(byte[] mem, long base, int offset, int size) {
    long ea = (base & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
    if (mem == null || ea + size > mem.length) {
      throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    return (int) ea;
  }

  /** Little-endian {@code size}-byte read, zero-extended. */
  private static long read(byte[] mem, int at, int size) {
    return switch (size) {
      case 1 -> mem[at] & 0xFFL;
      case 2 -> (short) Machine.SHORT.get(mem, at) & 0xFFFFL;
      case 4 -> (int) Machine.INT.get(mem, at) & 0xFFFF_FFFFL;
      default -> (long) Machine.LONG.get(mem, at);
    };
  }

  private static void write(byte[] mem, int at, int size, long v) {
    switch (size) {
      case 1 -> mem[at] = (byte) v;
      case 2 -> Machine.SHORT.set(mem, at, (short) v);
      case 4 -> Machine.INT.set(mem, at, (int) v);
      default -> Machine.LONG.set(mem, at, v);
    }
  }

  /** Loads a lane of {@code size} bytes into the v128 on top (below it, the address). */
  private static int loadLane(long[] s, int sp, byte[] mem, int offset, int lane, int size) {
    int at = address(mem, s[sp - 3], offset, size);
    long v = read(mem, at, size);
    int lanesPerHalf = 8 / size;
    int shift = (lane % lanesPerHalf) * size * 8;
    long m = size == 8 ? -1L : ((1L << (size * 8)) - 1) << shift;
    long low = s[sp - 2];
    long high = s[sp - 1];
    if (lane < lanesPerHalf) {
      low = (low & ~m) | (v << shift);
    } else {
      high = (high & ~m) | (v << shift);
    }
    s[sp - 3] = low;
    s[sp - 2] = high;
    return sp - 1;
  }

  private static int storeLane(long[] s, int sp, byte[] mem, int offset, int lane, int size) {
    int at = address(mem, s[sp - 3], offset, size);
    int lanesPerHalf = 8 / size;
    long h = lane < lanesPerHalf ? s[sp - 2] : s[sp - 1];
    write(mem, at, size, h >>> ((lane % lanesPerHalf) * size * 8));
    return sp - 3;
  }

  /** Replaces the v128 slots at the top after reading {@code size} bytes at the address on top. */
  private static int load(long[] s, int sp, byte[] mem, int offset, int size, LongBinaryOperator halves) {
    long v = read(mem, address(mem, s[sp - 1], offset, size), size);
    s[sp - 1] = halves.applyAsLong(v, 0);
    s[sp] = halves.applyAsLong(v, 1);
    return sp + 1;
  }

  private static int splat(long[] s, int sp, long half) {
    s[sp - 1] = half;
    s[sp] = half;
    return sp + 1;
  }

  private static int lane(long[] s, int sp, int lane, int lanesPerHalf, LongUnaryOperator replace) {
    int slot = lane < lanesPerHalf ? sp - 3 : sp - 2;
    s[slot] = replace.applyAsLong(s[slot]);
    return sp - 1;
  }

  /** Runs the instruction whose operands start at {@code code[pc]}; returns the new stack pointer. */
  static int exec(int[] code, int pc, long[] s, int sp, InstanceState st) {
    int x = code[pc + 1];
    int y = code[pc + 2];
    // Memory accesses carry their memory index here (the pre-decoder's third immediate): 0 but under multi-memory.
    int z = code[pc + 3];
    return switch (OPCODES[code[pc]]) {
      case V128_LOAD -> load128(s, sp, mem(st, z), x);
      case V128_STORE -> store128(s, sp, mem(st, z), x);
      case V128_LOAD8X8_S -> load(s, sp, mem(st, z), x, 8,
          (v, h) -> V128Ops.i16x8ExtendI8x16S((int) (v >>> (32 * h))));
      case V128_LOAD8X8_U -> load(s, sp, mem(st, z), x, 8,
          (v, h) -> V128Ops.i16x8ExtendI8x16U((int) (v >>> (32 * h))));
      case V128_LOAD16X4_S -> load(s, sp, mem(st, z), x, 8,
          (v, h) -> V128Ops.i32x4ExtendI16x8S((int) (v >>> (32 * h))));
      case V128_LOAD16X4_U -> load(s, sp, mem(st, z), x, 8,
          (v, h) -> V128Ops.i32x4ExtendI16x8U((int) (v >>> (32 * h))));
      case V128_LOAD32X2_S -> load(s, sp, mem(st, z), x, 8,
          (v, h) -> V128Ops.i64x2ExtendI32x4S((int) (v >>> (32 * h))));
      case V128_LOAD32X2_U -> load(s, sp, mem(st, z), x, 8,
          (v, h) -> V128Ops.i64x2ExtendI32x4U((int) (v >>> (32 * h))));
      case V128_LOAD8_SPLAT -> load(s, sp, mem(st, z), x, 1, (v, h) -> V128Ops.i8x16Splat((int) v));
      case V128_LOAD16_SPLAT -> load(s, sp, mem(st, z), x, 2, (v, h) -> V128Ops.i16x8Splat((int) v));
      case V128_LOAD32_SPLAT -> load(s, sp, mem(st, z), x, 4, (v, h) -> V128Ops.i32x4Splat((int) v));
      case V128_LOAD64_SPLAT -> load(s, sp, mem(st, z), x, 8, (v, h) -> v);
      case V128_LOAD32_ZERO -> load(s, sp, mem(st, z), x, 4, (v, h) -> h == 0 ? v : 0);
      case V128_LOAD64_ZERO -> load(s, sp, mem(st, z), x, 8, (v, h) -> h == 0 ? v : 0);
      case V128_LOAD8_LANE -> loadLane(s, sp, mem(st, z), x, y, 1);
      case V128_LOAD16_LANE -> loadLane(s, sp, mem(st, z), x, y, 2);
      case V128_LOAD32_LANE -> loadLane(s, sp, mem(st, z), x, y, 4);
      case V128_LOAD64_LANE -> loadLane(s, sp, mem(st, z), x, y, 8);
      case V128_STORE8_LANE -> storeLane(s, sp, mem(st, z), x, y, 1);
      case V128_STORE16_LANE -> storeLane(s, sp, mem(st, z), x, y, 2);
      case V128_STORE32_LANE -> storeLane(s, sp, mem(st, z), x, y, 4);
      case V128_STORE64_LANE -> storeLane(s, sp, mem(st, z), x, y, 8);

      case I8X16_SHUFFLE -> {
        long aLow = s[sp - 4];
        long aHigh = s[sp - 3];
        long bLow = s[sp - 2];
        long bHigh = s[sp - 1];
        s[sp - 4] = V128Ops.i8x16Shuffle(aLow, aHigh, bLow, bHigh, (x & 0xFFFF_FFFFL) | ((long) y << 32));
        s[sp - 3] = V128Ops.i8x16Shuffle(aLow, aHigh, bLow, bHigh,
            (code[pc + 3] & 0xFFFF_FFFFL) | ((long) code[pc + 4] << 32));
        yield sp - 2;
      }
      case I8X16_SWIZZLE -> {
        long aLow = s[sp - 4];
        long aHigh = s[sp - 3];
        s[sp - 4] = V128Ops.i8x16Swizzle(aLow, aHigh, s[sp - 2]);
        s[sp - 3] = V128Ops.i8x16Swizzle(aLow, aHigh, s[sp - 1]);
        yield sp - 2;
      }
      case I8X16_SPLAT -> splat(s, sp, V128Ops.i8x16Splat((int) s[sp - 1]));
      case I16X8_SPLAT -> splat(s, sp, V128Ops.i16x8Splat((int) s[sp - 1]));
      case I32X4_SPLAT, F32X4_SPLAT -> splat(s, sp, V128Ops.i32x4Splat((int) s[sp - 1]));
      case I64X2_SPLAT, F64X2_SPLAT -> splat(s, sp, s[sp - 1]);
      case I8X16_EXTRACT_LANE_S -> extract(s, sp, V128Ops.i8x16ExtractLaneS(s[sp - 2], s[sp - 1], x));
      case I8X16_EXTRACT_LANE_U -> extract(s, sp, V128Ops.i8x16ExtractLaneU(s[sp - 2], s[sp - 1], x));
      case I16X8_EXTRACT_LANE_S -> extract(s, sp, V128Ops.i16x8ExtractLaneS(s[sp - 2], s[sp - 1], x));
      case I16X8_EXTRACT_LANE_U -> extract(s, sp, V128Ops.i16x8ExtractLaneU(s[sp - 2], s[sp - 1], x));
      case I32X4_EXTRACT_LANE, F32X4_EXTRACT_LANE ->
          extract(s, sp, V128Ops.i32x4ExtractLane(s[sp - 2], s[sp - 1], x) & 0xFFFF_FFFFL);
      case I64X2_EXTRACT_LANE, F64X2_EXTRACT_LANE -> extract(s, sp, x == 0 ? s[sp - 2] : s[sp - 1]);
      case I8X16_REPLACE_LANE -> {
        int v = (int) s[sp - 1];
        yield lane(s, sp, x, 8, h -> V128Ops.i8x16ReplaceLane(h, x, v));
      }
      case I16X8_REPLACE_LANE -> {
        int v = (int) s[sp - 1];
        yield lane(s, sp, x, 4, h -> V128Ops.i16x8ReplaceLane(h, x, v));
      }
      case I32X4_REPLACE_LANE, F32X4_REPLACE_LANE -> {
        int v = (int) s[sp - 1];
        yield lane(s, sp, x, 2, h -> V128Ops.i32x4ReplaceLane(h, x, v));
      }
      case I64X2_REPLACE_LANE, F64X2_REPLACE_LANE -> {
        long v = s[sp - 1];
        yield lane(s, sp, x, 1, h -> v);
      }

      case I8X16_EQ -> binary(s, sp, V128Ops::i8x16Eq);
      case I8X16_NE -> binary(s, sp, V128Ops::i8x16Ne);
      case I8X16_LT_S -> binary(s, sp, V128Ops::i8x16LtS);
      case I8X16_LT_U -> binary(s, sp, V128Ops::i8x16LtU);
      case I8X16_GT_S -> binary(s, sp, V128Ops::i8x16GtS);
      case I8X16_GT_U -> binary(s, sp, V128Ops::i8x16GtU);
      case I8X16_LE_S -> binary(s, sp, V128Ops::i8x16LeS);
      case I8X16_LE_U -> binary(s, sp, V128Ops::i8x16LeU);
      case I8X16_GE_S -> binary(s, sp, V128Ops::i8x16GeS);
      case I8X16_GE_U -> binary(s, sp, V128Ops::i8x16GeU);
      case I16X8_EQ -> binary(s, sp, V128Ops::i16x8Eq);
      case I16X8_NE -> binary(s, sp, V128Ops::i16x8Ne);
      case I16X8_LT_S -> binary(s, sp, V128Ops::i16x8LtS);
      case I16X8_LT_U -> binary(s, sp, V128Ops::i16x8LtU);
      case I16X8_GT_S -> binary(s, sp, V128Ops::i16x8GtS);
      case I16X8_GT_U -> binary(s, sp, V128Ops::i16x8GtU);
      case I16X8_LE_S -> binary(s, sp, V128Ops::i16x8LeS);
      case I16X8_LE_U -> binary(s, sp, V128Ops::i16x8LeU);
      case I16X8_GE_S -> binary(s, sp, V128Ops::i16x8GeS);
      case I16X8_GE_U -> binary(s, sp, V128Ops::i16x8GeU);
      case I32X4_EQ -> binary(s, sp, V128Ops::i32x4Eq);
      case I32X4_NE -> binary(s, sp, V128Ops::i32x4Ne);
      case I32X4_LT_S -> binary(s, sp, V128Ops::i32x4LtS);
      case I32X4_LT_U -> binary(s, sp, V128Ops::i32x4LtU);
      case I32X4_GT_S -> binary(s, sp, V128Ops::i32x4GtS);
      case I32X4_GT_U -> binary(s, sp, V128Ops::i32x4GtU);
      case I32X4_LE_S -> binary(s, sp, V128Ops::i32x4LeS);
      case I32X4_LE_U -> binary(s, sp, V128Ops::i32x4LeU);
      case I32X4_GE_S -> binary(s, sp, V128Ops::i32x4GeS);
      case I32X4_GE_U -> binary(s, sp, V128Ops::i32x4GeU);
      case F32X4_EQ -> binary(s, sp, V128Ops::f32x4Eq);
      case F32X4_NE -> binary(s, sp, V128Ops::f32x4Ne);
      case F32X4_LT -> binary(s, sp, V128Ops::f32x4Lt);
      case F32X4_GT -> binary(s, sp, V128Ops::f32x4Gt);
      case F32X4_LE -> binary(s, sp, V128Ops::f32x4Le);
      case F32X4_GE -> binary(s, sp, V128Ops::f32x4Ge);
      case F64X2_EQ -> binary(s, sp, V128Ops::f64x2Eq);
      case F64X2_NE -> binary(s, sp, V128Ops::f64x2Ne);
      case F64X2_LT -> binary(s, sp, V128Ops::f64x2Lt);
      case F64X2_GT -> binary(s, sp, V128Ops::f64x2Gt);
      case F64X2_LE -> binary(s, sp, V128Ops::f64x2Le);
      case F64X2_GE -> binary(s, sp, V128Ops::f64x2Ge);

      case V128_NOT -> unary(s, sp, h -> ~h);
      case V128_AND -> binary(s, sp, (a, b) -> a & b);
      case V128_ANDNOT -> binary(s, sp, (a, b) -> a & ~b);
      case V128_OR -> binary(s, sp, (a, b) -> a | b);
      case V128_XOR -> binary(s, sp, (a, b) -> a ^ b);
      case V128_BITSELECT -> {
        s[sp - 6] = V128Ops.bitselect(s[sp - 6], s[sp - 4], s[sp - 2]);
        s[sp - 5] = V128Ops.bitselect(s[sp - 5], s[sp - 3], s[sp - 1]);
        yield sp - 4;
      }
      case V128_ANY_TRUE -> reduce(s, sp, V128Ops::anyTrue);

      case F32X4_DEMOTE_F64X2_ZERO -> zero(s, sp, V128Ops::f32x4DemoteF64x2Zero);
      case F64X2_PROMOTE_LOW_F32X4 -> widen(s, sp, false, V128Ops::f64x2PromoteF32);
      case I8X16_ABS -> unary(s, sp, V128Ops::i8x16Abs);
      case I8X16_NEG -> unary(s, sp, V128Ops::i8x16Neg);
      case I8X16_POPCNT -> unary(s, sp, V128Ops::i8x16Popcnt);
      case I8X16_ALL_TRUE -> reduce(s, sp, V128Ops::i8x16AllTrue);
      case I8X16_BITMASK -> reduce(s, sp, V128Ops::i8x16Bitmask);
      case I8X16_NARROW_I16X8_S -> narrow(s, sp, V128Ops::i8x16NarrowI16x8S);
      case I8X16_NARROW_I16X8_U -> narrow(s, sp, V128Ops::i8x16NarrowI16x8U);
      case F32X4_CEIL -> unary(s, sp, V128Ops::f32x4Ceil);
      case F32X4_FLOOR -> unary(s, sp, V128Ops::f32x4Floor);
      case F32X4_TRUNC -> unary(s, sp, V128Ops::f32x4Trunc);
      case F32X4_NEAREST -> unary(s, sp, V128Ops::f32x4Nearest);
      case I8X16_SHL -> shift(s, sp, V128Ops::i8x16Shl);
      case I8X16_SHR_S -> shift(s, sp, V128Ops::i8x16ShrS);
      case I8X16_SHR_U -> shift(s, sp, V128Ops::i8x16ShrU);
      case I8X16_ADD -> binary(s, sp, V128Ops::i8x16Add);
      case I8X16_ADD_SAT_S -> binary(s, sp, V128Ops::i8x16AddSatS);
      case I8X16_ADD_SAT_U -> binary(s, sp, V128Ops::i8x16AddSatU);
      case I8X16_SUB -> binary(s, sp, V128Ops::i8x16Sub);
      case I8X16_SUB_SAT_S -> binary(s, sp, V128Ops::i8x16SubSatS);
      case I8X16_SUB_SAT_U -> binary(s, sp, V128Ops::i8x16SubSatU);
      case F64X2_CEIL -> unary(s, sp, F64Ops::ceil);
      case F64X2_FLOOR -> unary(s, sp, F64Ops::floor);
      case I8X16_MIN_S -> binary(s, sp, V128Ops::i8x16MinS);
      case I8X16_MIN_U -> binary(s, sp, V128Ops::i8x16MinU);
      case I8X16_MAX_S -> binary(s, sp, V128Ops::i8x16MaxS);
      case I8X16_MAX_U -> binary(s, sp, V128Ops::i8x16MaxU);
      case F64X2_TRUNC -> unary(s, sp, F64Ops::trunc);
      case I8X16_AVGR_U -> binary(s, sp, V128Ops::i8x16AvgrU);
      case I16X8_EXTADD_PAIRWISE_I8X16_S -> unary(s, sp, V128Ops::i16x8ExtaddPairwiseI8x16S);
      case I16X8_EXTADD_PAIRWISE_I8X16_U -> unary(s, sp, V128Ops::i16x8ExtaddPairwiseI8x16U);
      case I32X4_EXTADD_PAIRWISE_I16X8_S -> unary(s, sp, V128Ops::i32x4ExtaddPairwiseI16x8S);
      case I32X4_EXTADD_PAIRWISE_I16X8_U -> unary(s, sp, V128Ops::i32x4ExtaddPairwiseI16x8U);
      case I16X8_ABS -> unary(s, sp, V128Ops::i16x8Abs);
      case I16X8_NEG -> unary(s, sp, V128Ops::i16x8Neg);
      case I16X8_Q15MULR_SAT_S -> binary(s, sp, V128Ops::i16x8Q15mulrSatS);
      case I16X8_ALL_TRUE -> reduce(s, sp, V128Ops::i16x8AllTrue);
      case I16X8_BITMASK -> reduce(s, sp, V128Ops::i16x8Bitmask);
      case I16X8_NARROW_I32X4_S -> narrow(s, sp, V128Ops::i16x8NarrowI32x4S);
      case I16X8_NARROW_I32X4_U -> narrow(s, sp, V128Ops::i16x8NarrowI32x4U);
      case I16X8_EXTEND_LOW_I8X16_S -> widen(s, sp, false, V128Ops::i16x8ExtendI8x16S);
      case I16X8_EXTEND_HIGH_I8X16_S -> widen(s, sp, true, V128Ops::i16x8ExtendI8x16S);
      case I16X8_EXTEND_LOW_I8X16_U -> widen(s, sp, false, V128Ops::i16x8ExtendI8x16U);
      case I16X8_EXTEND_HIGH_I8X16_U -> widen(s, sp, true, V128Ops::i16x8ExtendI8x16U);
      case I16X8_SHL -> shift(s, sp, V128Ops::i16x8Shl);
      case I16X8_SHR_S -> shift(s, sp, V128Ops::i16x8ShrS);
      case I16X8_SHR_U -> shift(s, sp, V128Ops::i16x8ShrU);
      case I16X8_ADD -> binary(s, sp, V128Ops::i16x8Add);
      case I16X8_ADD_SAT_S -> binary(s, sp, V128Ops::i16x8AddSatS);
      case I16X8_ADD_SAT_U -> binary(s, sp, V128Ops::i16x8AddSatU);
      case I16X8_SUB -> binary(s, sp, V128Ops::i16x8Sub);
      case I16X8_SUB_SAT_S -> binary(s, sp, V128Ops::i16x8SubSatS);
      case I16X8_SUB_SAT_U -> binary(s, sp, V128Ops::i16x8SubSatU);
      case F64X2_NEAREST -> unary(s, sp, F64Ops::nearest);
      case I16X8_MUL -> binary(s, sp, V128Ops::i16x8Mul);
      case I16X8_MIN_S -> binary(s, sp, V128Ops::i16x8MinS);
      case I16X8_MIN_U -> binary(s, sp, V128Ops::i16x8MinU);
      case I16X8_MAX_S -> binary(s, sp, V128Ops::i16x8MaxS);
      case I16X8_MAX_U -> binary(s, sp, V128Ops::i16x8MaxU);
      case I16X8_AVGR_U -> binary(s, sp, V128Ops::i16x8AvgrU);
      case I16X8_EXTMUL_LOW_I8X16_S -> extmul(s, sp, false, V128Ops::i16x8ExtmulI8x16S);
      case I16X8_EXTMUL_HIGH_I8X16_S -> extmul(s, sp, true, V128Ops::i16x8ExtmulI8x16S);
      case I16X8_EXTMUL_LOW_I8X16_U -> extmul(s, sp, false, V128Ops::i16x8ExtmulI8x16U);
      case I16X8_EXTMUL_HIGH_I8X16_U -> extmul(s, sp, true, V128Ops::i16x8ExtmulI8x16U);
      case I32X4_ABS -> unary(s, sp, V128Ops::i32x4Abs);
      case I32X4_NEG -> unary(s, sp, V128Ops::i32x4Neg);
      case I32X4_ALL_TRUE -> reduce(s, sp, V128Ops::i32x4AllTrue);
      case I32X4_BITMASK -> reduce(s, sp, V128Ops::i32x4Bitmask);
      case I32X4_EXTEND_LOW_I16X8_S -> widen(s, sp, false, V128Ops::i32x4ExtendI16x8S);
      case I32X4_EXTEND_HIGH_I16X8_S -> widen(s, sp, true, V128Ops::i32x4ExtendI16x8S);
      case I32X4_EXTEND_LOW_I16X8_U -> widen(s, sp, false, V128Ops::i32x4ExtendI16x8U);
      case I32X4_EXTEND_HIGH_I16X8_U -> widen(s, sp, true, V128Ops::i32x4ExtendI16x8U);
      case I32X4_SHL -> shift(s, sp, V128Ops::i32x4Shl);
      case I32X4_SHR_S -> shift(s, sp, V128Ops::i32x4ShrS);
      case I32X4_SHR_U -> shift(s, sp, V128Ops::i32x4ShrU);
      case I32X4_ADD -> binary(s, sp, V128Ops::i32x4Add);
      case I32X4_SUB -> binary(s, sp, V128Ops::i32x4Sub);
      case I32X4_MUL -> binary(s, sp, V128Ops::i32x4Mul);
      case I32X4_MIN_S -> binary(s, sp, V128Ops::i32x4MinS);
      case I32X4_MIN_U -> binary(s, sp, V128Ops::i32x4MinU);
      case I32X4_MAX_S -> binary(s, sp, V128Ops::i32x4MaxS);
      case I32X4_MAX_U -> binary(s, sp, V128Ops::i32x4MaxU);
      case I32X4_DOT_I16X8_S -> binary(s, sp, V128Ops::i32x4DotI16x8S);
      case I32X4_EXTMUL_LOW_I16X8_S -> extmul(s, sp, false, V128Ops::i32x4ExtmulI16x8S);
      case I32X4_EXTMUL_HIGH_I16X8_S -> extmul(s, sp, true, V128Ops::i32x4ExtmulI16x8S);
      case I32X4_EXTMUL_LOW_I16X8_U -> extmul(s, sp, false, V128Ops::i32x4ExtmulI16x8U);
      case I32X4_EXTMUL_HIGH_I16X8_U -> extmul(s, sp, true, V128Ops::i32x4ExtmulI16x8U);
      case I64X2_ABS -> unary(s, sp, Math::abs);
      case I64X2_NEG -> unary(s, sp, h -> -h);
      case I64X2_ALL_TRUE -> reduce(s, sp, V128Ops::i64x2AllTrue);
      case I64X2_BITMASK -> reduce(s, sp, V128Ops::i64x2Bitmask);
      case I64X2_EXTEND_LOW_I32X4_S -> widen(s, sp, false, V128Ops::i64x2ExtendI32x4S);
      case I64X2_EXTEND_HIGH_I32X4_S -> widen(s, sp, true, V128Ops::i64x2ExtendI32x4S);
      case I64X2_EXTEND_LOW_I32X4_U -> widen(s, sp, false, V128Ops::i64x2ExtendI32x4U);
      case I64X2_EXTEND_HIGH_I32X4_U -> widen(s, sp, true, V128Ops::i64x2ExtendI32x4U);
      case I64X2_SHL -> shift(s, sp, (h, c) -> h << c);
      case I64X2_SHR_S -> shift(s, sp, (h, c) -> h >> c);
      case I64X2_SHR_U -> shift(s, sp, (h, c) -> h >>> c);
      case I64X2_ADD -> binary(s, sp, Long::sum);
      case I64X2_SUB -> binary(s, sp, (a, b) -> a - b);
      case I64X2_MUL -> binary(s, sp, (a, b) -> a * b);
      case I64X2_EQ -> binary(s, sp, V128Ops::i64x2Eq);
      case I64X2_NE -> binary(s, sp, V128Ops::i64x2Ne);
      case I64X2_LT_S -> binary(s, sp, V128Ops::i64x2LtS);
      case I64X2_GT_S -> binary(s, sp, V128Ops::i64x2GtS);
      case I64X2_LE_S -> binary(s, sp, V128Ops::i64x2LeS);
      case I64X2_GE_S -> binary(s, sp, V128Ops::i64x2GeS);
      case I64X2_EXTMUL_LOW_I32X4_S -> extmul(s, sp, false, V128Ops::i64x2ExtmulI32x4S);
      case I64X2_EXTMUL_HIGH_I32X4_S -> extmul(s, sp, true, V128Ops::i64x2ExtmulI32x4S);
      case I64X2_EXTMUL_LOW_I32X4_U -> extmul(s, sp, false, V128Ops::i64x2ExtmulI32x4U);
      case I64X2_EXTMUL_HIGH_I32X4_U -> extmul(s, sp, true, V128Ops::i64x2ExtmulI32x4U);
      case F32X4_ABS -> unary(s, sp, V128Ops::f32x4Abs);
      case F32X4_NEG -> unary(s, sp, V128Ops::f32x4Neg);
      case F32X4_SQRT -> unary(s, sp, V128Ops::f32x4Sqrt);
      case F32X4_ADD -> binary(s, sp, V128Ops::f32x4Add);
      case F32X4_SUB -> binary(s, sp, V128Ops::f32x4Sub);
      case F32X4_MUL -> binary(s, sp, V128Ops::f32x4Mul);
      case F32X4_DIV -> binary(s, sp, V128Ops::f32x4Div);
      case F32X4_MIN -> binary(s, sp, V128Ops::f32x4Min);
      case F32X4_MAX -> binary(s, sp, V128Ops::f32x4Max);
      case F32X4_PMIN -> binary(s, sp, V128Ops::f32x4Pmin);
      case F32X4_PMAX -> binary(s, sp, V128Ops::f32x4Pmax);
      case F64X2_ABS -> unary(s, sp, F64Ops::abs);
      case F64X2_NEG -> unary(s, sp, F64Ops::neg);
      case F64X2_SQRT -> unary(s, sp, F64Ops::sqrt);
      case F64X2_ADD -> binary(s, sp, V128Ops::f64x2Add);
      case F64X2_SUB -> binary(s, sp, V128Ops::f64x2Sub);
      case F64X2_MUL -> binary(s, sp, V128Ops::f64x2Mul);
      case F64X2_DIV -> binary(s, sp, V128Ops::f64x2Div);
      case F64X2_MIN -> binary(s, sp, F64Ops::min);
      case F64X2_MAX -> binary(s, sp, F64Ops::max);
      case F64X2_PMIN -> binary(s, sp, V128Ops::f64x2Pmin);
      case F64X2_PMAX -> binary(s, sp, V128Ops::f64x2Pmax);
      case I32X4_TRUNC_SAT_F32X4_S -> unary(s, sp, V128Ops::i32x4TruncSatF32x4S);
      case I32X4_TRUNC_SAT_F32X4_U -> unary(s, sp, V128Ops::i32x4TruncSatF32x4U);
      case F32X4_CONVERT_I32X4_S -> unary(s, sp, V128Ops::f32x4ConvertI32x4S);
      case F32X4_CONVERT_I32X4_U -> unary(s, sp, V128Ops::f32x4ConvertI32x4U);
      case I32X4_TRUNC_SAT_F64X2_S_ZERO -> zero(s, sp, V128Ops::i32x4TruncSatF64x2SZero);
      case I32X4_TRUNC_SAT_F64X2_U_ZERO -> zero(s, sp, V128Ops::i32x4TruncSatF64x2UZero);
      case F64X2_CONVERT_LOW_I32X4_S -> widen(s, sp, false, V128Ops::f64x2ConvertI32S);
      case F64X2_CONVERT_LOW_I32X4_U -> widen(s, sp, false, V128Ops::f64x2ConvertI32U);
      default -> throw new IllegalStateException(OPCODES[code[pc]].textName() + " reached SimdOps");
    };
  }

  /** The array of memory {@code index} (the third immediate of a memory access), or null if there is none. */
  private static byte[] mem(InstanceState st, int index) {
    Memory m = index == 0 ? st.memory : st.memories[index];
    return m == null ? null : m.bytes();
  }

  /** {@code v128.load} on a memory other than 0 (memory 0's has its own op number, see RareOps). */
  private static int load128(long[] s, int sp, byte[] mem, int offset) {
    int at = address(mem, s[sp - 1], offset, 16);
    s[sp - 1] = (long) Machine.LONG.get(mem, at);
    s[sp] = (long) Machine.LONG.get(mem, at + 8);
    return sp + 1;
  }

  /** {@code v128.store} on a memory other than 0: bounds are checked once for all 16 bytes, before writing. */
  private static int store128(long[] s, int sp, byte[] mem, int offset) {
    int at = address(mem, s[sp - 3], offset, 16);
    Machine.LONG.set(mem, at, s[sp - 2]);
    Machine.LONG.set(mem, at + 8, s[sp - 1]);
    return sp - 3;
  }

  /** Replaces the v128 on top with a scalar lane (one slot). */
  private static int extract(long[] s, int sp, long lane) {
    s[sp - 2] = lane;
    return sp - 1;
  }
}
