package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ExecutionTier;
import org.junit.jupiter.api.Test;

/** {@code call stack exhausted} at exactly {@code maxCallDepth} frames, as on the interpreter. */
class CallDepthTest {
  private static final String WAT = """
      (module
        (global $depth (export "depth") (mut i32) (i32.const 0))
        (func $rec (export "rec")
          (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
          (call $rec)))
      """;

  private static int deepest(ExecutionTier tier, int max) {
    Engine engine = Engine.of(EngineConfig.of(tier).withMaxCallDepth(max));
    Instance instance = Tiers.instantiate(engine, WAT);
    Trap t = assertThrows(Trap.class, () -> instance.function("rec").call());
    assertEquals(TrapKind.CALL_STACK_EXHAUSTED, t.kind());
    return instance.global("depth").get().asInt();
  }

  @Test
  void limitIsCountedLikeTheInterpreter() {
    assertEquals(deepest(new Interpreter(), 100), deepest(new Compiler(), 100));
    assertEquals(100, deepest(new Compiler(), 100));
  }

  @Test
  void jvmStackOverflowIsTheSameTrap() {
    // A limit the thread's stack cannot reach: the JVM's StackOverflowError becomes the trap.
    Engine engine = Engine.of(EngineConfig.of(new Compiler()).withMaxCallDepth(Integer.MAX_VALUE));
    Instance instance = Tiers.instantiate(engine, WAT);
    Trap t = assertThrows(Trap.class, () -> instance.function("rec").call());
    assertEquals(TrapKind.CALL_STACK_EXHAUSTED, t.kind());
    // The instance stays usable afterwards.
    instance.global("depth").set(Value.i32(0));
    assertEquals(0, instance.global("depth").get().asInt());
  }

  @Test
  void deepButAllowedRecursionRuns() {
    Engine engine = Engine.of(EngineConfig.of(new Compiler()).withMaxCallDepth(2000));
    Instance instance = Tiers.instantiate(engine, """
        (module (func $sum (export "sum") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
            (else (i32.add (local.get 0) (call $sum (i32.sub (local.get 0) (i32.const 1))))))))
        """);
    assertEquals(1999 * 2000 / 2, instance.function("sum").call(Value.i32(1999))[0].asInt());
  }

  @Test
  void trapsCarryTheWasmFrames() {
    Instance instance = Tiers.instantiate(Tiers.compiled(), """
        (module (memory 1)
          (func $inner (i32.store (i32.const 70000) (i32.const 1)))
          (func (export "outer") (call $inner)))
        """);
    Trap t = assertThrows(Trap.class, () -> instance.function("outer").call());
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    assertEquals(2, t.wasmStackTrace().size());
    assertEquals(0, t.wasmStackTrace().get(0).functionIndex());
    assertEquals(1, t.wasmStackTrace().get(1).functionIndex());
  }
}
