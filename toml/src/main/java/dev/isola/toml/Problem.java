package dev.isola.toml;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * One problem with a TOML file (a system file, a board file), where it is: rendered
 * {@code file:line:col: key: message}.
 *
 * @param file the file, as it was named
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param key the dotted TOML key the problem is about ({@code containers.sensor.budget.time},
 *     {@code devices.tmp102.address}), or "" for the file
 * @param message what is wrong, in lower case, without a final period
 */
public record Problem(Path file, int line, int column, String key, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** The problem of a file that could not be read: "no such file" or "cannot read: why". */
  public static Problem unreadable(Path file, IOException e) {
    return new Problem(file, 0, 0, "", e instanceof NoSuchFileException ? "no such file"
        : "cannot read: " + e.getMessage());
  }

  /** tomlj's syntax errors in {@code toml}, as problems of {@code file}; empty when it parsed. */
  public static List<Problem> syntax(Path file, TomlParseResult toml) {
    List<Problem> out = new ArrayList<>();
    for (TomlParseError e : toml.errors()) {
      String message = e.getMessage();
      // tomlj appends " (line L, column C)" to its messages; the position is already in front of ours.
      int cut = message.lastIndexOf(" (line ");
      String reason = cut > 0 ? message.substring(0, cut) : message;
      // Our messages start in lower case, like the rest of the problems they are listed with.
      reason = reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
      out.add(new Problem(file, e.position().line(), e.position().column(), "", reason));
    }
    return out;
  }

  /** {@code problems} in file order (by line, then column; a stable sort, so ties keep their order). */
  public static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return out;
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
