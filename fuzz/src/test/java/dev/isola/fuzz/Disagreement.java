package dev.isola.fuzz;

/**
 * The first point where two runs differ.
 *
 * @param aspect what differs, without values ("outcome returned trapped", "log", "fuel", "memory", ...): what
 *     {@link Reduce} keeps constant while shrinking a module
 * @param description the step, the aspect and both sides' values, for people
 */
record Disagreement(String aspect, String description) {
  @Override
  public String toString() {
    return description;
  }
}
