package dev.isola.runtime.ops;

/**
 * f64 operations on raw bits. Sign operations (abs, neg, copysign) touch only the sign bit, NaN or not, as the
 * spec requires; the others quiet a NaN operand instead of returning it unchanged.
 */
public final class F64Ops {
  private static final long SIGN = 0x8000_0000_0000_0000L;
  private static final long QUIET = 0x0008_0000_0000_0000L;

  private F64Ops() {}

  public static long abs(long bits) {
    return bits & ~SIGN;
  }

  public static long neg(long bits) {
    return bits ^ SIGN;
  }

  public static long copysign(long magnitude, long sign) {
    return (magnitude & ~SIGN) | (sign & SIGN);
  }

  public static long ceil(long bits) {
    double d = Double.longBitsToDouble(bits);
    return d != d ? bits | QUIET : Double.doubleToRawLongBits(Math.ceil(d));
  }

  public static long floor(long bits) {
    double d = Double.longBitsToDouble(bits);
    return d != d ? bits | QUIET : Double.doubleToRawLongBits(Math.floor(d));
  }

  /** Towards zero; keeps the sign of zero results ({@code trunc(-0.5) = -0}). */
  public static long trunc(long bits) {
    double d = Double.longBitsToDouble(bits);
    if (d != d) {
      return bits | QUIET;
    }
    return Double.doubleToRawLongBits(d < 0 ? Math.ceil(d) : Math.floor(d));
  }

  /** Round to nearest, ties to even; {@link Math#rint} does exactly that and keeps the sign of zero. */
  public static long nearest(long bits) {
    double d = Double.longBitsToDouble(bits);
    return d != d ? bits | QUIET : Double.doubleToRawLongBits(Math.rint(d));
  }

  public static long sqrt(long bits) {
    double d = Double.longBitsToDouble(bits);
    return d != d ? bits | QUIET : Double.doubleToRawLongBits(Math.sqrt(d));
  }

  /** NaN if either is NaN (quieted), and {@code -0 < +0}. */
  public static long min(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    if (x != x || y != y) {
      return Double.doubleToRawLongBits(x + y);
    }
    return Double.doubleToRawLongBits(Math.min(x, y));
  }

  /** NaN if either is NaN (quieted), and {@code -0 < +0}. */
  public static long max(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    if (x != x || y != y) {
      return Double.doubleToRawLongBits(x + y);
    }
    return Double.doubleToRawLongBits(Math.max(x, y));
  }
}
