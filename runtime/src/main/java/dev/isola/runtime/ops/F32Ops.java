package dev.isola.runtime.ops;

/**
 * f32 operations on raw bits. Sign operations (abs, neg, copysign) touch only the sign bit, NaN or not, as the
 * spec requires; the others quiet a NaN operand instead of returning it unchanged.
 */
public final class F32Ops {
  private static final int SIGN = 0x8000_0000;
  private static final int QUIET = 0x0040_0000;

  private F32Ops() {}

  public static int abs(int bits) {
    return bits & ~SIGN;
  }

  public static int neg(int bits) {
    return bits ^ SIGN;
  }

  public static int copysign(int magnitude, int sign) {
    return (magnitude & ~SIGN) | (sign & SIGN);
  }

  public static int ceil(int bits) {
    float f = Float.intBitsToFloat(bits);
    return f != f ? bits | QUIET : Float.floatToRawIntBits((float) Math.ceil(f));
  }

  public static int floor(int bits) {
    float f = Float.intBitsToFloat(bits);
    return f != f ? bits | QUIET : Float.floatToRawIntBits((float) Math.floor(f));
  }

  /** Towards zero; keeps the sign of zero results ({@code trunc(-0.5) = -0}). */
  public static int trunc(int bits) {
    float f = Float.intBitsToFloat(bits);
    if (f != f) {
      return bits | QUIET;
    }
    double t = f < 0 ? Math.ceil(f) : Math.floor(f);
    return Float.floatToRawIntBits((float) t);
  }

  /** Round to nearest, ties to even; {@link Math#rint} does exactly that and keeps the sign of zero. */
  public static int nearest(int bits) {
    float f = Float.intBitsToFloat(bits);
    return f != f ? bits | QUIET : Float.floatToRawIntBits((float) Math.rint(f));
  }

  public static int sqrt(int bits) {
    float f = Float.intBitsToFloat(bits);
    return f != f ? bits | QUIET : Float.floatToRawIntBits((float) Math.sqrt(f));
  }

  /** NaN if either is NaN (quieted), and {@code -0 < +0}. */
  public static int min(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    if (x != x || y != y) {
      return Float.floatToRawIntBits(x + y);
    }
    return Float.floatToRawIntBits(Math.min(x, y));
  }

  /** NaN if either is NaN (quieted), and {@code -0 < +0}. */
  public static int max(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    if (x != x || y != y) {
      return Float.floatToRawIntBits(x + y);
    }
    return Float.floatToRawIntBits(Math.max(x, y));
  }
}
