package dev.isola.hal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Asserting a HAL failure's kind in one line. */
final class HalAssertions {
  private HalAssertions() {}

  /** Runs {@code call}, asserts it failed with {@code error}, answers the message. */
  static String fails(HalError error, Executable call) {
    HalException e = assertThrows(HalException.class, call);
    assertEquals(error, e.error(), e.getMessage());
    return e.getMessage();
  }
}
