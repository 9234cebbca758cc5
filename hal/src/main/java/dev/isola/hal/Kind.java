package dev.isola.hal;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a label needs and a resource offers, in the words used by the custom section, the system file and the docs.
 */
public enum Kind {
  GPIO_IN("gpio-in"),
  GPIO_OUT("gpio-out"),
  I2C("i2c"),
  SPI("spi"),
  UART("uart"),
  ADC("adc"),
  PWM("pwm"),
  TIMER("timer");

  private final String keyword;

  Kind(String keyword) {
    this.keyword = keyword;
  }

  /** The word in files: {@code gpio-in}, {@code i2c}... */
  public String keyword() {
    return keyword;
  }

  /** The kind spelled {@code keyword}, if any. */
  public static Optional<Kind> of(String keyword) {
    return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
  }

  @Override
  public String toString() {
    return keyword;
  }
}
