package dev.isola.runtime;

import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.WasmModule;

/**
 * A validated module with its prepared code: immutable, shared by every instance of it in every store
 * ("compile once, instantiate many").
 */
public final class Module {
  private final Engine engine;
  private final WasmModule model;
  private final ModuleCode code;
  private final int[] typeIds;

  Module(Engine engine, WasmModule model, ModuleCode code) {
    this.engine = engine;
    this.model = model;
    this.code = code;
    this.typeIds = model.types().stream().mapToInt(engine::typeId).toArray();
  }

  public Engine engine() {
    return engine;
  }

  public WasmModule model() {
    return model;
  }

  /** The tier's prepared code for this module. */
  public ModuleCode code() {
    return code;
  }

  /** The module's name from its name section, if any (used in traps' stack traces). */
  public String name() {
    NameSection names = model.names();
    return names == null ? null : names.moduleName().orElse(null);
  }

  /** The canonical id of the type at {@code typeIndex}, shared by all instances. */
  int typeId(int typeIndex) {
    return typeIds[typeIndex];
  }
}
