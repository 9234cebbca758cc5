package dev.isola.interp;

import dev.isola.runtime.Engine;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;

/**
 * The interpreter tier: pre-decodes each function once into compact {@code int[]} code with resolved branch
 * targets, then runs it in one dispatch loop over a per-thread value stack.
 *
 * <pre>{@code
 * Engine engine = Engine.of(EngineConfig.of(new Interpreter()));
 * }</pre>
 */
public final class Interpreter implements ExecutionTier {
  public Interpreter() {}

  @Override
  public String name() {
    return "interp";
  }

  @Override
  public ModuleCode prepare(WasmModule module, Engine engine) {
    return new InterpretedModule(module, engine);
  }
}
