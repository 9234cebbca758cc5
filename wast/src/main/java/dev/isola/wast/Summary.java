package dev.isola.wast;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of running one or more scripts: how many commands passed, failed or were skipped, and one line per
 * failure ({@code file:line: command: expected ..., got ...}).
 */
public record Summary(int passed, int failed, int skipped, List<String> failures) {
  public static final Summary EMPTY = new Summary(0, 0, 0, List.of());

  public Summary {
    failures = List.copyOf(failures);
  }

  public Summary plus(Summary other) {
    List<String> all = new ArrayList<>(failures);
    all.addAll(other.failures);
    return new Summary(passed + other.passed, failed + other.failed, skipped + other.skipped, all);
  }

  /** Exactly {@code N passed, N failed, N skipped}. */
  public String line() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
