package dev.isola.wast;

import com.fasterxml.jackson.databind.JsonNode;
import dev.isola.runtime.Value;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads wast2json values: {@code {"type": T, "value": V}} with V the unsigned decimal of the bit pattern, {@code
 * "nan:canonical"} / {@code "nan:arithmetic"} (expected floats only), a list of lane strings for v128, or {@code
 * "null"} / {@code "N"} for references.
 *
 * <p>Each {@code (ref.extern N)} is one host object per N, created on first sight and reused, so that an
 * expected {@code "N"} matches only the object that was passed in as {@code "N"}.
 */
final class ValueParser {
  /** The host object standing for {@code (ref.extern N)}; compared by identity. */
  static final class HostRef {
    private final long n;

    private HostRef(long n) {
      this.n = n;
    }

    @Override
    public String toString() {
      return "ref.extern " + n;
    }
  }

  private final Map<Long, HostRef> hostRefs = new HashMap<>();

  /** The host object for {@code (ref.extern n)}: the same object every time. */
  HostRef hostRef(long n) {
    return hostRefs.computeIfAbsent(n, HostRef::new);
  }

  /** An argument value: concrete bits only. */
  Value arg(JsonNode node) {
    ValType type = type(node);
    JsonNode value = node.get("value");
    if (value == null) {
      throw new IllegalArgumentException("argument without value: " + node);
    }
    return switch (type) {
      case I32 -> Value.i32(Integer.parseUnsignedInt(value.asText()));
      case I64 -> Value.i64(Long.parseUnsignedLong(value.asText()));
      case F32 -> new Value.F32(Integer.parseUnsignedInt(value.asText()));
      case F64 -> new Value.F64(Long.parseUnsignedLong(value.asText()));
      case V128 -> {
        LaneShape shape = LaneShape.of(node.get("lane_type").asText());
        long[] lanes = new long[value.size()];
        for (int i = 0; i < lanes.length; i++) {
          lanes[i] = Long.parseUnsignedLong(value.get(i).asText());
        }
        yield shape.pack(lanes);
      }
      case FUNCREF -> {
        if (!value.asText().equals("null")) {
          throw new IllegalArgumentException("only null funcref arguments exist in scripts: " + node);
        }
        yield new Value.FuncRef(null);
      }
      case EXTERNREF -> new Value.ExternRef(ref(value.asText()));
    };
  }

  /** An expected value of {@code assert_return}. */
  Expected expected(JsonNode node) {
    ValType type = type(node);
    JsonNode value = node.get("value");
    if (value == null) {
      if (type.isReference()) {
        return new Expected.NonNullRef(type);
      }
      throw new IllegalArgumentException("expected " + type + " without value: " + node);
    }
    return switch (type) {
      case I32 -> new Expected.Bits(type, Integer.parseUnsignedInt(value.asText()));
      case I64 -> new Expected.Bits(type, Long.parseUnsignedLong(value.asText()));
      case F32, F64 -> floatBits(type, value.asText());
      case V128 -> {
        LaneShape shape = LaneShape.of(node.get("lane_type").asText());
        List<Expected.Lane> lanes = new ArrayList<>();
        for (JsonNode lane : value) {
          lanes.add(lane(shape, lane.asText()));
        }
        yield new Expected.Lanes(shape, lanes);
      }
      case FUNCREF -> new Expected.Ref(type, value.asText().equals("null") ? null : unsupportedFuncRef(node));
      case EXTERNREF -> new Expected.Ref(type, ref(value.asText()));
    };
  }

  private static Expected floatBits(ValType type, String text) {
    return switch (text) {
      case "nan:canonical" -> new Expected.Nan(type, true);
      case "nan:arithmetic" -> new Expected.Nan(type, false);
      default -> new Expected.Bits(
          type, type == ValType.F32 ? Integer.parseUnsignedInt(text) : Long.parseUnsignedLong(text));
    };
  }

  private static Expected.Lane lane(LaneShape shape, String text) {
    if (shape.floating()) {
      switch (text) {
        case "nan:canonical" -> {
          return Expected.Lane.nan(true);
        }
        case "nan:arithmetic" -> {
          return Expected.Lane.nan(false);
        }
        default -> {}
      }
    }
    long bits = Long.parseUnsignedLong(text);
    if (shape.bits() < 64 && (bits >>> shape.bits()) != 0) {
      throw new IllegalArgumentException(shape.textName() + " lane out of range: " + text);
    }
    return Expected.Lane.of(bits);
  }

  private Object ref(String text) {
    return text.equals("null") ? null : hostRef(Long.parseUnsignedLong(text));
  }

  private static Object unsupportedFuncRef(JsonNode node) {
    throw new IllegalArgumentException("only null funcref values exist in scripts: " + node);
  }

  static ValType type(JsonNode node) {
    String name = node.path("type").asText();
    for (ValType t : ValType.values()) {
      if (t.textName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown value type \"" + name + "\" in " + node);
  }
}
