package dev.isola.wasm.validate;

import dev.isola.wasm.ValType;
import java.util.List;

/**
 * The validator's int coding of value types: a {@link ValType}'s ordinal, or {@link #UNKNOWN} for the spec's
 * "Unknown" that the polymorphic stack yields. The operand stack is an {@code int[]} of these, so validating an
 * instruction allocates nothing.
 */
final class OperandTypes {
  static final int UNKNOWN = -1;
  static final int I32 = ValType.I32.ordinal();
  static final int I64 = ValType.I64.ordinal();
  static final int F32 = ValType.F32.ordinal();
  static final int F64 = ValType.F64.ordinal();
  static final int V128 = ValType.V128.ordinal();
  static final int FUNCREF = ValType.FUNCREF.ordinal();
  static final int EXTERNREF = ValType.EXTERNREF.ordinal();

  static final int[] NONE = {};

  /** One-element arrays per type, shared so that {@code block (result t)} allocates nothing. */
  private static final int[][] SINGLE = new int[ValType.values().length][];

  static {
    for (ValType t : ValType.values()) {
      SINGLE[t.ordinal()] = new int[] {t.ordinal()};
    }
  }

  private OperandTypes() {}

  static int of(ValType t) {
    return t.ordinal();
  }

  static int[] single(ValType t) {
    return SINGLE[t.ordinal()];
  }

  static int[] of(List<ValType> types) {
    if (types.isEmpty()) {
      return NONE;
    }
    int[] codes = new int[types.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = types.get(i).ordinal();
    }
    return codes;
  }

  /** The spec's is_num: true for the four number types and for Unknown. */
  static boolean isNum(int t) {
    return t == UNKNOWN || (t >= I32 && t <= F64);
  }

  static boolean isVec(int t) {
    return t == UNKNOWN || t == V128;
  }

  static boolean isRef(int t) {
    return t == UNKNOWN || t == FUNCREF || t == EXTERNREF;
  }
}
