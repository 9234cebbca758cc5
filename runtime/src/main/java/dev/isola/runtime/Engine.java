package dev.isola.runtime;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.validate.Validator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

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
  private final EngineConfig config;
  /** Structurally equal types share one id; ids are dense from 0 and never reused. */
  private final ConcurrentMap<FuncType, Integer> typeIds = new ConcurrentHashMap<>();
  private final AtomicInteger nextTypeId = new AtomicInteger();

  private Engine(EngineConfig config) {
    this.config = config;
  }

  public static Engine of(EngineConfig config) {
    return new Engine(Objects.requireNonNull(config, "config"));
  }

  public EngineConfig config() {
    return config;
  }

  /**
   * Decodes, validates and prepares {@code bytes}.
   *
   * @throws dev.isola.wasm.binary.MalformedModuleException if not well formed
   * @throws dev.isola.wasm.validate.InvalidModuleException if not valid
   */
  public Module compile(byte[] bytes) {
    return compile(ModuleDecoder.decode(bytes, config.features()));
  }

  /** Validates and prepares an already decoded module. */
  public Module compile(WasmModule module) {
    Validator.validate(module, config.features());
    return new Module(this, module, config.tier().prepare(module, this));
  }

  /** The canonical id of a function type: equal types have equal ids, for this engine's lifetime. */
  public int typeId(FuncType type) {
    // computeIfAbsent runs the function at most once per key, so each new type takes exactly one id.
    return typeIds.computeIfAbsent(type, t -> nextTypeId.getAndIncrement());
  }
}
