package dev.isola.hal;

import java.util.Arrays;
import java.util.Optional;

/** Which level changes of an input pin raise an event. {@link #NONE} listens to none. */
public enum Edge {
  NONE("none"),
  RISING("rising"),
  FALLING("falling"),
  BOTH("both");

  private final String keyword;

  Edge(String keyword) {
    this.keyword = keyword;
  }

  /** The word in files: {@code rising}, {@code falling}, {@code both}, {@code none}. */
  public String keyword() {
    return keyword;
  }

  public static Optional<Edge> of(String keyword) {
    return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
  }

  /** Whether a change to {@code level} (true = high) is one this edge listens to. */
  public boolean matches(boolean level) {
    return switch (this) {
      case NONE -> false;
      case RISING -> level;
      case FALLING -> !level;
      case BOTH -> true;
    };
  }

  @Override
  public String toString() {
    return keyword;
  }
}
