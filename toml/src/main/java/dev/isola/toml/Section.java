package dev.isola.toml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * the file's root, with {@code [i]} for array elements; each key's position goes to the {@link Locator}.
 */
public final class Section {
  private final TomlTable table;
  private final String path;
  private final Locator locator;
  private final List<Problem> problems;
  private final Set<String> read = new LinkedHashSet<>();

  /**
   * The table {@code table} at dotted {@code path} ("" for the file's root); its problems are added to
   * {@code problems}.
   */
  public Section(TomlTable table, String path, Locator locator, List<Problem> problems) {
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
  public String path() {
    return path;
  }

  /** The last part of the path: the name of a table of tables' entry ({@code [devices.tmp102]}: tmp102). */
  public String name() {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** The dotted path of {@code key} in this table. */
  public String keyOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The keys of this table, in file order (tomlj keeps insertion order). */
  public Set<String> keys() {
    return table.keySet();
  }

  public void problem(String key, String message) {
    problems.add(locator.problem(keyOf(key), message));
  }

  /** A problem about the table itself. */
  public void problem(String message) {
    problems.add(locator.problem(path, message));
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

  public Optional<String> string(String key) {
    return typed(key, String.class, "a string");
  }

  public Optional<Long> integer(String key) {
    return typed(key, Long.class, "an integer");
  }

  /** An integer from {@code min} to {@code max}: a problem (and empty) when outside. */
  public Optional<Long> integer(String key, long min, long max) {
    Optional<Long> v = integer(key);
    if (v.isPresent() && (v.get() < min || v.get() > max)) {
      problem(key, "must be between " + min + " and " + max + ", found " + v.get());
      return Optional.empty();
    }
    return v;
  }

  public Optional<Boolean> bool(String key) {
    return typed(key, Boolean.class, "a boolean");
  }

  public Optional<TomlArray> array(String key) {
    return typed(key, TomlArray.class, "an array");
  }

  /** Whether {@code key} is present (without marking it read). */
  public boolean has(String key) {
    return table.get(List.of(key)) != null;
  }

  /** The raw value of {@code key}, marking it read (for keys that take more than one shape). */
  public Optional<Object> value(String key) {
    return raw(key);
  }

  public Optional<Section> table(String key) {
    return typed(key, TomlTable.class, "a table").map(t -> new Section(t, keyOf(key), locator, problems));
  }

  /** A required string: a problem when missing. */
  public Optional<String> requiredString(String key) {
    return has(key) ? string(key) : missing(key);
  }

  /** A required integer: a problem when missing. */
  public Optional<Long> requiredInteger(String key) {
    return has(key) ? integer(key) : missing(key);
  }

  /** Reports required {@code key} as missing (placed at this table) and marks it read; always empty. */
  public <T> Optional<T> missing(String key) {
    read.add(key);
    problems.add(locator.problem(path, "missing required key \"" + key + "\""));
    return Optional.empty();
  }

  /** The strings of an array, each problem reported with its index. */
  public Optional<List<String>> strings(String key) {
    return elements(key, String.class, "a string");
  }

  /** The integers of an array, each problem reported with its index. */
  public Optional<List<Long>> integers(String key) {
    return elements(key, Long.class, "an integer");
  }

  private <T> Optional<List<T>> elements(String key, Class<T> type, String typeName) {
    Optional<TomlArray> a = array(key);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < a.get().size(); i++) {
      Object e = a.get().get(i);
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      } else {
        problem(key + "[" + i + "]", "expected " + typeName + ", found " + describe(e));
      }
    }
    return Optional.of(out);
  }

  /** The tables of an array of tables, each a section named {@code key[i]}. */
  public List<Section> tables(String key) {
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

  /**
   * The table {@code key} as plain values (a board's settings for its backend): strings, integers, floats, booleans
   * and arrays of them; nested tables are refused, so such settings stay flat.
   */
  public Map<String, Object> properties(String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    table(key).ifPresent(t -> {
      for (String k : t.keys()) {
        Object v = t.raw(k).orElseThrow();
        switch (v) {
          case String s -> out.put(k, s);
          case Long l -> out.put(k, l);
          case Double d -> out.put(k, d);
          case Boolean b -> out.put(k, b);
          case TomlArray a -> out.put(k, a.toList());
          default -> t.problem(k, "expected a string, number, boolean or array, found " + describe(v));
        }
      }
    });
    return out;
  }

  /** A value whose parser throws {@link IllegalArgumentException}: the message becomes the problem. */
  public <T> Optional<T> parsed(String key, Supplier<T> parser) {
    try {
      return Optional.of(parser.get());
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Marks every key read without reading it: for a table whose other keys cannot be judged (a board's device whose
   * compatible is missing or unknown), where reporting them as unknown would only add noise.
   */
  public void skip() {
    read.addAll(table.keySet());
  }

  /** Reports every key of this table that was not read: an unknown key, probably a typo. */
  public void finish() {
    for (String k : table.keySet()) {
      if (!read.contains(k)) {
        problem(k, "unknown key");
      }
    }
  }

  /** How a problem names a value it did not expect: its type, and the value when short. */
  public static String describe(Object value) {
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
