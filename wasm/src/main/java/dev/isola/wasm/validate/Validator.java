package dev.isola.wasm.validate;

import dev.isola.wasm.Feature;
import dev.isola.wasm.WasmModule;
import java.util.Set;

/** Validates a decoded module against the WebAssembly 2.0 spec (and the proposals in {@code features}). */
public final class Validator {
  private Validator() {}

  /** @throws InvalidModuleException with the spec's reason, the place and the byte offset */
  public static void validate(WasmModule module, Set<Feature> features) {
    new ModuleValidator(module, Set.copyOf(features)).validate();
  }
}
