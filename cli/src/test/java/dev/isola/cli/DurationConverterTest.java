package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test
  void units() {
    assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
    assertEquals(Duration.ofSeconds(2), converter.convert("2s"));
    assertEquals(Duration.ofMinutes(1), converter.convert("1m"));
    assertEquals(Duration.ofHours(3), converter.convert("3h"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5x", "ms", "0s", "-1s", "1.5s", "2 s", ""})
  void rejects(String text) {
    assertThrows(TypeConversionException.class, () -> converter.convert(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0ms", "00s"})
  void orZeroTakesZeroAsNone(String text) {
    assertEquals(Duration.ZERO, new DurationConverter.OrZero().convert(text));
  }

  @Test
  void orZeroStillParsesAndRejectsTheRest() {
    assertEquals(Duration.ofMillis(300), new DurationConverter.OrZero().convert("300ms"));
    assertThrows(TypeConversionException.class, () -> new DurationConverter.OrZero().convert("-1s"));
    assertThrows(TypeConversionException.class, () -> new DurationConverter.OrZero().convert("none"));
  }
}
