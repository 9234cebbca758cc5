package dev.isola.compiler.emit;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;

/**
 * What generated code calls to make a tail call pending and to run it ({@link TailCalls}): the body stores the
 * arguments last to first (each value is on top of the operand stack when its turn comes), then the callee; the
 * bounce method takes the callee and loads the arguments back.
 */
final class TailCallBuiltins {
  private TailCallBuiltins() {}

  static void argI32(int value, InstanceContext c, int k) {
    numbers(c, k)[k] = value;
  }

  static void argI64(long value, InstanceContext c, int k) {
    numbers(c, k)[k] = value;
  }

  static void argF32(float value, InstanceContext c, int k) {
    numbers(c, k)[k] = Float.floatToRawIntBits(value);
  }

  static void argF64(double value, InstanceContext c, int k) {
    numbers(c, k)[k] = Double.doubleToRawLongBits(value);
  }

  /** A reference or a v128 (a reference in the compiled convention). */
  static void argRef(Object value, InstanceContext c, int k) {
    if (k >= c.tailRefs.length) {
      c.tailRefs = Arrays.copyOf(c.tailRefs, Math.max(k + 1, 2 * c.tailRefs.length));
    }
    c.tailRefs[k] = value;
  }

  private static long[] numbers(InstanceContext c, int k) {
    if (k >= c.tailArgs.length) {
      c.tailArgs = Arrays.copyOf(c.tailArgs, Math.max(k + 1, 2 * c.tailArgs.length));
    }
    return c.tailArgs;
  }

  /** Makes the call pending: the body returns next, to its trampoline. */
  static void pend(InstanceContext c, int function, int typeIndex) {
    c.tailTarget = function;
    c.tailType = typeIndex;
  }

  /** The pending callee, no longer pending (its body may make the next one). */
  static int take(InstanceContext c) {
    int f = c.tailTarget;
    c.tailTarget = -1;
    return f;
  }

  static int i32(InstanceContext c, int k) {
    return (int) c.tailArgs[k];
  }

  static long i64(InstanceContext c, int k) {
    return c.tailArgs[k];
  }

  static float f32(InstanceContext c, int k) {
    return Float.intBitsToFloat((int) c.tailArgs[k]);
  }

  static double f64(InstanceContext c, int k) {
    return Double.longBitsToDouble(c.tailArgs[k]);
  }

  /** A reference argument, cleared so that the context does not keep it alive. */
  static Object ref(InstanceContext c, int k) {
    Object r = c.tailRefs[k];
    c.tailRefs[k] = null;
    return r;
  }

  /** A bounce found no pending call it can run: a compiler bug, never a guest's doing. */
  static IllegalStateException unexpected(int function) {
    return new IllegalStateException("no tail call pending that this bounce can run: function " + function);
  }

  /** The body method of function {@code f} of the context's module, for a callee no bounce case names. */
  static MethodHandle body(InstanceContext c, int f) {
    return c.code.body(f);
  }
}
