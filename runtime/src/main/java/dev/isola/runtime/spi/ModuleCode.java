package dev.isola.runtime.spi;

import dev.isola.runtime.Instance;
import dev.isola.runtime.Value;

/**
 * A module's prepared code. The runtime calls {@link #link} once per instance (after its index spaces exist,
 * before segments are initialised and the start function runs) and {@link #invoke} to call a function of an
 * instance from outside Wasm (exports, the start function).
 */
public interface ModuleCode {
  /** Per-instance preparation, e.g. resolving imported call targets; may store state with setTierState. */
  default void link(Instance instance) {}

  /**
   * Calls function {@code functionIndex} (of the function index space, imports included) of {@code instance}
   * with arguments already checked against its type.
   */
  Value[] invoke(Instance instance, int functionIndex, Value[] args);
}
