package dev.isola.hal.board;

import dev.isola.toml.Problem;
import dev.isola.toml.TomlFileException;
import java.util.List;

/** A board file with problems: all of them, in file order, one per line in the message. */
public final class BoardFileException extends TomlFileException {
  private static final long serialVersionUID = 1L;

  public BoardFileException(List<Problem> problems) {
    super(problems);
  }
}
