package dev.isola.kernel.config;

/** Which execution tier runs the system's containers ({@code [system] tier}). */
public enum TierChoice {
  /** The interpreter only: fastest start, no class generation. */
  INTERP("interp"),
  /** The compiler tier only: every module compiled to JVM bytecode before it starts. */
  COMPILED("compiled"),
  /** The engine decides (interpreter first, compiled code when it is ready): the default. */
  AUTO("auto");

  private final String keyword;

  TierChoice(String keyword) {
    this.keyword = keyword;
  }

  /** The word the system file uses. */
  public String keyword() {
    return keyword;
  }
}
