package dev.isola.toml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A TOML file with problems: all of them, one per line of the message. Each kind of file has its own subclass
 * ({@code SystemFileException}, {@code BoardFileException}) so callers catch the file they asked for.
 */
public class TomlFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  protected TomlFileException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public final List<Problem> problems() {
    return problems;
  }
}
