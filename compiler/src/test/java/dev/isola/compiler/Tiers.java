package dev.isola.compiler;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.wasm.Feature;
import dev.isola.wasm.text.TextParser;
import java.util.Set;

/** Both tiers, for tests that compare the compiler with the interpreter (the oracle). */
final class Tiers {
  private Tiers() {}

  /** With the tail-call proposal, which both tiers implement (a module without tail calls is unaffected). */
  static Engine interp() {
    return Engine.of(EngineConfig.of(new Interpreter()).withFeatures(Set.of(Feature.TAIL_CALL)));
  }

  static Engine compiled() {
    return Engine.of(EngineConfig.of(new Compiler()).withFeatures(Set.of(Feature.TAIL_CALL)));
  }

  /**
   * Compiles {@code wat}; on the compiled tier it must not fall back to the interpreter, or a comparison with
   * the interpreter would compare it with itself and pass whatever the compiler does.
   */
  static Module compile(Engine engine, String wat) {
    Module module = compileAllowingFallback(engine, wat);
    if (module.code() instanceof CompiledModule c && c.report().interpreted()) {
      throw new AssertionError("fell back to the interpreter: " + c.report().summary());
    }
    return module;
  }

  /** Compiles {@code wat}, which may fall back to the interpreter: for tests of the fallback itself. */
  static Module compileAllowingFallback(Engine engine, String wat) {
    return engine.compile(TextParser.parseModule(wat, engine.config().features()));
  }

  static Instance instantiate(Engine engine, String wat) {
    return new Store(engine).instantiate(compile(engine, wat), new Imports());
  }
}
