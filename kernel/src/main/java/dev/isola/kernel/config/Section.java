package dev.isola.kernel.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * One TOML table being read into a record: typed accessors that report a wrong type or a bad value as a
 * {@link Problem} (and answer empty, so reading goes on and every problem is found in one pass), and
 * {@link #finish()}, which reports every key nobody asked for as unknown. Keys are named by their dotted path from
 * the file's root, with {@code [i]} for array elements.
 */
final class Section {
  private final TomlTable table;
  private final String path;
  private final Locator locator;
  private final List<Problem> problems;
  private final Set<String> read = new LinkedHashSet<>();

  Section(TomlTable table, String path, Locator locator, List<Problem> problems) {
    this.table = table;
    this.path = path;
    this.locator = locator;
    this.problems = problems;
    for (String k : table.keySet()) {
      TomlPosition p = table.inputPositionOf(List.of(k));
      if (p != null) {
        locator.record(keyOf(k), p.line(), p.column());
      }
    }
  }

  /** The dotted path of this table. */
  String path() {
    return path;
  }

  /** The dotted path of {@code key} in this table. */
  String keyOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The keys of this table, in file order (tomlj keeps insertion order). */
  Set<String> keys() {
    return table.keySet();
  }

  void problem(String key, String message) {
    problems.add(locator.problem(keyOf(key), message));
  }

  private Optional<Object> raw(String key) {
    read.add(key);
    return Optional.ofNullable(table.get(List.of(key)));
  }

  /** The value of {@code key} when it is of {@code type}; a problem (and empty) when of another type. */
  private <T> Optional<T> typed(String key, Class<T> type, String typeName) {
    Optional<Object> v = raw(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!type.isInstance(v.get())) {
      problem(key, "expected " + typeName + ", found " + describe(v.get()));
      return Optional.empty();
    }
    return Optional.of(type.cast(v.get()));
  }

  Optional<String> string(String key) {
    return typed(key, String.class, "a string");
  }

  Optional<Long> integer(String key) {
    return typed(key, Long.class, "an integer");
  }

  Optional<TomlArray> array(String key) {
    return typed(key, TomlArray.class, "an array");
  }

  /** Whether {@code key} is present (without marking it read). */
  boolean has(String key) {
    return table.get(List.of(key)) != null;
  }

  /** The raw value of {@code key}, marking it read (for keys that take more than one shape). */
  Optional<Object> value(String key) {
    return raw(key);
  }

  Optional<Section> table(String key) {
    return typed(key, TomlTable.class, "a table").map(t -> new Section(t, keyOf(key), locator, problems));
  }

  /** A required string: a problem when missing. */
  Optional<String> requiredString(String key) {
    return has(key) ? string(key) : missing(key);
  }

  /** Reports required {@code key} as missing (placed at this table) and marks it read; always empty. */
  <T> Optional<T> missing(String key) {
    read.add(key);
    problems.add(locator.problem(path, "missing required key \"" + key + "\""));
    return Optional.empty();
  }

  Optional<Duration> duration(String key) {
    return string(key).flatMap(s -> parsed(key, () -> DurationText.parse(s)));
  }

  /** A size: a string with a unit, or an integer number of bytes. */
  Optional<Long> size(String key) {
    Optional<Object> v = raw(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return switch (v.get()) {
      case Long bytes -> Optional.of(bytes);
      case String s -> parsed(key, () -> SizeText.parse(s));
      default -> {
        problem(key, "expected a size such as \"64KiB\", found " + describe(v.get()));
        yield Optional.empty();
      }
    };
  }

  /** The strings of an array, each problem reported with its index. */
  Optional<List<String>> strings(String key) {
    Optional<TomlArray> a = array(key);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.get().size(); i++) {
      Object e = a.get().get(i);
      if (e instanceof String s) {
        out.add(s);
      } else {
        problem(key + "[" + i + "]", "expected a string, found " + describe(e));
      }
    }
    return Optional.of(out);
  }

  /** The tables of an array of tables, each a section named {@code key[i]}. */
  List<Section> tables(String key) {
    Optional<TomlArray> a = array(key);
    List<Section> out = new ArrayList<>();
    if (a.isEmpty()) {
      return out;
    }
    for (int i = 0; i < a.get().size(); i++) {
      String element = keyOf(key) + "[" + i + "]";
      TomlPosition p = a.get().inputPositionOf(i);
      if (p != null) {
        locator.record(element, p.line(), p.column());
      }
      if (a.get().get(i) instanceof TomlTable t) {
        out.add(new Section(t, element, locator, problems));
      } else {
        problems.add(locator.problem(element, "expected a table, found " + describe(a.get().get(i))));
      }
    }
    return out;
  }

  /** A value whose parser throws {@link IllegalArgumentException}: the message becomes the problem. */
  <T> Optional<T> parsed(String key, Supplier<T> parser) {
    try {
      return Optional.of(parser.get());
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
      return Optional.empty();
    }
  }

  /** Reports every key of this table that was not read: an unknown key, probably a typo. */
  void finish() {
    for (String k : table.keySet()) {
      if (!read.contains(k)) {
        problem(k, "unknown key");
      }
    }
  }

  static String describe(Object value) {
    return switch (value) {
      case String s -> "a string \"" + s + "\"";
      case Long l -> "an integer " + l;
      case Double d -> "a float " + d;
      case Boolean b -> "a boolean " + b;
      case TomlArray a -> "an array";
      case TomlTable t -> "a table";
      default -> "a date or time";
    };
  }
}
