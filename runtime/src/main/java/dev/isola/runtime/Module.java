package dev.isola.runtime;

import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;

/**
 * A validated module with its prepared code: immutable, shared by every instance of it in every store
 * ("compile once, instantiate many").
 */
public final class Module {
  public Engine engine() { throw new UnsupportedOperationException("runtime"); }

  public WasmModule model() { throw new UnsupportedOperationException("runtime"); }

  /** The tier's prepared code for this module. */
  public ModuleCode code() { throw new UnsupportedOperationException("runtime"); }

  /** The module's name from its name section, if any (used in traps' stack traces). */
  public String name() { throw new UnsupportedOperationException("runtime"); }
}
