package dev.isola.compiler.emit;

import dev.isola.runtime.Store;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The safepoint countdown of one store, shared by every compiled instance in it, so that a call between two
 * instances charges one budget, as the interpreter's single dispatch loop does.
 *
 * <p>It mirrors the interpreter exactly (same weights, same places, same arithmetic), so fuel is the same on
 * both tiers: an invocation from outside starts with nothing allotted ({@code allotted = budget = 0}); a poll
 * subtracts its static weight from {@code budget} and, once that is {@code <= 0}, charges {@code allotted -
 * budget} through {@link Store#safepoint} and takes the countdown it returns; the invocation charges what is
 * left when it returns ({@link GeneratedCode#invoke}).
 *
 * <p>Generated code keeps the countdown in a local, passes it to callees as an argument and gets it back packed
 * with the result ({@code FunctionEmitter.packs}); it writes it here only around calls that leave compiled code,
 * returns of functions that cannot pack, and outlined regions. A loop's poll touches only a register: a
 * countdown in memory costs a store-to-load dependency per iteration, which measured up to 2x on tight loops.
 *
 * <p>One thread runs a store's code at a time, so the fields are plain.
 */
final class Fuel {
  private static final Map<Store, Fuel> BY_STORE = Collections.synchronizedMap(new WeakHashMap<>());

  final Store store;
  long allotted;
  long budget;

  private Fuel(Store store) {
    this.store = store;
  }

  static Fuel of(Store store) {
    return BY_STORE.computeIfAbsent(store, Fuel::new);
  }

  /**
   * The slow path of a poll. Generated code keeps the countdown in a local ({@code budget}, already decremented
   * past zero) and writes it here only around calls and returns; this charges what was used and returns the
   * new countdown.
   */
  long poll(long localBudget) {
    budget = localBudget;
    allotted = budget = store.safepoint(allotted - budget);
    return budget;
  }
}
