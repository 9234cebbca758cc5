package dev.isola.kernel.config;

import dev.isola.toml.Problem;
import dev.isola.toml.TomlFileException;
import java.util.List;

/** A system file with problems: all of them, in file order. */
public final class SystemFileException extends TomlFileException {
  private static final long serialVersionUID = 1L;

  public SystemFileException(List<Problem> problems) {
    super(problems);
  }
}
