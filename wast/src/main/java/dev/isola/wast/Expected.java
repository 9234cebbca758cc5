package dev.isola.wast;

import dev.isola.runtime.Value;
import dev.isola.wasm.ValType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One expected result of {@code assert_return}. Numbers compare as raw bits (so {@code -0.0} is not {@code +0.0}
 * and a concrete NaN must match exactly); {@code nan:canonical} and {@code nan:arithmetic} are patterns; host
 * references compare by identity.
 */
sealed interface Expected {
  boolean matches(Value actual);

  /** A number: i32, i64, f32 or f64 bits (an i32 or f32 in the low 32 bits). */
  record Bits(ValType type, long bits) implements Expected {
    public boolean matches(Value actual) {
      return switch (actual) {
        case Value.I32 v -> type == ValType.I32 && v.value() == (int) bits;
        case Value.I64 v -> type == ValType.I64 && v.value() == bits;
        case Value.F32 v -> type == ValType.F32 && v.bits() == (int) bits;
        case Value.F64 v -> type == ValType.F64 && v.bits() == bits;
        case Value.V128 v -> false;
        case Value.FuncRef v -> false;
        case Value.ExternRef v -> false;
      };
    }

    @Override
    public String toString() {
      return ValueText.bits(type, bits);
    }
  }

  /** {@code nan:canonical} or {@code nan:arithmetic} of type f32 or f64. */
  record Nan(ValType type, boolean canonical) implements Expected {
    public boolean matches(Value actual) {
      return switch (actual) {
        case Value.F32 v -> type == ValType.F32 && (canonical ? isCanonicalNan(v.bits()) : isArithmeticNan(v.bits()));
        case Value.F64 v -> type == ValType.F64 && (canonical ? isCanonicalNan(v.bits()) : isArithmeticNan(v.bits()));
        default -> false;
      };
    }

    @Override
    public String toString() {
      return type.textName() + ":nan:" + (canonical ? "canonical" : "arithmetic");
    }
  }

  /**
   * A reference: {@code ref} is null for {@code ref.null}, else the harness's host object for {@code (ref.extern
   * N)}, compared by identity.
   */
  record Ref(ValType type, Object ref) implements Expected {
    public boolean matches(Value actual) {
      return switch (actual) {
        case Value.FuncRef v -> type == ValType.FUNCREF && v.function() == ref;
        case Value.ExternRef v -> type == ValType.EXTERNREF && v.value() == ref;
        default -> false;
      };
    }

    @Override
    public String toString() {
      return type.textName() + ":" + (ref == null ? "null" : ref);
    }
  }

  /** A reference of {@code type} given without a value: any non-null reference of that type. */
  record NonNullRef(ValType type) implements Expected {
    public boolean matches(Value actual) {
      return switch (actual) {
        case Value.FuncRef v -> type == ValType.FUNCREF && v.function() != null;
        case Value.ExternRef v -> type == ValType.EXTERNREF && v.value() != null;
        default -> false;
      };
    }

    @Override
    public String toString() {
      return type.textName() + ":non-null";
    }
  }

  /** A v128 given lane by lane in {@code shape}; float lanes may be NaN patterns. */
  record Lanes(LaneShape shape, List<Lane> lanes) implements Expected {
    public Lanes {
      lanes = List.copyOf(lanes);
      if (lanes.size() != shape.count()) {
        throw new IllegalArgumentException(shape.textName() + " needs " + shape.count() + " lanes, got " + lanes.size());
      }
    }

    public boolean matches(Value actual) {
      if (!(actual instanceof Value.V128 v)) {
        return false;
      }
      for (int i = 0; i < lanes.size(); i++) {
        if (!lanes.get(i).matches(shape, shape.lane(v, i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return "v128:" + shape.textName() + "[" + lanes.stream().map(l -> l.text(shape)).collect(Collectors.joining(" ")) + "]";
    }
  }

  /** One lane of {@link Lanes}: exact bits, or (for float shapes) a NaN pattern when {@code nan} is set. */
  record Lane(long bits, boolean nan, boolean canonical) {
    static Lane of(long bits) {
      return new Lane(bits, false, false);
    }

    static Lane nan(boolean canonical) {
      return new Lane(0, true, canonical);
    }

    boolean matches(LaneShape shape, long actual) {
      if (!nan) {
        return actual == bits;
      }
      return shape.bits() == 32
          ? (canonical ? isCanonicalNan((int) actual) : isArithmeticNan((int) actual))
          : (canonical ? isCanonicalNan(actual) : isArithmeticNan(actual));
    }

    String text(LaneShape shape) {
      return nan ? "nan:" + (canonical ? "canonical" : "arithmetic") : ValueText.lane(shape, bits);
    }
  }

  /** The canonical NaN of either sign: only the quiet bit of the payload set. */
  static boolean isCanonicalNan(int bits) {
    return (bits & 0x7fffffff) == 0x7fc00000;
  }

  static boolean isCanonicalNan(long bits) {
    return (bits & 0x7fffffffffffffffL) == 0x7ff8000000000000L;
  }

  /** Any NaN with the quiet bit set, of either sign and any other payload. */
  static boolean isArithmeticNan(int bits) {
    return (bits & 0x7fc00000) == 0x7fc00000;
  }

  static boolean isArithmeticNan(long bits) {
    return (bits & 0x7ff8000000000000L) == 0x7ff8000000000000L;
  }
}
