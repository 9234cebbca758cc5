package dev.isola.compiler.aot;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which execution tier runs a module: {@code --tier} of {@code isola exec}, {@code wast} and {@code bench}, and
 * the kernel's {@code tier} key. {@link ModuleLoader} turns it into an engine.
 */
public enum Tier {
  /** The interpreter: starts at once, runs several times slower than compiled code. */
  INTERP("interp"),
  /** The compiler: JVM bytecode, compiled before the module runs (or loaded from an artifact). */
  COMPILED("compiled"),
  /**
   * Compiled code when it is cheap to get (an artifact, or a small module), else the interpreter at once while
   * the compiler works in the background for later instances; see {@link ModuleLoader}.
   */
  AUTO("auto");

  /** The tier {@code exec} uses without {@code --tier}: chosen by measurement (README, "Execution tiers"). */
  public static final Tier DEFAULT = AUTO;

  private final String textName;

  Tier(String textName) {
    this.textName = textName;
  }

  /** The name on the command line and in system files. */
  public String textName() {
    return textName;
  }

  /**
   * The tier named {@code name}.
   *
   * @throws IllegalArgumentException naming the choices, if there is none of that name
   */
  public static Tier of(String name) {
    for (Tier t : values()) {
      if (t.textName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown tier '" + name + "' (choose "
        + Arrays.stream(values()).map(Tier::textName).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return textName;
  }
}
