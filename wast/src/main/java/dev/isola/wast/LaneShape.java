package dev.isola.wast;

import dev.isola.runtime.Value;

/**
 * The lane shape a script wrote a {@code v128} in ({@code "lane_type"}): lane width and whether lanes are floats
 * (whose expectations may be {@code nan:*}). Lane 0 is the lowest-addressed bytes, i.e. the low bits of {@link
 * Value.V128#low()}.
 */
enum LaneShape {
  I8(8, false),
  I16(16, false),
  I32(32, false),
  I64(64, false),
  F32(32, true),
  F64(64, true);

  private final int bits;
  private final boolean floating;

  LaneShape(int bits, boolean floating) {
    this.bits = bits;
    this.floating = floating;
  }

  static LaneShape of(String laneType) {
    return switch (laneType) {
      case "i8" -> I8;
      case "i16" -> I16;
      case "i32" -> I32;
      case "i64" -> I64;
      case "f32" -> F32;
      case "f64" -> F64;
      default -> throw new IllegalArgumentException("unknown lane_type " + laneType);
    };
  }

  int bits() {
    return bits;
  }

  boolean floating() {
    return floating;
  }

  int count() {
    return 128 / bits;
  }

  private long mask() {
    return bits == 64 ? -1L : (1L << bits) - 1;
  }

  /** Lane {@code i} of {@code v}, zero-extended to a long. */
  long lane(Value.V128 v, int i) {
    int offset = i * bits;
    long word = offset < 64 ? v.low() : v.high();
    return (word >>> (offset % 64)) & mask();
  }

  /** Packs {@link #count()} lanes (only their low {@link #bits()} bits count) into a v128. */
  Value.V128 pack(long[] lanes) {
    if (lanes.length != count()) {
      throw new IllegalArgumentException(name() + " needs " + count() + " lanes, got " + lanes.length);
    }
    long low = 0;
    long high = 0;
    for (int i = 0; i < lanes.length; i++) {
      int offset = i * bits;
      long part = (lanes[i] & mask()) << (offset % 64);
      if (offset < 64) {
        low |= part;
      } else {
        high |= part;
      }
    }
    return new Value.V128(low, high);
  }

  String textName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
