package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.wasm.Feature;
import dev.isola.wasm.text.TextParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Memory instructions with a memory index other than 0 (multi-memory): memory 0 stays the cached fast path. */
class MultiMemoryTest {
  private static final String WAT = """
      (module
        (memory $a 1)
        (memory $b 1 3)
        (func (export "roundtrip") (param i32) (result i32)
          (i32.store $b (i32.const 8) (local.get 0))
          (i32.store $a (i32.const 8) (i32.const -1))
          (i32.load $b (i32.const 8)))
        (func (export "grow_b") (result i32)
          (drop (memory.grow $b (i32.const 1)))
          (i32.store $b (i32.const 70000) (i32.const 5))
          (i32.add (memory.size $b) (i32.load $b (i32.const 70000))))
        (func (export "copy") (result i32)
          (i32.store $a (i32.const 0) (i32.const 1234))
          (memory.copy $b $a (i32.const 100) (i32.const 0) (i32.const 4))
          (i32.load $b (i32.const 100)))
        (func (export "oob_b") (i32.store $b (i32.const 131070) (i32.const 1))))
      """;

  private static Instance instance() {
    Set<Feature> features = Set.of(Feature.MULTI_MEMORY);
    Engine engine = Engine.of(EngineConfig.of(new Compiler()).withFeatures(features));
    return new Store(engine).instantiate(engine.compile(TextParser.parseModule(WAT, features)), new Imports());
  }

  @Test
  void accessesTheNamedMemory() {
    Instance i = instance();
    assertEquals(42, i.function("roundtrip").call(Value.i32(42))[0].asInt());
    assertEquals(2 + 5, i.function("grow_b").call()[0].asInt());
    assertEquals(1234, i.function("copy").call()[0].asInt());
    // Memory $b has two pages now: a 4-byte store at 131070 straddles its end.
    Trap t = assertThrows(Trap.class, () -> i.function("oob_b").call());
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
  }
}
