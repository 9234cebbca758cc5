package dev.isola.kernel.config;

import dev.isola.toml.Locator;
import dev.isola.toml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * A system file read into a {@link SystemSpec}, with the position of every key so that later checks (a missing
 * export, a budget that does not fit) can name the line that caused them.
 *
 * <p>Reading reports every problem of the file at once: TOML syntax errors (then nothing else, since a half-parsed
 * file would only add noise), wrong types, unknown keys at any level, bad durations and sizes, values out of
 * range. Cross-references (portals, regions, budgets) and modules are checked by {@link SystemCheck}.
 */
public final class SystemFile {
  private final SystemSpec spec;
  private final Locator locator;

  SystemFile(SystemSpec spec, Locator locator) {
    this.spec = spec;
    this.locator = locator;
  }

  /**
   * Reads and checks {@code file} as a system file (syntax, types, keys, values; not the modules).
   *
   * @throws SystemFileException with every problem found, in file order
   */
  public static SystemSpec load(Path file) throws SystemFileException {
    return read(file).spec();
  }

  /**
   * Reads {@code file}, keeping key positions for {@link #problem}.
   *
   * @throws SystemFileException with every problem found, in file order
   */
  public static SystemFile read(Path file) throws SystemFileException {
    Path absolute = file.toAbsolutePath().normalize();
    String text;
    try {
      text = Files.readString(absolute);
    } catch (IOException e) {
      throw new SystemFileException(List.of(Problem.unreadable(file, e)));
    }
    return parse(file, absolute, text);
  }

  /**
   * Reads {@code text} as the system file {@code file} (module paths resolve against its directory).
   *
   * @throws SystemFileException with every problem found, in file order
   */
  public static SystemFile parse(Path file, String text) throws SystemFileException {
    return parse(file, file.toAbsolutePath().normalize(), text);
  }

  private static SystemFile parse(Path shown, Path absolute, String text) throws SystemFileException {
    TomlParseResult toml = Toml.parse(text);
    Locator locator = new Locator(shown);
    List<Problem> problems = new ArrayList<>(Problem.syntax(shown, toml));
    if (!problems.isEmpty()) {
      throw new SystemFileException(problems);
    }
    SystemSpec spec = new SystemFileReader(absolute, locator, problems).read(toml);
    if (!problems.isEmpty()) {
      throw new SystemFileException(Problem.sorted(problems));
    }
    return new SystemFile(spec, locator);
  }

  /** The system the file describes, defaults applied. */
  public SystemSpec spec() {
    return spec;
  }

  /** The file as it was named (relative names stay relative in messages). */
  public Path file() {
    return locator.file();
  }

  /**
   * A problem about the dotted {@code key} ({@code containers.sensor.contexts[1].export}), placed at that key's line
   * or, for a key the file leaves out, at its nearest ancestor's.
   */
  public Problem problem(String key, String message) {
    return locator.problem(key, message);
  }
}
