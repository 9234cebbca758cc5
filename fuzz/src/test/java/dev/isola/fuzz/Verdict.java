package dev.isola.fuzz;

import java.nio.file.Path;

/**
 * What one seed came to.
 *
 * @param seed the seed
 * @param kind agreed, disagreed, or skipped (why in {@code detail})
 * @param detail the minimised disagreement, or why the seed was skipped
 * @param module the generated module (kept when the tiers disagree)
 */
record Verdict(long seed, Kind kind, String detail, Path module) {
  enum Kind {
    AGREED,
    DISAGREED,
    SKIPPED
  }

  @Override
  public String toString() {
    return "seed " + seed + " (" + module + "): " + detail;
  }
}
