package dev.isola.runtime.spi;

import dev.isola.runtime.Engine;
import dev.isola.wasm.WasmModule;

/**
 * An execution tier: turns a validated module into {@link ModuleCode} once, shared by all its instances. The
 * interpreter implements it today; the compiler will too.
 */
public interface ExecutionTier {
  String name();

  /** Prepares the module's functions (pre-decoding or compiling); called once per {@code Engine.compile}. */
  ModuleCode prepare(WasmModule module, Engine engine);
}
