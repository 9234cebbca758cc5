package dev.isola.runtime.ops;

import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;

/**
 * Conversions between integers and floats. The trapping truncations throw {@code invalid conversion to
 * integer} for NaN and {@code integer overflow} when the truncated value does not fit; the saturating ones
 * ({@code trunc_sat}) clamp and map NaN to 0. Bounds are written as the exclusive limits the spec's
 * truncation implies, e.g. an i32 from f64 must lie strictly between -2^31-1 and 2^31.
 */
public final class Conversions {
  private static final double TWO_31 = 2147483648.0;
  private static final double TWO_32 = 4294967296.0;
  private static final double TWO_63 = 9223372036854775808.0;
  private static final double TWO_64 = 18446744073709551616.0;

  private Conversions() {}

  public static int i32TruncF32S(float f) {
    return i32TruncF64S(f);
  }

  public static int i32TruncF32U(float f) {
    return i32TruncF64U(f);
  }

  public static int i32TruncF64S(double d) {
    if (d != d) {
      throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }
    if (!(d > -TWO_31 - 1 && d < TWO_31)) {
      throw new Trap(TrapKind.INTEGER_OVERFLOW);
    }
    return (int) d;
  }

  public static int i32TruncF64U(double d) {
    if (d != d) {
      throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }
    if (!(d > -1.0 && d < TWO_32)) {
      throw new Trap(TrapKind.INTEGER_OVERFLOW);
    }
    return (int) (long) d;
  }

  public static long i64TruncF32S(float f) {
    return i64TruncF64S(f);
  }

  public static long i64TruncF32U(float f) {
    return i64TruncF64U(f);
  }

  public static long i64TruncF64S(double d) {
    if (d != d) {
      throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }
    // -2^63 itself is representable and fits; the next double below it does not.
    if (!(d >= -TWO_63 && d < TWO_63)) {
      throw new Trap(TrapKind.INTEGER_OVERFLOW);
    }
    return (long) d;
  }

  public static long i64TruncF64U(double d) {
    if (d != d) {
      throw new Trap(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }
    if (!(d > -1.0 && d < TWO_64)) {
      throw new Trap(TrapKind.INTEGER_OVERFLOW);
    }
    return unsignedLong(d);
  }

  public static int i32TruncSatF32S(float f) {
    return (int) f;
  }

  public static int i32TruncSatF64S(double d) {
    return (int) d;
  }

  public static int i32TruncSatF32U(float f) {
    return i32TruncSatF64U(f);
  }

  public static int i32TruncSatF64U(double d) {
    if (!(d > -1.0)) {
      return 0;
    }
    if (d >= TWO_32) {
      return -1;
    }
    return (int) (long) d;
  }

  public static long i64TruncSatF32S(float f) {
    return (long) f;
  }

  public static long i64TruncSatF64S(double d) {
    return (long) d;
  }

  public static long i64TruncSatF32U(float f) {
    return i64TruncSatF64U(f);
  }

  public static long i64TruncSatF64U(double d) {
    if (!(d > -1.0)) {
      return 0;
    }
    if (d >= TWO_64) {
      return -1L;
    }
    return unsignedLong(d);
  }

  /** {@code d} in (-1, 2^64): truncated to an unsigned 64-bit integer. */
  private static long unsignedLong(double d) {
    if (d < TWO_63) {
      return (long) d;
    }
    return (long) (d - TWO_63) ^ Long.MIN_VALUE;
  }

  public static float f32ConvertI32U(int v) {
    return (float) (v & 0xFFFF_FFFFL);
  }

  /** Rounded once, to nearest even: halve keeping the sticky bit, convert, double. */
  public static float f32ConvertI64U(long v) {
    if (v >= 0) {
      return (float) v;
    }
    return (float) ((v >>> 1) | (v & 1)) * 2.0f;
  }

  public static double f64ConvertI32U(int v) {
    return (double) (v & 0xFFFF_FFFFL);
  }

  /** Rounded once, to nearest even: halve keeping the sticky bit, convert, double. */
  public static double f64ConvertI64U(long v) {
    if (v >= 0) {
      return (double) v;
    }
    return (double) ((v >>> 1) | (v & 1)) * 2.0;
  }
}
