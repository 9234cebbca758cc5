package dev.isola.compiler;

import dev.isola.runtime.Engine;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;

/** The compiler tier: each Wasm function becomes JVM bytecode, shared by every instance of the module. */
public final class Compiler implements ExecutionTier {
  public Compiler() {}

  @Override
  public String name() {
    return "compiled";
  }

  @Override
  public ModuleCode prepare(WasmModule module, Engine engine) {
    throw new UnsupportedOperationException("the compiler tier is being written");
  }
}
