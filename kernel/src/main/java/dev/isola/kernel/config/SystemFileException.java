package dev.isola.kernel.config;

import java.util.List;
import java.util.stream.Collectors;

/** A system file with problems: all of them, in file order. */
public final class SystemFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public SystemFileException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
