package dev.isola.runtime;

import dev.isola.wasm.WasmModule;

/**
 * Compile time: configuration, the execution tier, and the canonical ids of function types (so that {@code
 * call_indirect} checks a type with one int comparison). Thread-safe; share one per process.
 *
 * <pre>{@code
 * Engine engine = Engine.of(EngineConfig.of(new Interpreter()));
 * Module module = engine.compile(bytes);             // decode, validate, prepare code: once
 * Store store = new Store(engine);                   // one per tenant
 * Instance instance = store.instantiate(module, new Imports());
 * instance.function("add").call(Value.i32(1), Value.i32(2));
 * }</pre>
 */
public final class Engine {
  public static Engine of(EngineConfig config) {
    throw new UnsupportedOperationException("runtime");
  }

  public EngineConfig config() { throw new UnsupportedOperationException("runtime"); }

  /**
   * Decodes, validates and prepares {@code bytes}.
   *
   * @throws dev.isola.wasm.binary.MalformedModuleException if not well formed
   * @throws dev.isola.wasm.validate.InvalidModuleException if not valid
   */
  public Module compile(byte[] bytes) { throw new UnsupportedOperationException("runtime"); }

  /** Validates and prepares an already decoded module. */
  public Module compile(WasmModule module) { throw new UnsupportedOperationException("runtime"); }

  /** The canonical id of a function type: equal types have equal ids, for this engine's lifetime. */
  public int typeId(dev.isola.wasm.FuncType type) { throw new UnsupportedOperationException("runtime"); }
}
