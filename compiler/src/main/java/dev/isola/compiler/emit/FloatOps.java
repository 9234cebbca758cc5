package dev.isola.compiler.emit;

import dev.isola.runtime.ops.F32Ops;
import dev.isola.runtime.ops.F64Ops;

/**
 * The shared float semantics ({@code runtime.ops.F32Ops}, {@code F64Ops}, written on raw bits) on the JVM
 * float and double values that compiled code keeps on its stack. Only the representation changes here: the
 * raw-bit conversions are intrinsics, so HotSpot inlines the whole operation.
 */
final class FloatOps {
  private FloatOps() {}

  private static int bits(float f) {
    return Float.floatToRawIntBits(f);
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  static float f32Abs(float a) {
    return Float.intBitsToFloat(F32Ops.abs(bits(a)));
  }

  static float f32Neg(float a) {
    return Float.intBitsToFloat(F32Ops.neg(bits(a)));
  }

  static float f32Ceil(float a) {
    return Float.intBitsToFloat(F32Ops.ceil(bits(a)));
  }

  static float f32Floor(float a) {
    return Float.intBitsToFloat(F32Ops.floor(bits(a)));
  }

  static float f32Trunc(float a) {
    return Float.intBitsToFloat(F32Ops.trunc(bits(a)));
  }

  static float f32Nearest(float a) {
    return Float.intBitsToFloat(F32Ops.nearest(bits(a)));
  }

  static float f32Sqrt(float a) {
    return Float.intBitsToFloat(F32Ops.sqrt(bits(a)));
  }

  static float f32Min(float a, float b) {
    return Float.intBitsToFloat(F32Ops.min(bits(a), bits(b)));
  }

  static float f32Max(float a, float b) {
    return Float.intBitsToFloat(F32Ops.max(bits(a), bits(b)));
  }

  static float f32Copysign(float a, float b) {
    return Float.intBitsToFloat(F32Ops.copysign(bits(a), bits(b)));
  }

  static double f64Abs(double a) {
    return Double.longBitsToDouble(F64Ops.abs(bits(a)));
  }

  static double f64Neg(double a) {
    return Double.longBitsToDouble(F64Ops.neg(bits(a)));
  }

  static double f64Ceil(double a) {
    return Double.longBitsToDouble(F64Ops.ceil(bits(a)));
  }

  static double f64Floor(double a) {
    return Double.longBitsToDouble(F64Ops.floor(bits(a)));
  }

  static double f64Trunc(double a) {
    return Double.longBitsToDouble(F64Ops.trunc(bits(a)));
  }

  static double f64Nearest(double a) {
    return Double.longBitsToDouble(F64Ops.nearest(bits(a)));
  }

  static double f64Sqrt(double a) {
    return Double.longBitsToDouble(F64Ops.sqrt(bits(a)));
  }

  static double f64Min(double a, double b) {
    return Double.longBitsToDouble(F64Ops.min(bits(a), bits(b)));
  }

  static double f64Max(double a, double b) {
    return Double.longBitsToDouble(F64Ops.max(bits(a), bits(b)));
  }

  static double f64Copysign(double a, double b) {
    return Double.longBitsToDouble(F64Ops.copysign(bits(a), bits(b)));
  }
}
