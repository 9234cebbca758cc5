package dev.isola.kernel.container;

import dev.isola.runtime.Global;
import dev.isola.runtime.Instance;
import java.util.OptionalInt;

/** The running instance's shadow-stack pointer, found by {@link dev.isola.wasm.analysis.StackPointer}'s rule. */
final class StackPointer {
  private StackPointer() {}

  /** The stack pointer global of {@code instance}, or null. */
  static Global of(Instance instance) {
    OptionalInt index = dev.isola.wasm.analysis.StackPointer.index(instance.module().model());
    return index.isPresent() ? instance.global(index.getAsInt()) : null;
  }
}
