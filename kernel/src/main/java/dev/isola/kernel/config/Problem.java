package dev.isola.kernel.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem with a system file, where it is: rendered {@code file:line:col: key: message}.
 *
 * @param file the system file
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param key the dotted TOML key the problem is about ({@code containers.sensor.budget.time}), or "" for the file
 * @param message what is wrong, in lower case, without a final period
 */
public record Problem(Path file, int line, int column, String key, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder().append(file);
    if (line > 0) {
      b.append(':').append(line).append(':').append(column);
    }
    b.append(": ");
    if (!key.isEmpty()) {
      b.append(key).append(": ");
    }
    return b.append(message).toString();
  }
}
