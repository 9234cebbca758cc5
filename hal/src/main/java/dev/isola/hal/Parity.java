package dev.isola.hal;

import java.util.Arrays;
import java.util.Optional;

/** A UART frame's parity bit. */
public enum Parity {
  NONE("none"),
  EVEN("even"),
  ODD("odd");

  private final String keyword;

  Parity(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public static Optional<Parity> of(String keyword) {
    return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
  }

  @Override
  public String toString() {
    return keyword;
  }
}
