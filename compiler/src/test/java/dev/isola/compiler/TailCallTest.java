package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.Caller;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tail calls on the compiled tier run in constant stack ({@code TailCalls}): chains far deeper than the call
 * depth limit, direct, mutual and through tables, with every kind of argument and result, agree with the
 * interpreter, which replaces its frame.
 */
class TailCallTest {
  /** A call depth limit far below the chains' lengths: a chain that used a frame per call would trap. */
  private static final int DEPTH = 200;

  static final String WAT = """
      (module
        (type $step (func (param i64 i64) (result i64)))
        (import "env" "twice" (func $twice (param i64) (result i64)))
        (table $t 2 funcref)
        (elem (table $t) (i32.const 0) func $even $odd)
        (global $calls (mut i32) (i32.const 0))
        ;; self: a loop written as a tail call
        (func $count (export "count") (param i64 i64) (result i64)
          (if (result i64) (i64.eqz (local.get 0))
            (then (local.get 1))
            (else (return_call $count (i64.sub (local.get 0) (i64.const 1))
                                      (i64.add (local.get 1) (local.get 0))))))
        ;; mutual, through the table
        (func $even (type $step)
          (if (result i64) (i64.eqz (local.get 0))
            (then (local.get 1))
            (else (return_call_indirect $t (type $step)
                    (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 2)) (i32.const 1)))))
        (func $odd (type $step)
          (if (result i64) (i64.eqz (local.get 0))
            (then (i64.sub (i64.const 0) (local.get 1)))
            (else (return_call $even (i64.sub (local.get 0) (i64.const 1)) (i64.add (local.get 1) (i64.const 3))))))
        (func (export "even") (param i64) (result i64)
          (return_call_indirect $t (type $step) (local.get 0) (i64.const 0) (i32.const 0)))
        ;; every kind of argument, carried around a cycle of three functions
        (func $a (param $n i32) (param $x i64) (param $f f32) (param $d f64) (param $r externref) (param $v v128)
                 (result f64 i32)
          (if (result f64 i32) (i32.eqz (local.get $n))
            (then (f64.add (f64.add (local.get $d) (f64.promote_f32 (local.get $f)))
                           (f64.add (f64.convert_i64_s (local.get $x))
                                    (f64.convert_i32_s (i32x4.extract_lane 2 (local.get $v)))))
                  (ref.is_null (local.get $r)))
            (else (return_call $b (i32.sub (local.get $n) (i32.const 1)) (i64.add (local.get $x) (i64.const 7))
                                  (f32.mul (local.get $f) (f32.const 1.5)) (local.get $d) (local.get $r)
                                  (i32x4.add (local.get $v) (v128.const i32x4 1 2 3 4))))))
        (func $b (param i32 i64 f32 f64 externref v128) (result f64 i32)
          (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
          (return_call $c (local.get 0) (local.get 1) (local.get 2) (f64.sub (local.get 3) (f64.const 0.25))
                          (local.get 4) (local.get 5)))
        (func $c (param i32 i64 f32 f64 externref v128) (result f64 i32)
          (return_call $a (local.get 0) (i64.xor (local.get 1) (i64.const 5)) (f32.div (local.get 2) (f32.const 1.5))
                          (local.get 3) (local.get 4) (local.get 5)))
        (func (export "mixed") (param i32 externref) (result f64 i32)
          (call $a (local.get 0) (i64.const 1) (f32.const 2) (f64.const 3) (local.get 1) (v128.const i32x4 0 0 0 0)))
        (func (export "calls") (result i32) (global.get $calls))
        ;; a tail call to an import, and a chain that traps at its end
        (func (export "host") (param i64) (result i64) (return_call $twice (local.get 0)))
        (func $trap (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0))
            (then (i32.div_u (i32.const 1) (local.get 0)))
            (else (return_call $trap (i32.sub (local.get 0) (i32.const 1))))))
        (func (export "trap") (param i32) (result i32) (call $trap (local.get 0)))
        (func $none (export "none") (param i32)
          (if (i32.eqz (local.get 0)) (then (return)))
          (return_call $none (i32.sub (local.get 0) (i32.const 1)))))
      """;

  static long twice(Caller caller, long x) {
    return 2 * x;
  }

  private static Engine engine(ExecutionTier tier) {
    return Engine.of(EngineConfig.of(tier).withFeatures(Set.of(Feature.TAIL_CALL)).withMaxCallDepth(DEPTH));
  }

  static Stream<Engine> engines() {
    return Stream.of(engine(new Interpreter()), engine(new Compiler()),
        engine(Compiler.of(Compiler.Option.NO_POLLS)));
  }

  private static Instance instantiate(Engine engine) throws Exception {
    // Through the binary format, so that instructions have byte offsets for the trap's frames.
    var model = ModuleDecoder.decode(ModuleEncoder.encode(TextParser.parseModule(WAT, Set.of(Feature.TAIL_CALL))),
        Set.of(Feature.TAIL_CALL));
    var module = engine.compile(model);
    if (module.code() instanceof CompiledModule c && c.report().interpreted()) {
      throw new AssertionError("fell back to the interpreter: " + c.report().summary());
    }
    HostFunction twice = HostFunction.of("env", "twice", new FuncType(List.of(ValType.I64), List.of(ValType.I64)),
        MethodHandles.lookup().findStatic(TailCallTest.class, "twice",
            MethodType.methodType(long.class, Caller.class, long.class)));
    return new Store(engine).instantiate(module, new Imports().define(twice));
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aSelfTailCallRunsInConstantStack(Engine engine) throws Exception {
    Instance i = instantiate(engine);
    assertEquals(500_000_500_000L, i.function("count").call(Value.i64(1_000_000), Value.i64(0))[0].asLong());
  }

  @ParameterizedTest
  @MethodSource("engines")
  void mutualTailCallsThroughATableRunInConstantStack(Engine engine) throws Exception {
    Instance i = instantiate(engine);
    // 500,000 steps each of even (+2) and odd (+3), then even ends.
    assertEquals(2_500_000L, i.function("even").call(Value.i64(1_000_000))[0].asLong());
    assertEquals(-2_499_997L, i.function("even").call(Value.i64(999_999))[0].asLong());
  }

  @Test
  void everyKindOfArgumentArrivesAsOnTheInterpreter() throws Exception {
    for (int n : new int[] {0, 1, 2, 1000}) {
      Value[] expected = instantiate(engine(new Interpreter())).function("mixed").call(Value.i32(n),
          Value.externref("r"));
      for (Engine e : engines().skip(1).toList()) {
        Instance i = instantiate(e);
        assertEquals(Arrays.toString(expected),
            Arrays.toString(i.function("mixed").call(Value.i32(n), Value.externref("r"))), "n = " + n);
        assertEquals(n, i.function("calls").call()[0].asInt());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aTailCallToTheHostReturnsItsResult(Engine engine) throws Exception {
    assertEquals(42L, instantiate(engine).function("host").call(Value.i64(21))[0].asLong());
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aTrapAtTheEndOfAChainLeavesNothingPending(Engine engine) throws Exception {
    Instance i = instantiate(engine);
    Trap t = assertThrows(Trap.class, () -> i.function("trap").call(Value.i32(100_000)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    // The frames: the trapping body, then the caller of the chain's first function (its own frame is gone).
    assertEquals(2, t.wasmStackTrace().size());
    // The instance is still usable, and nothing of the trapped chain runs again.
    assertEquals(42L, i.function("host").call(Value.i64(21))[0].asLong());
    assertEquals(0, i.function("none").call(Value.i32(300_000)).length);
  }

  @Test
  void trapFramesMatchTheInterpreter() throws Exception {
    Trap a = assertThrows(Trap.class, () -> instantiate(engine(new Interpreter())).function("trap")
        .call(Value.i32(5)));
    Trap b = assertThrows(Trap.class, () -> instantiate(engine(new Compiler())).function("trap")
        .call(Value.i32(5)));
    assertEquals(a.wasmStackTrace().toString(), b.wasmStackTrace().toString());
  }
}
