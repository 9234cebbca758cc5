package dev.isola.compiler;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.wasm.text.TextParser;

/** Both tiers, for tests that compare the compiler with the interpreter (the oracle). */
final class Tiers {
  private Tiers() {}

  static Engine interp() {
    return Engine.of(EngineConfig.of(new Interpreter()));
  }

  static Engine compiled() {
    return Engine.of(EngineConfig.of(new Compiler()));
  }

  static Module compile(Engine engine, String wat) {
    return engine.compile(TextParser.parseModule(wat));
  }

  static Instance instantiate(Engine engine, String wat) {
    return new Store(engine).instantiate(compile(engine, wat), new Imports());
  }
}
