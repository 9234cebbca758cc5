package dev.isola.kernel.config;

/**
 * How much a container matters when the system is overloaded: lower criticality yields first (its budget is
 * enforced first, it is the first refused memory). Priority orders who runs; criticality orders who gives way.
 */
public enum Criticality {
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String keyword;

  Criticality(String keyword) {
    this.keyword = keyword;
  }

  /** The word the system file uses. */
  public String keyword() {
    return keyword;
  }

  /** The number {@code isola:sys limit(4)} returns: 0 high, 1 medium, 2 low. */
  public int code() {
    return ordinal();
  }
}
