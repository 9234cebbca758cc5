package dev.isola.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LoopTrips} against the loop itself: each case is run iteration by iteration in wrapping arithmetic, as
 * the Wasm code would, for up to {@link #LIMIT} header entries. A trip count must be exactly where the loop
 * exits, reached without wrapping; {@code UNKNOWN} is allowed only where the loop wraps, steps over its bound or
 * runs past the limit. Values are drawn around zero, the signed and unsigned extremes and each other.
 */
class LoopTripsTest {
  private static final int LIMIT = 1_500;
  private static final int[] KINDS = {LoopTrips.NE, LoopTrips.LT_S, LoopTrips.LT_U, LoopTrips.LE_S, LoopTrips.LE_U};

  @Test
  void i32TripCountsAreWhereTheLoopExits() {
    SplittableRandom r = new SplittableRandom(1);
    int known = 0;
    for (int n = 0; n < 60_000; n++) {
      int kind = KINDS[r.nextInt(KINDS.length)];
      long v0 = near32(r);
      long c = r.nextInt(4) == 0 ? near32(r) : r.nextInt(-3, 40);
      long b = r.nextBoolean() ? v0 + r.nextInt(-50, 3000) : near32(r);
      long got = LoopTrips.i32(kind, (int) v0, (int) c, (int) b);
      known += check(kind, v0, c, b, 32, got) ? 1 : 0;
    }
    assertTrue(known > 15_000, "most cases have a trip count: " + known);
  }

  @Test
  void i64TripCountsAreWhereTheLoopExits() {
    SplittableRandom r = new SplittableRandom(2);
    int known = 0;
    for (int n = 0; n < 60_000; n++) {
      int kind = KINDS[r.nextInt(KINDS.length)];
      long v0 = near64(r);
      long c = r.nextInt(4) == 0 ? near64(r) : r.nextInt(-3, 40);
      long b = r.nextBoolean() ? v0 + r.nextInt(-50, 3000) : near64(r);
      long got = LoopTrips.i64(kind, v0, c, b);
      known += check(kind, v0, c, b, 64, got) ? 1 : 0;
    }
    assertTrue(known > 15_000, "most cases have a trip count: " + known);
  }

  @Test
  void examples() {
    assertEquals(100, LoopTrips.i32(LoopTrips.NE, 0, 2, 200));          // matmul's j += 2 while j != n
    assertEquals(LoopTrips.UNKNOWN, LoopTrips.i32(LoopTrips.NE, 0, 2, 201)); // steps over its bound
    assertEquals(1, LoopTrips.i32(LoopTrips.LT_S, 10, 1, 5));          // a do-while runs once
    assertEquals(LoopTrips.UNKNOWN, LoopTrips.i32(LoopTrips.LE_S, 0, 1, Integer.MAX_VALUE)); // never false
    assertEquals(1_999_999, LoopTrips.i64(LoopTrips.LE_U, 4, 2, 4_000_000)); // sieve's j += i while j <= limit
    assertEquals(3, LoopTrips.prepaid(10, 31, 10, Long.MAX_VALUE));
    assertEquals(10, LoopTrips.prepaid(10, 10_000, 10, Long.MAX_VALUE));
    assertEquals(4, LoopTrips.prepaid(10, 10_000, 10, 4));
    assertEquals(15, LoopTrips.room32(LoopTrips.LT_U, Integer.MAX_VALUE - 15, 1));
    assertEquals(0, LoopTrips.room32(LoopTrips.NE, 10, -2)); // a step of 2^32 - 2 passes the top at once
  }

  /** room32 / room64: the most steps whose values, read as signed, stay at or below the top of the range. */
  @Test
  void roomIsTheLastStepBelowTheSignedTop() {
    SplittableRandom r = new SplittableRandom(3);
    for (int n = 0; n < 100_000; n++) {
      int kind = KINDS[r.nextInt(KINDS.length)];
      boolean signedStep = kind == LoopTrips.LT_S || kind == LoopTrips.LE_S;
      long v0 = near32(r);
      long c = r.nextInt(4) == 0 ? near32(r) : r.nextInt(-3, 40);
      BigInteger step = signedStep ? BigInteger.valueOf((int) c) : unsigned(c, 32);
      assertEquals(room(BigInteger.valueOf((int) v0), step, 32), LoopTrips.room32(kind, (int) v0, (int) c),
          "i32 kind " + kind + " v0 " + v0 + " c " + c);
      long w0 = near64(r);
      long d = r.nextInt(4) == 0 ? near64(r) : r.nextInt(-3, 40);
      BigInteger wideStep = signedStep ? BigInteger.valueOf(d) : unsigned(d, 64);
      assertEquals(room(BigInteger.valueOf(w0), wideStep, 64), LoopTrips.room64(kind, w0, d),
          "i64 kind " + kind + " v0 " + w0 + " c " + d);
    }
  }

  /** The largest k >= 0 with v0 + k * step <= 2^(bits-1) - 1, capped at Long.MAX_VALUE; 0 for a step <= 0. */
  private static long room(BigInteger v0, BigInteger step, int bits) {
    if (step.signum() <= 0) {
      return 0;
    }
    BigInteger k = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE).subtract(v0).divide(step);
    return k.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
  }

  private static long near32(SplittableRandom r) {
    long[] anchors = {0, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF_FFFFL, 1L << 31};
    return (int) (anchors[r.nextInt(anchors.length)] + r.nextInt(-3000, 3000));
  }

  private static long near64(SplittableRandom r) {
    long[] anchors = {0, Long.MAX_VALUE, Long.MIN_VALUE, -1, 1L << 32};
    return anchors[r.nextInt(anchors.length)] + r.nextInt(-3000, 3000);
  }

  /** Checks {@code got} against the loop; true if it was a trip count. */
  private static boolean check(int kind, long v0, long c, long b, int bits, long got) {
    BigInteger mod = BigInteger.ONE.shiftLeft(bits);
    BigInteger step = unsigned(c, bits);
    BigInteger start = unsigned(v0, bits);
    BigInteger v = start;
    String what = "kind " + kind + " v0 " + v0 + " c " + c + " b " + b + " (" + bits + " bits)";
    for (long k = 1; k <= LIMIT; k++) {
      BigInteger sum = start.add(step.multiply(BigInteger.valueOf(k)));
      v = sum.mod(mod);
      // A != loop exits at a bound anywhere in the ring; it is lost only once the steps go round it.
      boolean wrapped = kind == LoopTrips.NE
          ? step.multiply(BigInteger.valueOf(k)).compareTo(mod) >= 0
          : wrapsInOrder(kind, start, sum, bits, k, step);
      if (!holds(kind, v, unsigned(b, bits), bits)) {
        if (got == LoopTrips.UNKNOWN) {
          assertTrue(wrapped, "a loop that exits after " + k + " without wrapping has a trip count: " + what);
          return false;
        }
        assertTrue(!wrapped, "a loop that wraps before its exit has no trip count, got " + got + ": " + what);
        assertEquals(k, got, what);
        return true;
      }
      if (wrapped && got != LoopTrips.UNKNOWN) {
        throw new AssertionError("wrapped at " + k + " but got " + got + ": " + what);
      }
    }
    assertTrue(got == LoopTrips.UNKNOWN || got > LIMIT, "still looping after " + LIMIT + ", got " + got + ": " + what);
    return false;
  }

  /**
   * Whether the variable's k-th value overflowed its range in the compare's signedness, or the step cannot
   * advance it (zero; for a signed compare, not positive).
   */
  private static boolean wrapsInOrder(int kind, BigInteger start, BigInteger sum, int bits, long k,
                                      BigInteger step) {
    boolean signed = kind == LoopTrips.LT_S || kind == LoopTrips.LE_S;
    if (!signed) {
      return sum.compareTo(BigInteger.ONE.shiftLeft(bits)) >= 0 || step.signum() == 0;
    }
    BigInteger s0 = signed(start, bits);
    BigInteger c = signed(step, bits);
    if (c.signum() <= 0) {
      return true;
    }
    BigInteger exact = s0.add(c.multiply(BigInteger.valueOf(k)));
    return exact.compareTo(BigInteger.ONE.shiftLeft(bits - 1)) >= 0;
  }

  private static boolean holds(int kind, BigInteger v, BigInteger b, int bits) {
    return switch (kind) {
      case LoopTrips.NE -> !v.equals(b);
      case LoopTrips.LT_U -> v.compareTo(b) < 0;
      case LoopTrips.LE_U -> v.compareTo(b) <= 0;
      case LoopTrips.LT_S -> signed(v, bits).compareTo(signed(b, bits)) < 0;
      case LoopTrips.LE_S -> signed(v, bits).compareTo(signed(b, bits)) <= 0;
      default -> throw new AssertionError(kind);
    };
  }

  private static BigInteger unsigned(long x, int bits) {
    return BigInteger.valueOf(x).mod(BigInteger.ONE.shiftLeft(bits));
  }

  private static BigInteger signed(BigInteger u, int bits) {
    return u.testBit(bits - 1) ? u.subtract(BigInteger.ONE.shiftLeft(bits)) : u;
  }
}
