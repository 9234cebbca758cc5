package dev.isola.toml;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a file is: filled while the file is read (by every {@link Section}), asked when a later check (a
 * module's export missing, a device on a missing bus) must point at the line that caused it. A key without a
 * recorded position (a default, a missing key) is placed at its nearest ancestor that has one.
 */
public final class Locator {
  private final Path file;
  private final Map<String, int[]> positions = new HashMap<>();

  public Locator(Path file) {
    this.file = file;
  }

  /** The file as it was named (relative names stay relative in messages). */
  public Path file() {
    return file;
  }

  public void record(String key, int line, int column) {
    positions.putIfAbsent(key, new int[] {line, column});
  }

  /** A problem about {@code key}, placed at the key or its nearest located ancestor. */
  public Problem problem(String key, String message) {
    String k = key;
    while (true) {
      int[] at = positions.get(k);
      if (at != null) {
        return new Problem(file, at[0], at[1], key, message);
      }
      int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
      if (cut <= 0) {
        return new Problem(file, 0, 0, key, message);
      }
      k = k.substring(0, cut);
    }
  }
}
