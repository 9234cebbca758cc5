package dev.isola.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.compiler.Compiler;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regions outlined inside outlined regions (the splitter's recursion): locals, branches out across two method
 * levels, returns from the innermost level, fuel and trap frames are the interpreter's.
 */
class NestedRegionTest {
  static String wat() {
    StringBuilder b = new StringBuilder("""
        (module (memory 1)
          (func (export "run") (param $n i32) (result i32)
            (local $i i32) (local $a i32) (local $x i64)
            (block $exit
        """);
    String glue = "(local.set $a (i32.add (local.get $a) (i32.const 3)))"
        + "(local.set $x (i64.add (local.get $x) (i64.extend_i32_u (local.get $a))))";
    for (int k = 0; k < 6; k++) {
      b.append("""
              (block $g%1$d
                %2$s
                (block $b%1$d
                  (local.set $i (i32.const 0))
                  (loop $l%1$d
                    %2$s
                    (if (i32.eq (local.get $n) (i32.const 99)) (then unreachable))
                    (br_if $exit (i32.eq (local.get $n) (i32.add (i32.const 20) (i32.const %1$d))))
                    (br_if $g%1$d (i32.eq (local.get $n) (i32.add (i32.const 30) (i32.const %1$d))))
                    (if (i32.eq (local.get $n) (i32.const %1$d))
                      (then (return (i32.add (local.get $a) (i32.wrap_i64 (local.get $x))))))
                    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (local.get $a)))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $l%1$d (i32.lt_u (local.get $i) (i32.const 3)))))
                %2$s)
          """.formatted(k, glue.repeat(3)));
    }
    // An if with a result around a typed block that branches to itself with a value: outlined too, the
    // condition going in and the result coming back through the frame.
    b.append("""
              (local.set $a (i32.add (local.get $a)
                (if (result i32) (i32.gt_s (local.get $n) (i32.const 40))
                  (then (block $t (result i32)
                    %1$s
                    (drop (br_if $t (i32.const 5) (i32.eq (local.get $n) (i32.const 41))))
                    %1$s
                    (local.get $a)))
                  (else %1$s (i32.const 2)))))
        """.formatted(glue.repeat(3)));
    b.append("""
            )
            (i32.add (local.get $a) (i32.load (i32.const 8)))))
        """);
    return b.toString();
  }

  private static WasmModule model() {
    return ModuleDecoder.decode(ModuleEncoder.encode(TextParser.parseModule(wat())));
  }

  /** The compiler's class for the module, with the function split by {@code plan}. */
  private static Engine withPlan(OutlinePlan plan) {
    ExecutionTier tier = new ExecutionTier() {
      @Override
      public String name() {
        return "compiled-with-plan";
      }

      @Override
      public ModuleCode prepare(WasmModule module, Engine engine) {
        byte[] bytes = ModuleCompilation.emit(module, true, -1, Map.of(0, plan));
        return Compiler.load(module, engine, Map.of(ModuleCompilation.CLASS_NAME, bytes));
      }
    };
    return Engine.of(EngineConfig.of(tier));
  }

  private static String outcome(Engine engine, int n, long fuel) {
    Store store = new Store(engine);
    Instance instance = store.instantiate(engine.compile(model()), new Imports());
    store.setFuel(fuel);
    try {
      return Arrays.toString(instance.function("run").call(Value.i32(n))) + " fuel " + store.fuel();
    } catch (Trap t) {
      return t.getMessage() + " " + t.wasmStackTrace() + " fuel " + store.fuel();
    }
  }

  /** Both ways of keeping the locals: copied into each region's method, or in the frame (OutlinePlan#framed). */
  @ParameterizedTest(name = "framed {0}")
  @ValueSource(booleans = {false, true})
  void nestedRegionsAgreeWithTheInterpreter(boolean framed) {
    WasmModule m = model();
    OutlinePlan plan = OutlinePlan.of(m, m.code().getFirst().instructions(), 40, true, framed);
    var r = plan.regions();
    boolean nested = r.entrySet().stream().anyMatch(a -> r.entrySet().stream()
        .anyMatch(b -> a.getKey() < b.getKey() && b.getValue() < a.getValue()));
    assertTrue(nested, "expected regions inside regions: " + r);
    var code = m.code().getFirst().instructions();
    assertTrue(r.keySet().stream().anyMatch(k -> code.get(k).opcode() == dev.isola.wasm.OpCode.IF),
        "expected an outlined if: " + r);
    Engine interp = Engine.of(EngineConfig.of(new Interpreter()));
    Engine compiled = withPlan(plan);
    for (int n : new int[] {0, 3, 5, 7, 20, 23, 25, 30, 32, 35, 41, 45, 99}) {
      assertEquals(outcome(interp, n, 1_000_000), outcome(compiled, n, 1_000_000), "n " + n);
    }
    for (long fuel = 0; fuel < 600; fuel += 37) {
      // Offsets aside: where an out-of-fuel trap at function entry is placed differs between tiers (the
      // interpreter names its first lowered instruction).
      assertEquals(outcome(interp, 7, fuel).replaceAll(" @0x[0-9a-f]+", ""),
          outcome(compiled, 7, fuel).replaceAll(" @0x[0-9a-f]+", ""), "fuel " + fuel);
    }
    Trap t = assertThrows(Trap.class, () -> new Store(compiled).instantiate(compiled.compile(m), new Imports())
        .function("run").call(Value.i32(99)));
    assertEquals(1, t.wasmStackTrace().size(), t.wasmStackTrace().toString());
    assertTrue(t.wasmStackTrace().getFirst().offset() > 0, t.wasmStackTrace().toString());
  }
}
