package dev.isola.fuzz;

import dev.isola.runtime.TrapKind;
import java.util.Locale;

/**
 * How fuel enters the comparison ({@code -Dfuzz.fuel}).
 *
 * <p>Fuel is specified to be deterministic: the interpreter charges each function entry and loop header the
 * static count of live Wasm instructions it heads (not its own fused ops), and bulk operations one unit per
 * 1024 bytes or elements, so a compiler that polls in the same places with the same weights uses exactly the
 * same fuel and runs out at exactly the same instruction. {@link #EXACT}, the default, holds the tiers to
 * that: fuel used per call, and where {@code out of fuel} strikes (with the memory state at that point), are
 * compared. {@link #BOUND} treats fuel as a mere bound on runaway code: the first {@code out of fuel} on either
 * side ends the comparison of that seed, and fuel used is not compared.
 */
enum FuelMode {
  EXACT,
  BOUND;

  static FuelMode configured() {
    String value = System.getProperty("fuzz.fuel", "");
    return value.isBlank() ? EXACT : valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  /** Whether a call that ended with {@code kind} leaves the rest of the run comparable. */
  boolean comparableAfter(TrapKind kind) {
    return switch (kind) {
      // Wall-clock: never deterministic.
      case DEADLINE_EXCEEDED, INTERRUPTED -> false;
      case OUT_OF_FUEL -> this == EXACT;
      default -> true;
    };
  }
}
