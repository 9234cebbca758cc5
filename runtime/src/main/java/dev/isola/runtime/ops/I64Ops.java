package dev.isola.runtime.ops;

import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;

/** i64 operations that trap or that Java spells differently. */
public final class I64Ops {
  private I64Ops() {}

  public static long divS(long a, long b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw new Trap(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  public static long divU(long a, long b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Long.divideUnsigned(a, b);
  }

  /** {@code MIN_VALUE rem -1} is 0 in Wasm as in Java: no overflow trap. */
  public static long remS(long a, long b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return a % b;
  }

  public static long remU(long a, long b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Long.remainderUnsigned(a, b);
  }
}
