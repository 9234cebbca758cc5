package dev.isola.wast;

import dev.isola.runtime.Function;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Value;
import dev.isola.runtime.WasmFunction;
import dev.isola.wasm.ValType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How failure messages show values: the type, the raw bits in hex (what the spec compares) and, in brackets, the
 * number they mean, e.g. {@code i32:0xffffffff(-1)}, {@code f32:0x3f800000(1.0)}.
 */
final class ValueText {
  private ValueText() {}

  static String bits(ValType type, long bits) {
    return switch (type) {
      case I32 -> "i32:0x" + Integer.toHexString((int) bits) + "(" + (int) bits + ")";
      case I64 -> "i64:0x" + Long.toHexString(bits) + "(" + bits + ")";
      case F32 -> "f32:0x" + Integer.toHexString((int) bits) + "(" + Float.intBitsToFloat((int) bits) + ")";
      case F64 -> "f64:0x" + Long.toHexString(bits) + "(" + Double.longBitsToDouble(bits) + ")";
      case V128, FUNCREF, EXTERNREF -> type.textName() + ":0x" + Long.toHexString(bits);
    };
  }

  static String lane(LaneShape shape, long bits) {
    return switch (shape) {
      case I8, I16, I32, I64 -> "0x" + Long.toHexString(bits);
      case F32 -> "0x" + Long.toHexString(bits) + "(" + Float.intBitsToFloat((int) bits) + ")";
      case F64 -> "0x" + Long.toHexString(bits) + "(" + Double.longBitsToDouble(bits) + ")";
    };
  }

  static String show(Value value) {
    return switch (value) {
      case null -> "null (not a Value)";
      case Value.I32 v -> bits(ValType.I32, v.value());
      case Value.I64 v -> bits(ValType.I64, v.value());
      case Value.F32 v -> bits(ValType.F32, v.bits());
      case Value.F64 v -> bits(ValType.F64, v.bits());
      case Value.V128 v -> String.format("v128:0x%016x%016x", v.high(), v.low());
      case Value.FuncRef v -> "funcref:" + function(v.function());
      case Value.ExternRef v -> "externref:" + (v.value() == null ? "null" : v.value());
    };
  }

  /** Shows {@code actual} in the expectation's lane shape when it has one, so lanes line up with the expected. */
  static String show(Value actual, Expected expected) {
    if (expected instanceof Expected.Lanes l && actual instanceof Value.V128 v) {
      StringBuilder sb = new StringBuilder("v128:").append(l.shape().textName()).append('[');
      for (int i = 0; i < l.shape().count(); i++) {
        sb.append(i == 0 ? "" : " ").append(lane(l.shape(), l.shape().lane(v, i)));
      }
      return sb.append(']').toString();
    }
    return show(actual);
  }

  static String showAll(List<Value> values) {
    return "(" + values.stream().map(ValueText::show).collect(Collectors.joining(", ")) + ")";
  }

  private static String function(Function f) {
    return switch (f) {
      case null -> "null";
      case WasmFunction w -> "func[" + w.index() + "]";
      case HostFunction h -> h.module() + "." + h.name();
    };
  }
}
