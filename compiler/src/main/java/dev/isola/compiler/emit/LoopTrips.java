package dev.isola.compiler.emit;

/**
 * How many times a counted loop ({@link CountedLoop}) enters its header, computed when it is entered, so that
 * the generated code can charge the fuel of many iterations at once and run them without a poll.
 *
 * <p>The loop is entered with its induction variable at {@code v0}; each iteration ends with {@code v += c}
 * (wrapping, in the variable's width) and loops back while {@code v <kind> b}. The header is entered once, then
 * once per back-edge taken: the trip count is the smallest {@code k >= 1} for which {@code v0 + k*c} fails the
 * condition. Every method answers that exactly, or {@link #UNKNOWN} where it would need a wrap-around (an
 * overflowing induction variable, a step of zero, a {@code !=} bound the variable steps over): the generated code
 * then runs the loop as written, polling at its header. Called by generated code ({@code invokestatic}); C2
 * inlines it, and with a constant step the division is a multiplication.
 */
final class LoopTrips {
  /** The trip count cannot be computed without wrap-around: poll every iteration. */
  static final long UNKNOWN = -1;

  static final int NE = 0;
  static final int LT_S = 1;
  static final int LT_U = 2;
  static final int LE_S = 3;
  static final int LE_U = 4;

  private static final long MASK32 = 0xFFFF_FFFFL;

  private LoopTrips() {}

  /** The trip count of an i32 loop of {@code kind}, or {@link #UNKNOWN}. */
  static long i32(int kind, int v0, int c, int b) {
    return switch (kind) {
      case NE -> notEqual(((long) b - v0) & MASK32, c & MASK32);
      case LT_S -> c <= 0 ? UNKNOWN : less((long) v0 - Integer.MIN_VALUE, c, (long) b - Integer.MIN_VALUE, MASK32);
      case LT_U -> less(v0 & MASK32, c & MASK32, b & MASK32, MASK32);
      case LE_S -> c <= 0 ? UNKNOWN : lessOrEqual((long) v0 - Integer.MIN_VALUE, c, (long) b - Integer.MIN_VALUE,
          MASK32);
      case LE_U -> lessOrEqual(v0 & MASK32, c & MASK32, b & MASK32, MASK32);
      default -> throw new IllegalArgumentException("kind " + kind);
    };
  }

  /** The trip count of an i64 loop of {@code kind}, or {@link #UNKNOWN}. */
  static long i64(int kind, long v0, long c, long b) {
    return switch (kind) {
      case NE -> {
        long d = b - v0;
        if (c == 0) {
          yield d == 0 ? 1 : UNKNOWN;
        }
        if (d == 0 || Long.remainderUnsigned(d, c) != 0) {
          yield UNKNOWN;
        }
        long t = Long.divideUnsigned(d, c);
        yield t > 0 ? t : UNKNOWN;
      }
      case LT_S -> c <= 0 ? UNKNOWN : less(v0 ^ Long.MIN_VALUE, c, b ^ Long.MIN_VALUE, -1L);
      case LT_U -> less(v0, c, b, -1L);
      case LE_S -> c <= 0 ? UNKNOWN : lessOrEqual(v0 ^ Long.MIN_VALUE, c, b ^ Long.MIN_VALUE, -1L);
      case LE_U -> lessOrEqual(v0, c, b, -1L);
      default -> throw new IllegalArgumentException("kind " + kind);
    };
  }

  /**
   * {@code v != b} stepping by {@code c}, with {@code d = b - v0} and {@code c} as unsigned values below 2^32:
   * {@code d / c} when {@code c} divides {@code d} (no smaller multiple of {@code c} reaches {@code d}, since all
   * stay below 2^32), else the variable steps over {@code b} and wraps. A step of zero exits at once or never.
   */
  private static long notEqual(long d, long c) {
    if (c == 0) {
      return d == 0 ? 1 : UNKNOWN;
    }
    return d == 0 || d % c != 0 ? UNKNOWN : d / c;
  }

  /**
   * {@code v < b} stepping by {@code c}, all three as unsigned offsets from the bottom of the variable's range,
   * whose top is {@code top} (unsigned; a signed variable is offset by its minimum, so that one unsigned
   * computation serves both): the first {@code k >= 1} with {@code v0 + k*c >= b}, provided no value on the way
   * passes {@code top}.
   */
  private static long less(long v0, long c, long b, long top) {
    long first = v0 + c;
    if (c == 0 || Long.compareUnsigned(first, v0) < 0 || Long.compareUnsigned(first, top) > 0) {
      return UNKNOWN;
    }
    if (Long.compareUnsigned(first, b) >= 0) {
      return 1;
    }
    long span = b - v0; // b > first > v0
    long t = Long.divideUnsigned(span, c) + (Long.remainderUnsigned(span, c) == 0 ? 0 : 1);
    if (t <= 0 || Math.unsignedMultiplyHigh(t, c) != 0) {
      return UNKNOWN;
    }
    long exit = v0 + t * c;
    return Long.compareUnsigned(exit, v0) < 0 || Long.compareUnsigned(exit, top) > 0 ? UNKNOWN : t;
  }

  /** {@code v <= b}, that is {@code v < b + 1}, unless {@code b} is the top of the range (never false). */
  private static long lessOrEqual(long v0, long c, long b, long top) {
    return b == top ? UNKNOWN : less(v0, c, b + 1, top);
  }

  /**
   * How many of {@code trips} iterations a countdown of {@code budget} pays for at {@code weight} each while
   * staying above zero, as every one of their header polls would (at least 1, since the caller polls first when
   * {@code budget <= weight}), and that keep the variable, read as a signed value, from passing the top of its
   * range ({@code room}): the prepaid copy of the loop tests its exit with a signed {@code <}, the form C2 turns
   * into a counted loop (clang's {@code !=} is one only for a step of 1). 0 when no iteration fits that.
   */
  static long prepaid(long trips, long budget, int weight, long room) {
    return Math.min(Math.min(trips, (budget - 1) / weight), room);
  }

  /**
   * How many steps an i32 variable at {@code v0} can take, by {@code c} read as the loop's {@code kind} does
   * (unsigned for {@code !=} and the unsigned compares), before its signed value would pass 2^31 - 1.
   */
  static long room32(int kind, int v0, int c) {
    long step = kind == LT_S || kind == LE_S ? c : c & MASK32;
    return step <= 0 ? 0 : (Integer.MAX_VALUE - (long) v0) / step;
  }

  /** {@link #room32} for an i64 variable: steps before its signed value would pass 2^63 - 1. */
  static long room64(int kind, long v0, long c) {
    if (c == 0 || (kind == LT_S || kind == LE_S) && c < 0) {
      return 0;
    }
    // Long.MAX_VALUE - v0 is at most 2^64 - 1, exact as an unsigned value.
    long room = Long.divideUnsigned(Long.MAX_VALUE - v0, c);
    return room < 0 ? Long.MAX_VALUE : room;
  }
}
