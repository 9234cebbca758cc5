package dev.isola.kernel;

/** What a hot swap ({@link Kernel#swap}) came to: exactly one of three. */
public sealed interface SwapOutcome {
  /** One line for the operator. */
  String describe();

  /** The new module runs and outlived the grace period (or ended cleanly within it). */
  record Swapped(String container) implements SwapOutcome {
    public String describe() {
      return "swapped: " + container + " runs the new module";
    }
  }

  /** The new module was refused before anything stopped; the old one never stopped. */
  record Refused(String container, String why) implements SwapOutcome {
    public String describe() {
      return "refused: " + container + ": " + why;
    }
  }

  /** The new module failed within the grace period; the old module runs again. */
  record RolledBack(String container, String why) implements SwapOutcome {
    public String describe() {
      return "rolled back: " + container + ": the new module " + why + "; the old module runs again";
    }
  }
}
