package dev.isola.runtime.ops;

import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;

/** i32 operations that trap or that Java spells differently. */
public final class I32Ops {
  private I32Ops() {}

  public static int divS(int a, int b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    if (a == Integer.MIN_VALUE && b == -1) {
      throw new Trap(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  public static int divU(int a, int b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.divideUnsigned(a, b);
  }

  /** {@code MIN_VALUE rem -1} is 0 in Wasm as in Java: no overflow trap. */
  public static int remS(int a, int b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return a % b;
  }

  public static int remU(int a, int b) {
    if (b == 0) {
      throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.remainderUnsigned(a, b);
  }

  public static int ltU(int a, int b) {
    return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
  }

  public static int gtU(int a, int b) {
    return Integer.compareUnsigned(a, b) > 0 ? 1 : 0;
  }

  public static int leU(int a, int b) {
    return Integer.compareUnsigned(a, b) <= 0 ? 1 : 0;
  }

  public static int geU(int a, int b) {
    return Integer.compareUnsigned(a, b) >= 0 ? 1 : 0;
  }
}
