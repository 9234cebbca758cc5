package dev.isola.hal.need;

import dev.isola.hal.Edge;
import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keys of each kind and how their values are written: the one table the parser, the docs
 * (docs/peripherals.md) and the SDK's macros (sdk/isola.h) must agree with. Numbers are decimal or {@code 0x} hex,
 * without sign or leading zeros (a C programmer's {@code 010} would be octal; refusing it avoids the question).
 */
final class ConstraintKeys {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  private ConstraintKeys() {}

  /** The keys {@code kind} takes, in the order the docs list them. */
  static List<String> of(Kind kind) {
    return switch (kind) {
      case GPIO_IN -> List.of("pull", "edge");
      case GPIO_OUT -> List.of("initial");
      case I2C -> List.of("address", "speed");
      case SPI -> List.of("mode", "hz");
      case UART -> List.of("baud");
      case ADC -> List.of("bits");
      case PWM -> List.of("hz");
      case TIMER -> List.of();
    };
  }

  /**
   * The constraint {@code key=value} of a {@code kind} record ({@code key} is one of {@link #of}).
   *
   * @throws IllegalArgumentException saying what the value should be
   */
  static Constraint parse(Kind kind, String key, String value) {
    return switch (kind) {
      case GPIO_IN -> key.equals("pull")
          ? new Constraint.PullBias(pull(value))
          : new Constraint.EdgeEvents(edge(value));
      case GPIO_OUT -> new Constraint.InitialLevel(number(value, 0, 1) == 1);
      case I2C -> key.equals("address")
          ? new Constraint.Address((int) number(value, 0, 0x7F))
          : new Constraint.BusSpeeds(speeds(value));
      case SPI -> key.equals("mode")
          ? new Constraint.SpiMode((int) number(value, 0, 3))
          : new Constraint.ClockHz(number(value, 1, Long.MAX_VALUE));
      case UART -> new Constraint.Baud((int) number(value, 1, Integer.MAX_VALUE));
      case ADC -> new Constraint.Bits((int) number(value, 1, 32));
      case PWM -> new Constraint.Frequency(number(value, 1, Long.MAX_VALUE));
      case TIMER -> throw new IllegalStateException("timer has no keys"); // refused as an unknown key before
    };
  }

  private static Pull pull(String value) {
    return Pull.of(value).orElseThrow(() -> new IllegalArgumentException(
        "expected " + words(Pull.values()) + ", found \"" + value + "\""));
  }

  private static Edge edge(String value) {
    return Edge.of(value).orElseThrow(() -> new IllegalArgumentException(
        "expected " + words(Edge.values()) + ", found \"" + value + "\""));
  }

  private static String words(Enum<?>[] values) {
    return Arrays.stream(values).map(Object::toString).collect(Collectors.joining("|"));
  }

  /** A comma-separated list of bus speeds in Hz, at least one, none twice. */
  private static List<Integer> speeds(String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("expected Hz[,Hz]* such as 100000,400000, found \"" + value + "\"");
      }
      int hz = (int) number(part, 1, Integer.MAX_VALUE);
      if (out.contains(hz)) {
        throw new IllegalArgumentException(hz + " is listed twice");
      }
      out.add(hz);
    }
    return out;
  }

  /** A decimal or 0x-hex number in min..max. */
  static long number(String text, long min, long max) {
    boolean hex = text.startsWith("0x") || text.startsWith("0X");
    String digits = hex ? text.substring(2) : text;
    // ASCII digits only: Long.parseLong would also take a sign and other scripts' digits.
    if (!(hex ? HEX : DECIMAL).matcher(digits).matches()) {
      throw new IllegalArgumentException("expected a number (decimal or 0x hex), found \"" + text + "\"");
    }
    if (!hex && digits.length() > 1 && digits.charAt(0) == '0') {
      throw new IllegalArgumentException("\"" + text + "\" has a leading zero (write decimal or 0x hex)");
    }
    long n;
    try {
      n = Long.parseLong(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      n = Long.MAX_VALUE; // too many digits for a long: out of any range below
      if (max == Long.MAX_VALUE) {
        throw new IllegalArgumentException(text + " is too large");
      }
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(text + " is out of range " + (hex ? hexRange(min, max) : min + ".." + max));
    }
    return n;
  }

  private static String hexRange(long min, long max) {
    return "0x" + Long.toHexString(min) + "..0x" + Long.toHexString(max);
  }
}
