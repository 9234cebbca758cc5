package dev.isola.wasm;

/**
 * Limits of a memory (in pages) or a table (in elements). {@code max} is {@link #NO_MAX} when absent; both are
 * unsigned 32-bit quantities held in a {@code long}.
 */
public record Limits(long min, long max) {
  public static final long NO_MAX = -1;

  public boolean hasMax() {
    return max != NO_MAX;
  }

  /** The spec's limits matching for imports: {@code this} (actual) matches {@code required}. */
  public boolean matches(Limits required) {
    if (min < required.min) {
      return false;
    }
    if (!required.hasMax()) {
      return true;
    }
    return hasMax() && max <= required.max;
  }

  @Override
  public String toString() {
    return hasMax() ? min + " " + max : Long.toString(min);
  }
}
