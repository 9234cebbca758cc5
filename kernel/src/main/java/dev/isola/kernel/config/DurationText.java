package dev.isola.kernel.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the system file writes them: a number and a unit, {@code "250us"}, {@code "2ms"}, {@code "1.5s"}.
 * Units: ns, us, ms, s, m (minutes), h. A bare number is refused: a unit is part of the value.
 */
public final class DurationText {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|min|h)");

  private DurationText() {}

  /**
   * The duration {@code text} names.
   *
   * @throws IllegalArgumentException naming the accepted form
   */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a duration (write a number and a unit: ns, us, ms, s, m or h, e.g. \"2ms\")");
    }
    long unitNanos =
        switch (m.group(2)) {
          case "ns" -> 1L;
          case "us", "µs" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m", "min" -> 60_000_000_000L;
          default -> 3_600_000_000_000L;
        };
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos));
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("\"" + text + "\" is too long a duration");
    }
    if (nanos.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("\"" + text + "\" is not a whole number of nanoseconds");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  /** {@code d} written back the way the file would write it, in the largest exact unit. */
  public static String format(Duration d) {
    long ns = d.toNanos();
    if (ns != 0 && ns % 1_000_000_000L == 0) {
      return ns / 1_000_000_000L + "s";
    }
    if (ns != 0 && ns % 1_000_000L == 0) {
      return ns / 1_000_000L + "ms";
    }
    if (ns != 0 && ns % 1_000L == 0) {
      return ns / 1_000L + "us";
    }
    return ns + "ns";
  }
}
