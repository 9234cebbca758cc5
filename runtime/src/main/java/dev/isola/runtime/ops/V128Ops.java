package dev.isola.runtime.ops;

/**
 * The semantics of the SIMD instructions on a v128 held as two {@code long} halves (low = lanes of bytes 0-7,
 * high = bytes 8-15, little-endian as in memory).
 *
 * <p>Most instructions are lane-wise and no lane crosses the middle, so their methods take and return one
 * half: a tier applies them to the low halves and to the high halves. Instructions that move lanes across the
 * halves (shuffle, swizzle, narrow, extend, extmul, the f64x2/f32x4 conversions) say which half they produce.
 * Boolean lane results are all ones or all zeros; f32 lanes travel as raw bits, as in {@link F32Ops}.
 */
public final class V128Ops {
  private V128Ops() {}

  // ---- lane access

  private static int i8(long h, int lane) {
    return (byte) (h >>> (lane << 3));
  }

  private static int i16(long h, int lane) {
    return (short) (h >>> (lane << 4));
  }

  private static int i32(long h, int lane) {
    return (int) (h >>> (lane << 5));
  }

  private static long put8(long r, int lane, int v) {
    return r | ((v & 0xFFL) << (lane << 3));
  }

  private static long put16(long r, int lane, int v) {
    return r | ((v & 0xFFFFL) << (lane << 4));
  }

  private static long put32(long r, int lane, int v) {
    return r | ((v & 0xFFFF_FFFFL) << (lane << 5));
  }

  private static long pack32(int lo, int hi) {
    return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
  }

  private static int satS8(int v) {
    return Math.max(-128, Math.min(127, v));
  }

  private static int satU8(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static int satS16(int v) {
    return Math.max(-32768, Math.min(32767, v));
  }

  private static int satU16(int v) {
    return Math.max(0, Math.min(65535, v));
  }

  private static int mask(boolean b) {
    return b ? -1 : 0;
  }

  /** One lane-wise operation on lanes given sign-extended; the result is truncated to the lane. */
  @FunctionalInterface
  private interface Lanes {
    int apply(int a, int b);
  }

  private static long map8(long a, long b, Lanes f) {
    long r = 0;
    for (int i = 0; i < 8; i++) {
      r = put8(r, i, f.apply(i8(a, i), i8(b, i)));
    }
    return r;
  }

  private static long map16(long a, long b, Lanes f) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put16(r, i, f.apply(i16(a, i), i16(b, i)));
    }
    return r;
  }

  private static long map32(long a, long b, Lanes f) {
    return pack32(f.apply(i32(a, 0), i32(b, 0)), f.apply(i32(a, 1), i32(b, 1)));
  }

  // ---- splat, lanes, shuffle

  /** The half of {@code i8x16.splat} (both halves are equal). */
  public static long i8x16Splat(int v) {
    return (v & 0xFFL) * 0x0101_0101_0101_0101L;
  }

  public static long i16x8Splat(int v) {
    return (v & 0xFFFFL) * 0x0001_0001_0001_0001L;
  }

  public static long i32x4Splat(int v) {
    return pack32(v, v);
  }

  public static int i8x16ExtractLaneS(long low, long high, int lane) {
    return i8(lane < 8 ? low : high, lane & 7);
  }

  public static int i8x16ExtractLaneU(long low, long high, int lane) {
    return i8x16ExtractLaneS(low, high, lane) & 0xFF;
  }

  public static int i16x8ExtractLaneS(long low, long high, int lane) {
    return i16(lane < 4 ? low : high, lane & 3);
  }

  public static int i16x8ExtractLaneU(long low, long high, int lane) {
    return i16x8ExtractLaneS(low, high, lane) & 0xFFFF;
  }

  public static int i32x4ExtractLane(long low, long high, int lane) {
    return i32(lane < 2 ? low : high, lane & 1);
  }

  /** The half holding {@code lane} (lane 0-15) after replacing it: the other half is unchanged. */
  public static long i8x16ReplaceLane(long half, int lane, int v) {
    int at = (lane & 7) << 3;
    return (half & ~(0xFFL << at)) | ((v & 0xFFL) << at);
  }

  public static long i16x8ReplaceLane(long half, int lane, int v) {
    int at = (lane & 3) << 4;
    return (half & ~(0xFFFFL << at)) | ((v & 0xFFFFL) << at);
  }

  public static long i32x4ReplaceLane(long half, int lane, int v) {
    int at = (lane & 1) << 5;
    return (half & ~(0xFFFF_FFFFL << at)) | ((v & 0xFFFF_FFFFL) << at);
  }

  private static int byteOf(long aLow, long aHigh, long bLow, long bHigh, int index) {
    long h = switch (index >> 3) {
      case 0 -> aLow;
      case 1 -> aHigh;
      case 2 -> bLow;
      default -> bHigh;
    };
    return i8(h, index & 7);
  }

  /**
   * One half of {@code i8x16.shuffle}: {@code selectors} holds that half's eight lane indices (0-31), one per
   * byte, as the immediate's bytes read little-endian.
   */
  public static long i8x16Shuffle(long aLow, long aHigh, long bLow, long bHigh, long selectors) {
    long r = 0;
    for (int i = 0; i < 8; i++) {
      r = put8(r, i, byteOf(aLow, aHigh, bLow, bHigh, i8(selectors, i) & 31));
    }
    return r;
  }

  /** One half of {@code i8x16.swizzle}: {@code selectors} is the same half of the index operand. */
  public static long i8x16Swizzle(long aLow, long aHigh, long selectors) {
    long r = 0;
    for (int i = 0; i < 8; i++) {
      int s = i8(selectors, i) & 0xFF;
      r = put8(r, i, s < 16 ? byteOf(aLow, aHigh, 0, 0, s) : 0);
    }
    return r;
  }

  // ---- bitwise and tests

  public static long bitselect(long a, long b, long c) {
    return (a & c) | (b & ~c);
  }

  public static int anyTrue(long low, long high) {
    return (low | high) != 0 ? 1 : 0;
  }

  private static boolean allNonZero8(long h) {
    return ((h - 0x0101_0101_0101_0101L) & ~h & 0x8080_8080_8080_8080L) == 0;
  }

  public static int i8x16AllTrue(long low, long high) {
    return allNonZero8(low) && allNonZero8(high) ? 1 : 0;
  }

  public static int i16x8AllTrue(long low, long high) {
    for (int i = 0; i < 4; i++) {
      if (i16(low, i) == 0 || i16(high, i) == 0) {
        return 0;
      }
    }
    return 1;
  }

  public static int i32x4AllTrue(long low, long high) {
    return i32(low, 0) != 0 && i32(low, 1) != 0 && i32(high, 0) != 0 && i32(high, 1) != 0 ? 1 : 0;
  }

  public static int i64x2AllTrue(long low, long high) {
    return low != 0 && high != 0 ? 1 : 0;
  }

  public static int i8x16Bitmask(long low, long high) {
    int m = 0;
    for (int i = 0; i < 8; i++) {
      m |= (int) ((low >>> (i * 8 + 7)) & 1) << i;
      m |= (int) ((high >>> (i * 8 + 7)) & 1) << (i + 8);
    }
    return m;
  }

  public static int i16x8Bitmask(long low, long high) {
    int m = 0;
    for (int i = 0; i < 4; i++) {
      m |= (int) ((low >>> (i * 16 + 15)) & 1) << i;
      m |= (int) ((high >>> (i * 16 + 15)) & 1) << (i + 4);
    }
    return m;
  }

  public static int i32x4Bitmask(long low, long high) {
    return (int) ((low >>> 31) & 1) | (int) ((low >>> 63) << 1) | (int) (((high >>> 31) & 1) << 2)
        | (int) ((high >>> 63) << 3);
  }

  public static int i64x2Bitmask(long low, long high) {
    return (int) (low >>> 63) | (int) ((high >>> 63) << 1);
  }

  // ---- i8x16 (per half)

  public static long i8x16Eq(long a, long b) {
    return map8(a, b, (x, y) -> mask(x == y));
  }

  public static long i8x16Ne(long a, long b) {
    return map8(a, b, (x, y) -> mask(x != y));
  }

  public static long i8x16LtS(long a, long b) {
    return map8(a, b, (x, y) -> mask(x < y));
  }

  public static long i8x16LtU(long a, long b) {
    return map8(a, b, (x, y) -> mask((x & 0xFF) < (y & 0xFF)));
  }

  public static long i8x16GtS(long a, long b) {
    return map8(a, b, (x, y) -> mask(x > y));
  }

  public static long i8x16GtU(long a, long b) {
    return map8(a, b, (x, y) -> mask((x & 0xFF) > (y & 0xFF)));
  }

  public static long i8x16LeS(long a, long b) {
    return map8(a, b, (x, y) -> mask(x <= y));
  }

  public static long i8x16LeU(long a, long b) {
    return map8(a, b, (x, y) -> mask((x & 0xFF) <= (y & 0xFF)));
  }

  public static long i8x16GeS(long a, long b) {
    return map8(a, b, (x, y) -> mask(x >= y));
  }

  public static long i8x16GeU(long a, long b) {
    return map8(a, b, (x, y) -> mask((x & 0xFF) >= (y & 0xFF)));
  }

  public static long i8x16Abs(long a) {
    return map8(a, 0, (x, y) -> Math.abs(x));
  }

  public static long i8x16Neg(long a) {
    return map8(a, 0, (x, y) -> -x);
  }

  public static long i8x16Popcnt(long a) {
    return map8(a, 0, (x, y) -> Integer.bitCount(x & 0xFF));
  }

  /** One half of {@code i8x16.narrow_i16x8_s}: the narrowed lanes of one whole i16x8 operand. */
  public static long i8x16NarrowI16x8S(long low, long high) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put8(r, i, satS8(i16(low, i)));
      r = put8(r, i + 4, satS8(i16(high, i)));
    }
    return r;
  }

  public static long i8x16NarrowI16x8U(long low, long high) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put8(r, i, satU8(i16(low, i)));
      r = put8(r, i + 4, satU8(i16(high, i)));
    }
    return r;
  }

  public static long i8x16Shl(long a, int count) {
    int c = count & 7;
    return map8(a, 0, (x, y) -> x << c);
  }

  public static long i8x16ShrS(long a, int count) {
    int c = count & 7;
    return map8(a, 0, (x, y) -> x >> c);
  }

  public static long i8x16ShrU(long a, int count) {
    int c = count & 7;
    return map8(a, 0, (x, y) -> (x & 0xFF) >>> c);
  }

  public static long i8x16Add(long a, long b) {
    return map8(a, b, Integer::sum);
  }

  public static long i8x16AddSatS(long a, long b) {
    return map8(a, b, (x, y) -> satS8(x + y));
  }

  public static long i8x16AddSatU(long a, long b) {
    return map8(a, b, (x, y) -> satU8((x & 0xFF) + (y & 0xFF)));
  }

  public static long i8x16Sub(long a, long b) {
    return map8(a, b, (x, y) -> x - y);
  }

  public static long i8x16SubSatS(long a, long b) {
    return map8(a, b, (x, y) -> satS8(x - y));
  }

  public static long i8x16SubSatU(long a, long b) {
    return map8(a, b, (x, y) -> satU8((x & 0xFF) - (y & 0xFF)));
  }

  public static long i8x16MinS(long a, long b) {
    return map8(a, b, Math::min);
  }

  public static long i8x16MinU(long a, long b) {
    return map8(a, b, (x, y) -> Math.min(x & 0xFF, y & 0xFF));
  }

  public static long i8x16MaxS(long a, long b) {
    return map8(a, b, Math::max);
  }

  public static long i8x16MaxU(long a, long b) {
    return map8(a, b, (x, y) -> Math.max(x & 0xFF, y & 0xFF));
  }

  public static long i8x16AvgrU(long a, long b) {
    return map8(a, b, (x, y) -> ((x & 0xFF) + (y & 0xFF) + 1) >>> 1);
  }

  // ---- i16x8 (per half unless said)

  public static long i16x8Eq(long a, long b) {
    return map16(a, b, (x, y) -> mask(x == y));
  }

  public static long i16x8Ne(long a, long b) {
    return map16(a, b, (x, y) -> mask(x != y));
  }

  public static long i16x8LtS(long a, long b) {
    return map16(a, b, (x, y) -> mask(x < y));
  }

  public static long i16x8LtU(long a, long b) {
    return map16(a, b, (x, y) -> mask((x & 0xFFFF) < (y & 0xFFFF)));
  }

  public static long i16x8GtS(long a, long b) {
    return map16(a, b, (x, y) -> mask(x > y));
  }

  public static long i16x8GtU(long a, long b) {
    return map16(a, b, (x, y) -> mask((x & 0xFFFF) > (y & 0xFFFF)));
  }

  public static long i16x8LeS(long a, long b) {
    return map16(a, b, (x, y) -> mask(x <= y));
  }

  public static long i16x8LeU(long a, long b) {
    return map16(a, b, (x, y) -> mask((x & 0xFFFF) <= (y & 0xFFFF)));
  }

  public static long i16x8GeS(long a, long b) {
    return map16(a, b, (x, y) -> mask(x >= y));
  }

  public static long i16x8GeU(long a, long b) {
    return map16(a, b, (x, y) -> mask((x & 0xFFFF) >= (y & 0xFFFF)));
  }

  public static long i16x8Abs(long a) {
    return map16(a, 0, (x, y) -> Math.abs(x));
  }

  public static long i16x8Neg(long a) {
    return map16(a, 0, (x, y) -> -x);
  }

  public static long i16x8Q15mulrSatS(long a, long b) {
    return map16(a, b, (x, y) -> satS16((x * y + 0x4000) >> 15));
  }

  /** One half of {@code i16x8.narrow_i32x4_s}: the narrowed lanes of one whole i32x4 operand. */
  public static long i16x8NarrowI32x4S(long low, long high) {
    return put16(put16(put16(put16(0, 0, satS16(i32(low, 0))), 1, satS16(i32(low, 1))), 2,
        satS16(i32(high, 0))), 3, satS16(i32(high, 1)));
  }

  public static long i16x8NarrowI32x4U(long low, long high) {
    return put16(put16(put16(put16(0, 0, satU16(i32(low, 0))), 1, satU16(i32(low, 1))), 2,
        satU16(i32(high, 0))), 3, satU16(i32(high, 1)));
  }

  /**
   * Widens four i8 lanes ({@code quarter}, the low or high 32 bits of a source half) to one result half; the
   * {@code extend_low} result is the extension of the low half's two quarters, {@code extend_high} of the high's.
   */
  public static long i16x8ExtendI8x16S(int quarter) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put16(r, i, (byte) (quarter >>> (i << 3)));
    }
    return r;
  }

  public static long i16x8ExtendI8x16U(int quarter) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put16(r, i, (quarter >>> (i << 3)) & 0xFF);
    }
    return r;
  }

  /** One result half of extmul from the same quarter (see {@link #i16x8ExtendI8x16S}) of both operands. */
  public static long i16x8ExtmulI8x16S(int a, int b) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put16(r, i, (byte) (a >>> (i << 3)) * (byte) (b >>> (i << 3)));
    }
    return r;
  }

  public static long i16x8ExtmulI8x16U(int a, int b) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put16(r, i, ((a >>> (i << 3)) & 0xFF) * ((b >>> (i << 3)) & 0xFF));
    }
    return r;
  }

  public static long i16x8ExtaddPairwiseI8x16S(long a) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put16(r, i, i8(a, 2 * i) + i8(a, 2 * i + 1));
    }
    return r;
  }

  public static long i16x8ExtaddPairwiseI8x16U(long a) {
    long r = 0;
    for (int i = 0; i < 4; i++) {
      r = put16(r, i, (i8(a, 2 * i) & 0xFF) + (i8(a, 2 * i + 1) & 0xFF));
    }
    return r;
  }

  public static long i16x8Shl(long a, int count) {
    int c = count & 15;
    return map16(a, 0, (x, y) -> x << c);
  }

  public static long i16x8ShrS(long a, int count) {
    int c = count & 15;
    return map16(a, 0, (x, y) -> x >> c);
  }

  public static long i16x8ShrU(long a, int count) {
    int c = count & 15;
    return map16(a, 0, (x, y) -> (x & 0xFFFF) >>> c);
  }

  public static long i16x8Add(long a, long b) {
    return map16(a, b, Integer::sum);
  }

  public static long i16x8AddSatS(long a, long b) {
    return map16(a, b, (x, y) -> satS16(x + y));
  }

  public static long i16x8AddSatU(long a, long b) {
    return map16(a, b, (x, y) -> satU16((x & 0xFFFF) + (y & 0xFFFF)));
  }

  public static long i16x8Sub(long a, long b) {
    return map16(a, b, (x, y) -> x - y);
  }

  public static long i16x8SubSatS(long a, long b) {
    return map16(a, b, (x, y) -> satS16(x - y));
  }

  public static long i16x8SubSatU(long a, long b) {
    return map16(a, b, (x, y) -> satU16((x & 0xFFFF) - (y & 0xFFFF)));
  }

  public static long i16x8Mul(long a, long b) {
    return map16(a, b, (x, y) -> x * y);
  }

  public static long i16x8MinS(long a, long b) {
    return map16(a, b, Math::min);
  }

  public static long i16x8MinU(long a, long b) {
    return map16(a, b, (x, y) -> Math.min(x & 0xFFFF, y & 0xFFFF));
  }

  public static long i16x8MaxS(long a, long b) {
    return map16(a, b, Math::max);
  }

  public static long i16x8MaxU(long a, long b) {
    return map16(a, b, (x, y) -> Math.max(x & 0xFFFF, y & 0xFFFF));
  }

  public static long i16x8AvgrU(long a, long b) {
    return map16(a, b, (x, y) -> ((x & 0xFFFF) + (y & 0xFFFF) + 1) >>> 1);
  }

  // ---- i32x4 (per half unless said)

  public static long i32x4Eq(long a, long b) {
    return map32(a, b, (x, y) -> mask(x == y));
  }

  public static long i32x4Ne(long a, long b) {
    return map32(a, b, (x, y) -> mask(x != y));
  }

  public static long i32x4LtS(long a, long b) {
    return map32(a, b, (x, y) -> mask(x < y));
  }

  public static long i32x4LtU(long a, long b) {
    return map32(a, b, (x, y) -> mask(Integer.compareUnsigned(x, y) < 0));
  }

  public static long i32x4GtS(long a, long b) {
    return map32(a, b, (x, y) -> mask(x > y));
  }

  public static long i32x4GtU(long a, long b) {
    return map32(a, b, (x, y) -> mask(Integer.compareUnsigned(x, y) > 0));
  }

  public static long i32x4LeS(long a, long b) {
    return map32(a, b, (x, y) -> mask(x <= y));
  }

  public static long i32x4LeU(long a, long b) {
    return map32(a, b, (x, y) -> mask(Integer.compareUnsigned(x, y) <= 0));
  }

  public static long i32x4GeS(long a, long b) {
    return map32(a, b, (x, y) -> mask(x >= y));
  }

  public static long i32x4GeU(long a, long b) {
    return map32(a, b, (x, y) -> mask(Integer.compareUnsigned(x, y) >= 0));
  }

  public static long i32x4Abs(long a) {
    return map32(a, 0, (x, y) -> Math.abs(x));
  }

  public static long i32x4Neg(long a) {
    return map32(a, 0, (x, y) -> -x);
  }

  /** Widens two i16 lanes ({@code quarter}) to one result half, as {@link #i16x8ExtendI8x16S}. */
  public static long i32x4ExtendI16x8S(int quarter) {
    return pack32((short) quarter, quarter >> 16);
  }

  public static long i32x4ExtendI16x8U(int quarter) {
    return pack32(quarter & 0xFFFF, quarter >>> 16);
  }

  public static long i32x4ExtmulI16x8S(int a, int b) {
    return pack32((short) a * (short) b, (a >> 16) * (b >> 16));
  }

  public static long i32x4ExtmulI16x8U(int a, int b) {
    return pack32((a & 0xFFFF) * (b & 0xFFFF), (a >>> 16) * (b >>> 16));
  }

  public static long i32x4ExtaddPairwiseI16x8S(long a) {
    return pack32(i16(a, 0) + i16(a, 1), i16(a, 2) + i16(a, 3));
  }

  public static long i32x4ExtaddPairwiseI16x8U(long a) {
    return pack32((i16(a, 0) & 0xFFFF) + (i16(a, 1) & 0xFFFF), (i16(a, 2) & 0xFFFF) + (i16(a, 3) & 0xFFFF));
  }

  public static long i32x4DotI16x8S(long a, long b) {
    return pack32(i16(a, 0) * i16(b, 0) + i16(a, 1) * i16(b, 1), i16(a, 2) * i16(b, 2) + i16(a, 3) * i16(b, 3));
  }

  public static long i32x4Shl(long a, int count) {
    int c = count & 31;
    return map32(a, 0, (x, y) -> x << c);
  }

  public static long i32x4ShrS(long a, int count) {
    int c = count & 31;
    return map32(a, 0, (x, y) -> x >> c);
  }

  public static long i32x4ShrU(long a, int count) {
    int c = count & 31;
    return map32(a, 0, (x, y) -> x >>> c);
  }

  public static long i32x4Add(long a, long b) {
    return map32(a, b, Integer::sum);
  }

  public static long i32x4Sub(long a, long b) {
    return map32(a, b, (x, y) -> x - y);
  }

  public static long i32x4Mul(long a, long b) {
    return map32(a, b, (x, y) -> x * y);
  }

  public static long i32x4MinS(long a, long b) {
    return map32(a, b, Math::min);
  }

  public static long i32x4MinU(long a, long b) {
    return map32(a, b, (x, y) -> Integer.compareUnsigned(x, y) <= 0 ? x : y);
  }

  public static long i32x4MaxS(long a, long b) {
    return map32(a, b, Math::max);
  }

  public static long i32x4MaxU(long a, long b) {
    return map32(a, b, (x, y) -> Integer.compareUnsigned(x, y) >= 0 ? x : y);
  }

  // ---- i64x2: a half is one lane

  public static long i64x2Eq(long a, long b) {
    return a == b ? -1 : 0;
  }

  public static long i64x2Ne(long a, long b) {
    return a != b ? -1 : 0;
  }

  public static long i64x2LtS(long a, long b) {
    return a < b ? -1 : 0;
  }

  public static long i64x2GtS(long a, long b) {
    return a > b ? -1 : 0;
  }

  public static long i64x2LeS(long a, long b) {
    return a <= b ? -1 : 0;
  }

  public static long i64x2GeS(long a, long b) {
    return a >= b ? -1 : 0;
  }

  /** Widens one i32 lane to an i64 lane (one result half), as {@link #i16x8ExtendI8x16S}. */
  public static long i64x2ExtendI32x4S(int lane) {
    return lane;
  }

  public static long i64x2ExtendI32x4U(int lane) {
    return lane & 0xFFFF_FFFFL;
  }

  public static long i64x2ExtmulI32x4S(int a, int b) {
    return (long) a * b;
  }

  public static long i64x2ExtmulI32x4U(int a, int b) {
    return (a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL);
  }

  // ---- f32x4 (per half)

  private static long mapF32(long a, long b, Lanes f) {
    return map32(a, b, f);
  }

  private static float f(int bits) {
    return Float.intBitsToFloat(bits);
  }

  private static int bits(float v) {
    return Float.floatToRawIntBits(v);
  }

  public static long f32x4Eq(long a, long b) {
    return mapF32(a, b, (x, y) -> mask(f(x) == f(y)));
  }

  public static long f32x4Ne(long a, long b) {
    return mapF32(a, b, (x, y) -> mask(f(x) != f(y)));
  }

  public static long f32x4Lt(long a, long b) {
    return mapF32(a, b, (x, y) -> mask(f(x) < f(y)));
  }

  public static long f32x4Gt(long a, long b) {
    return mapF32(a, b, (x, y) -> mask(f(x) > f(y)));
  }

  public static long f32x4Le(long a, long b) {
    return mapF32(a, b, (x, y) -> mask(f(x) <= f(y)));
  }

  public static long f32x4Ge(long a, long b) {
    return mapF32(a, b, (x, y) -> mask(f(x) >= f(y)));
  }

  public static long f32x4Abs(long a) {
    return a & 0x7FFF_FFFF_7FFF_FFFFL;
  }

  public static long f32x4Neg(long a) {
    return a ^ 0x8000_0000_8000_0000L;
  }

  public static long f32x4Sqrt(long a) {
    return mapF32(a, 0, (x, y) -> F32Ops.sqrt(x));
  }

  public static long f32x4Ceil(long a) {
    return mapF32(a, 0, (x, y) -> F32Ops.ceil(x));
  }

  public static long f32x4Floor(long a) {
    return mapF32(a, 0, (x, y) -> F32Ops.floor(x));
  }

  public static long f32x4Trunc(long a) {
    return mapF32(a, 0, (x, y) -> F32Ops.trunc(x));
  }

  public static long f32x4Nearest(long a) {
    return mapF32(a, 0, (x, y) -> F32Ops.nearest(x));
  }

  public static long f32x4Add(long a, long b) {
    return mapF32(a, b, (x, y) -> bits(f(x) + f(y)));
  }

  public static long f32x4Sub(long a, long b) {
    return mapF32(a, b, (x, y) -> bits(f(x) - f(y)));
  }

  public static long f32x4Mul(long a, long b) {
    return mapF32(a, b, (x, y) -> bits(f(x) * f(y)));
  }

  public static long f32x4Div(long a, long b) {
    return mapF32(a, b, (x, y) -> bits(f(x) / f(y)));
  }

  public static long f32x4Min(long a, long b) {
    return mapF32(a, b, F32Ops::min);
  }

  public static long f32x4Max(long a, long b) {
    return mapF32(a, b, F32Ops::max);
  }

  /** {@code pmin}: {@code b < a ? b : a}, so a NaN in either operand yields {@code a}. */
  public static long f32x4Pmin(long a, long b) {
    return mapF32(a, b, (x, y) -> f(y) < f(x) ? y : x);
  }

  public static long f32x4Pmax(long a, long b) {
    return mapF32(a, b, (x, y) -> f(x) < f(y) ? y : x);
  }

  public static long i32x4TruncSatF32x4S(long a) {
    return mapF32(a, 0, (x, y) -> Conversions.i32TruncSatF32S(f(x)));
  }

  public static long i32x4TruncSatF32x4U(long a) {
    return mapF32(a, 0, (x, y) -> Conversions.i32TruncSatF32U(f(x)));
  }

  public static long f32x4ConvertI32x4S(long a) {
    return mapF32(a, 0, (x, y) -> bits((float) x));
  }

  public static long f32x4ConvertI32x4U(long a) {
    return mapF32(a, 0, (x, y) -> bits(Conversions.f32ConvertI32U(x)));
  }

  /** The low half of {@code f32x4.demote_f64x2_zero} (its high half is zero). */
  public static long f32x4DemoteF64x2Zero(long low, long high) {
    return pack32(bits((float) Double.longBitsToDouble(low)), bits((float) Double.longBitsToDouble(high)));
  }

  /** The low half of {@code i32x4.trunc_sat_f64x2_s_zero} (its high half is zero). */
  public static long i32x4TruncSatF64x2SZero(long low, long high) {
    return pack32(Conversions.i32TruncSatF64S(Double.longBitsToDouble(low)),
        Conversions.i32TruncSatF64S(Double.longBitsToDouble(high)));
  }

  public static long i32x4TruncSatF64x2UZero(long low, long high) {
    return pack32(Conversions.i32TruncSatF64U(Double.longBitsToDouble(low)),
        Conversions.i32TruncSatF64U(Double.longBitsToDouble(high)));
  }

  // ---- f64x2: a half is one lane

  public static long f64x2Eq(long a, long b) {
    return Double.longBitsToDouble(a) == Double.longBitsToDouble(b) ? -1 : 0;
  }

  public static long f64x2Ne(long a, long b) {
    return Double.longBitsToDouble(a) != Double.longBitsToDouble(b) ? -1 : 0;
  }

  public static long f64x2Lt(long a, long b) {
    return Double.longBitsToDouble(a) < Double.longBitsToDouble(b) ? -1 : 0;
  }

  public static long f64x2Gt(long a, long b) {
    return Double.longBitsToDouble(a) > Double.longBitsToDouble(b) ? -1 : 0;
  }

  public static long f64x2Le(long a, long b) {
    return Double.longBitsToDouble(a) <= Double.longBitsToDouble(b) ? -1 : 0;
  }

  public static long f64x2Ge(long a, long b) {
    return Double.longBitsToDouble(a) >= Double.longBitsToDouble(b) ? -1 : 0;
  }

  public static long f64x2Add(long a, long b) {
    return Double.doubleToRawLongBits(Double.longBitsToDouble(a) + Double.longBitsToDouble(b));
  }

  public static long f64x2Sub(long a, long b) {
    return Double.doubleToRawLongBits(Double.longBitsToDouble(a) - Double.longBitsToDouble(b));
  }

  public static long f64x2Mul(long a, long b) {
    return Double.doubleToRawLongBits(Double.longBitsToDouble(a) * Double.longBitsToDouble(b));
  }

  public static long f64x2Div(long a, long b) {
    return Double.doubleToRawLongBits(Double.longBitsToDouble(a) / Double.longBitsToDouble(b));
  }

  public static long f64x2Pmin(long a, long b) {
    return Double.longBitsToDouble(b) < Double.longBitsToDouble(a) ? b : a;
  }

  public static long f64x2Pmax(long a, long b) {
    return Double.longBitsToDouble(a) < Double.longBitsToDouble(b) ? b : a;
  }

  /** One result half of {@code f64x2.convert_low_i32x4_s}: lane 0 or 1 of the operand. */
  public static long f64x2ConvertI32S(int lane) {
    return Double.doubleToRawLongBits(lane);
  }

  public static long f64x2ConvertI32U(int lane) {
    return Double.doubleToRawLongBits(Conversions.f64ConvertI32U(lane));
  }

  /** One result half of {@code f64x2.promote_low_f32x4}: lane 0 or 1 of the operand, as f32 bits. */
  public static long f64x2PromoteF32(int lane) {
    return Double.doubleToRawLongBits(Float.intBitsToFloat(lane));
  }
}
