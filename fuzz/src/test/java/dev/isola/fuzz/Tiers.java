package dev.isola.fuzz;

import dev.isola.compiler.Compiler;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Store;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.text.TextParser;
import java.util.Arrays;
import java.util.List;

/**
 * The tiers compared: the interpreter is the oracle, the compiler the candidate. {@code -Dfuzz.tiers=a,b}
 * overrides (names: interp, compiled, perturbed-result, perturbed-memory, perturbed-nan-sign). Left empty, the candidate is the
 * compiler as soon as it runs a small module; until then the interpreter is compared with itself, which keeps
 * the harness exercised and says so in the summary.
 */
record Tiers(String oracle, String candidate) {
  static Tiers configured() {
    String value = System.getProperty("fuzz.tiers", "");
    if (!value.isBlank()) {
      List<String> names = Arrays.stream(value.split(",")).map(String::trim).toList();
      if (names.size() != 2) {
        throw new IllegalArgumentException("-Dfuzz.tiers needs two tiers, oracle first: " + value);
      }
      return new Tiers(names.get(0), names.get(1));
    }
    return new Tiers("interp", compilerRuns() ? "compiled" : "interp");
  }

  static ExecutionTier named(String name) {
    return switch (name) {
      case "interp" -> new Interpreter();
      case "compiled" -> new Compiler();
      case "perturbed-result" -> new PerturbedTier(PerturbedTier.Fault.RESULT);
      case "perturbed-memory" -> new PerturbedTier(PerturbedTier.Fault.MEMORY);
      case "perturbed-nan-sign" -> new PerturbedTier(PerturbedTier.Fault.NAN_SIGN);
      default -> throw new IllegalArgumentException("unknown tier " + name
          + " (interp, compiled, perturbed-result, perturbed-memory, perturbed-nan-sign)");
    };
  }

  /** Whether the compiler tier compiles and runs a small module with memory, a loop and a call. */
  static boolean compilerRuns() {
    try {
      var engine = Engine.of(EngineConfig.of(new Compiler()));
      var module = engine.compile(TextParser.parseModule("""
          (module (memory 1)
            (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
            (func (export "f") (result i32) (local i32)
              (loop (local.set 0 (i32.add (local.get 0) (i32.const 1)))
                (br_if 0 (i32.lt_u (local.get 0) (i32.const 5))))
              (i32.store (i32.const 8) (call $sq (local.get 0)))
              (i32.load (i32.const 8))))"""));
      var instance = new Store(engine).instantiate(module, new Imports());
      return instance.function("f").call()[0].asInt() == 25;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return oracle + " vs " + candidate;
  }
}
