package dev.isola.hal.board;

import dev.isola.hal.Edge;
import dev.isola.toml.Section;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The board file's value rules, each reporting its problem on the section and answering a default so reading goes
 * on: counts of lines, ranges, frequencies, lists of keywords and SPI modes.
 */
final class Values {
  /** More lines than this on one controller is a typo. */
  static final int MAX_LINES = 1024;

  private Values() {}

  /** A count of lines (pins, channels, chip selects): 1..MAX_LINES, {@code fallback} when absent. */
  static int count(Section s, String key, int fallback) {
    return range(s, key, fallback, 1, MAX_LINES);
  }

  static int range(Section s, String key, int fallback, int min, int max) {
    return s.integer(key, min, max).map(Long::intValue).orElse(fallback);
  }

  /** A positive frequency; {@code required} reports it missing. */
  static long positive(Section s, String key, long fallback, boolean required) {
    Optional<Long> v = required ? s.requiredInteger(key) : s.integer(key);
    if (v.isEmpty()) {
      return fallback;
    }
    if (v.get() < 1) {
      s.problem(key, "must be positive, found " + v.get());
      return fallback;
    }
    return v.get();
  }

  /** A list of frequencies (bus speeds, bauds): each 1..max, at least one. */
  static SortedSet<Integer> hertz(Section s, String key, List<Integer> fallback, int max) {
    return set(s, key, fallback, 1, max, "each must be between 1 and " + max + ", found ");
  }

  /** A list of SPI modes, each 0..3, at least one; all four when absent. */
  static Set<Integer> modes(Section s) {
    return set(s, "modes", List.of(0, 1, 2, 3), 0, 3, "an SPI mode is 0..3, found ");
  }

  /** A list of integers, each min..max (else {@code outside} and the value), at least one; {@code fallback} else. */
  private static SortedSet<Integer> set(Section s, String key, List<Integer> fallback, int min, int max,
      String outside) {
    Optional<List<Long>> v = s.integers(key);
    if (v.isEmpty()) {
      return new TreeSet<>(fallback);
    }
    SortedSet<Integer> out = new TreeSet<>();
    for (Long n : v.get()) {
      if (n < min || n > max) {
        s.problem(key, outside + n);
      } else {
        out.add(n.intValue());
      }
    }
    if (v.get().isEmpty()) {
      s.problem(key, "needs at least one");
    }
    return out.isEmpty() ? new TreeSet<>(fallback) : out;
  }

  static Set<Edge> edges(Section s) {
    Set<Edge> edges = keywords(s, "edges", Edge.values(), Edge::keyword, EnumSet.allOf(Edge.class));
    // Not listening is always possible.
    Set<Edge> out = EnumSet.of(Edge.NONE);
    out.addAll(edges);
    return out;
  }

  static <E extends Enum<E>> Set<E> keywords(Section s, String key, E[] values, Function<E, String> word,
      Set<E> fallback) {
    Optional<List<String>> v = s.strings(key);
    if (v.isEmpty()) {
      return fallback;
    }
    Set<E> out = new LinkedHashSet<>();
    for (String w : v.get()) {
      Optional<E> e = Arrays.stream(values).filter(x -> word.apply(x).equals(w)).findFirst();
      if (e.isEmpty()) {
        s.problem(key, "unknown \"" + w + "\" (expected one of "
            + Arrays.stream(values).map(word).collect(Collectors.joining(", ")) + ")");
      } else {
        out.add(e.get());
      }
    }
    return out;
  }

  static String known(Set<String> known) {
    return known.isEmpty() ? "" : " (known: " + String.join(", ", new TreeSet<>(known)) + ")";
  }

  static String sorted(Set<Integer> values) {
    return new TreeSet<>(values).stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
