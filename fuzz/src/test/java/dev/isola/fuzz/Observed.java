package dev.isola.fuzz;

import dev.isola.runtime.Global;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Value;
import dev.isola.runtime.WasmFunction;
import dev.isola.wasm.ValType;
import java.util.Objects;

/**
 * A value as the harness saw it (a result, a logged argument, a global), in canonical form: two tiers agree on
 * a value exactly when their {@code Observed} records are equal.
 *
 * <p>Canonical NaNs. The spec lets an arithmetic result that is NaN be any <em>quiet</em> NaN (sign and
 * payload nondeterministic), while deterministic operations (const, load, reinterpret, abs, neg, copysign,
 * select, locals) must keep exact bits. An operation never produces a signalling NaN, so a signalling NaN can
 * only have travelled through deterministic paths: it is kept bit for bit, and any quiet NaN is rewritten to
 * the one canonical quiet NaN. For v128 the lanes' shape is unknown, so each 64-bit lane that is a quiet f64
 * NaN, then each 32-bit lane that is a quiet f32 NaN, is canonicalised (integer data that happens to look
 * like a quiet NaN is compared loosely: a rare, accepted blind spot). {@link #raw} keeps the bits seen, for
 * messages.
 *
 * @param type the value's type
 * @param bits canonical bits (v128: the low 64)
 * @param high canonical high 64 bits of a v128, else 0
 * @param ref how a reference is described ({@code null}, {@code func[i]}, {@code host:m.n}), else null
 * @param raw the bits as seen, for messages
 */
record Observed(ValType type, long bits, long high, String ref, String raw) {
  private static final int F32_QUIET = 0x7fc00000;
  private static final long F64_QUIET = 0x7ff8000000000000L;

  static Observed of(Value value) {
    return switch (value) {
      case Value.I32 v -> scalar(ValType.I32, v.value() & 0xffffffffL);
      case Value.I64 v -> scalar(ValType.I64, v.value());
      case Value.F32 v -> scalar(ValType.F32, v.bits() & 0xffffffffL);
      case Value.F64 v -> scalar(ValType.F64, v.bits());
      case Value.V128 v -> v128(v.low(), v.high());
      case Value.FuncRef v -> reference(ValType.FUNCREF, v.function());
      case Value.ExternRef v -> reference(ValType.EXTERNREF, v.value());
    };
  }

  static Observed of(Global global) {
    ValType type = global.type().type();
    return switch (type) {
      case I32, I64, F32, F64 -> scalar(type, type == ValType.I32 || type == ValType.F32
          ? global.raw() & 0xffffffffL : global.raw());
      case V128 -> v128(global.raw(), global.rawHigh());
      case FUNCREF, EXTERNREF -> reference(type, global.ref());
    };
  }

  /** A scalar from its raw slot bits (i32 and f32 in the low 32). */
  static Observed scalar(ValType type, long rawBits) {
    long canonical = switch (type) {
      case F32 -> isQuietNan32((int) rawBits) ? F32_QUIET : rawBits;
      case F64 -> isQuietNan64(rawBits) ? F64_QUIET : rawBits;
      default -> rawBits;
    };
    String raw = switch (type) {
      case I32 -> Integer.toString((int) rawBits);
      case I64 -> Long.toString(rawBits);
      case F32 -> Float.toString(Float.intBitsToFloat((int) rawBits)) + String.format("(0x%08x)", (int) rawBits);
      case F64 -> Double.toString(Double.longBitsToDouble(rawBits)) + String.format("(0x%016x)", rawBits);
      default -> String.format("0x%x", rawBits);
    };
    return new Observed(type, canonical, 0, null, raw);
  }

  static Observed v128(long low, long high) {
    return new Observed(ValType.V128, canonicalLanes(low), canonicalLanes(high), null,
        String.format("0x%016x%016x", high, low));
  }

  static Observed reference(ValType type, Object ref) {
    String described = switch (ref) {
      case null -> "null";
      case WasmFunction f -> "func[" + f.index() + "]";
      case HostFunction f -> "host:" + f.module() + "." + f.name();
      default -> "extern";
    };
    return new Observed(type, 0, 0, described, described);
  }

  private static long canonicalLanes(long lane64) {
    if (isQuietNan64(lane64)) {
      return F64_QUIET;
    }
    long lowLane = lane64 & 0xffffffffL;
    long highLane = lane64 >>> 32;
    if (isQuietNan32((int) lowLane)) {
      lowLane = F32_QUIET;
    }
    if (isQuietNan32((int) highLane)) {
      highLane = F32_QUIET;
    }
    return highLane << 32 | lowLane;
  }

  static boolean isQuietNan32(int bits) {
    return (bits & F32_QUIET) == F32_QUIET;
  }

  static boolean isQuietNan64(long bits) {
    return (bits & F64_QUIET) == F64_QUIET;
  }

  /** Canonical bits only: {@link #raw} is for messages and takes no part in agreement. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Observed v && v.type == type && v.bits == bits && v.high == high
        && Objects.equals(v.ref, ref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, bits, high, ref);
  }

  /** The canonical rendering used in golden files: equal strings exactly when the values agree. */
  @Override
  public String toString() {
    return switch (type) {
      case I32, I64 -> type.textName() + ":" + raw;
      case F32 -> bits == F32_QUIET ? "f32:nan" : String.format("f32:0x%08x", bits);
      case F64 -> bits == F64_QUIET ? "f64:nan" : String.format("f64:0x%016x", bits);
      case V128 -> String.format("v128:0x%016x%016x", high, bits);
      case FUNCREF, EXTERNREF -> type.textName() + ":" + ref;
    };
  }
}
