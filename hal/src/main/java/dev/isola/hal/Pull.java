package dev.isola.hal;

import java.util.Arrays;
import java.util.Optional;

/** An input pin's bias resistor. */
public enum Pull {
  NONE("none"),
  UP("up"),
  DOWN("down");

  private final String keyword;

  Pull(String keyword) {
    this.keyword = keyword;
  }

  /** The word in files: {@code up}, {@code down}, {@code none}. */
  public String keyword() {
    return keyword;
  }

  public static Optional<Pull> of(String keyword) {
    return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
  }

  @Override
  public String toString() {
    return keyword;
  }
}
