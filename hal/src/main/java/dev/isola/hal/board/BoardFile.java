package dev.isola.hal.board;

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
 * A board file read into a {@link BoardSpec}: TOML syntax, types, unknown keys, ranges, then cross-references
 * (devices on buses that exist, pins in range and used once, compatibles the installed backends serve). Every
 * problem is reported at once, each {@code file:line:col: key: message}.
 */
public final class BoardFile {
  private BoardFile() {}

  /**
   * Reads and checks {@code file} against {@code catalog}.
   *
   * @throws BoardFileException with every problem found, in file order
   */
  public static BoardSpec read(Path file, Catalog catalog) throws BoardFileException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new BoardFileException(List.of(Problem.unreadable(file, e)));
    }
    return parse(file, text, catalog);
  }

  /**
   * Reads and checks {@code text} as the board file {@code file} (named in problems).
   *
   * @throws BoardFileException with every problem found, in file order
   */
  public static BoardSpec parse(Path file, String text, Catalog catalog) throws BoardFileException {
    TomlParseResult toml = Toml.parse(text);
    List<Problem> problems = new ArrayList<>(Problem.syntax(file, toml));
    if (!problems.isEmpty()) {
      throw new BoardFileException(problems);
    }
    Locator locator = new Locator(file);
    BoardSpec spec = new BoardFileReader(file, locator, problems, catalog).read(toml);
    if (!problems.isEmpty()) {
      throw new BoardFileException(Problem.sorted(problems));
    }
    return spec;
  }
}
