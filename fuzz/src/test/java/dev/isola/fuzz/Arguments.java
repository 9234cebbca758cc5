package dev.isola.fuzz;

import dev.isola.runtime.Value;
import dev.isola.wasm.ValType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Arguments for the second round of calls, beyond binaryen's protocol of zeros: per parameter type, the edge
 * values where tiers tend to differ (signed limits, -0.0, infinities, subnormals, quiet and signalling NaNs with
 * payloads) or random bits, drawn from a random seeded by the module's seed so a run is reproducible.
 */
final class Arguments {
  private static final int[] I32 = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 31, 32, 65536, -65536};
  private static final long[] I64 = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 63, 64, 1L << 32, -(1L << 32)};
  private static final int[] F32 = {0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
      0x7fa00001, 0x7fc00123, 0x00000001, 0x3f800000, 0x4f000000, 0xcf000000, 0x5f000000, 0xbf7fffff};
  private static final long[] F64 = {0L, 0x8000000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L,
      0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff4000000000001L, 0x7ff8000000000123L, 1L,
      0x3ff0000000000000L, 0x41e0000000000000L, 0xc1e0000000000000L, 0x43e0000000000000L, 0xbfefffffffffffffL};

  private final SplittableRandom random;

  Arguments(long seed) {
    this.random = new SplittableRandom(seed ^ 0xa7915L);
  }

  Value[] forParams(List<ValType> params) {
    return params.stream().map(this::of).toArray(Value[]::new);
  }

  private Value of(ValType type) {
    boolean edge = random.nextInt(4) != 0;
    return switch (type) {
      case I32 -> Value.i32(edge ? I32[random.nextInt(I32.length)] : random.nextInt());
      case I64 -> Value.i64(edge ? I64[random.nextInt(I64.length)] : random.nextLong());
      // The records take bits: going through float or double could quieten a signalling NaN on the way.
      case F32 -> new Value.F32(edge ? F32[random.nextInt(F32.length)] : random.nextInt());
      case F64 -> new Value.F64(edge ? F64[random.nextInt(F64.length)] : random.nextLong());
      case V128 -> Value.v128(random.nextLong(), random.nextLong());
      case FUNCREF -> Value.funcref(null);
      case EXTERNREF -> Value.externref(null);
    };
  }
}
