package dev.isola.hal;

import java.util.Collection;
import java.util.stream.Collectors;

/** Capability sets as messages list them: in natural order, comma separated, the same on every run. */
final class Sorted {
  private Sorted() {}

  static <T extends Comparable<? super T>> String of(Collection<T> values) {
    return values.stream().sorted().map(Object::toString).collect(Collectors.joining(", "));
  }
}
