package dev.isola.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a duration as people write it on a command line: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}. */
class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

  /** The same, where zero means "none" (written {@code 0} or with a unit). */
  static final class OrZero extends DurationConverter {
    @Override
    public Duration convert(String value) {
      return value.strip().matches("0+(ms|s|m|h)?") ? Duration.ZERO : super.convert(value);
    }
  }

  @Override
  public Duration convert(String value) {
    Matcher m = DURATION.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: write a whole number and a unit, ms, s, m or h (e.g. 500ms, 2s)");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> throw new AssertionError(m.group(2)); // the pattern admits only these units
    };
    if (d.isZero()) {
      throw new TypeConversionException("'" + value + "': the duration must be positive");
    }
    return d;
  }
}
