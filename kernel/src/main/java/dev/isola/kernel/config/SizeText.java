package dev.isola.kernel.config;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as the system file writes them: {@code "64KiB"}, {@code "1MiB"}, {@code "4096B"}; binary units only
 * (B, KiB, MiB, GiB), because memory comes in 64 KiB pages and "KB" would be ambiguous.
 */
public final class SizeText {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)");

  private SizeText() {}

  /**
   * The number of bytes {@code text} names.
   *
   * @throws IllegalArgumentException naming the accepted form
   */
  public static long parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a size (write a whole number and B, KiB, MiB or GiB, e.g. \"64KiB\")");
    }
    int shift =
        switch (m.group(2)) {
          case "B" -> 0;
          case "KiB" -> 10;
          case "MiB" -> 20;
          default -> 30;
        };
    BigInteger bytes = new BigInteger(m.group(1)).shiftLeft(shift);
    if (bytes.bitLength() > 62) {
      throw new IllegalArgumentException("\"" + text + "\" is too large a size");
    }
    return bytes.longValueExact();
  }

  /** {@code bytes} in the largest exact binary unit. */
  public static String format(long bytes) {
    if (bytes != 0 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "GiB";
    }
    if (bytes != 0 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "MiB";
    }
    if (bytes != 0 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + "KiB";
    }
    return bytes + "B";
  }
}
