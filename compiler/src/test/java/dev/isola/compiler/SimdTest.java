package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIMD is compiled, not interpreted: v128 in signatures, locals, globals, select, block types, multi-value
 * results, calls between instances and tiers, split functions; the results are the interpreter's.
 */
class SimdTest {
  private static final String KERNEL = """
      (module (memory 1)
        (global $g (export "g") (mut v128) (v128.const i32x4 1 2 3 4))
        (table 1 funcref) (elem (i32.const 0) $scale)
        (type $vv (func (param v128) (result v128)))
        (func $scale (type $vv) (i32x4.mul (local.get 0) (i32x4.splat (i32.const 3))))
        (func (export "sum") (param $n i32) (result i32 v128)
          (local $i i32) (local $acc v128) (local $zero v128)
          (block $done
            (loop $l
              (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
              (v128.store (i32.mul (local.get $i) (i32.const 16))
                (i32x4.add (global.get $g) (i32x4.splat (local.get $i))))
              (local.set $acc (i32x4.add (local.get $acc)
                (v128.load (i32.mul (local.get $i) (i32.const 16)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
          (global.set $g (call_indirect (type $vv) (local.get $acc) (i32.const 0)))
          (i32x4.extract_lane 3 (global.get $g))
          (select (result v128) (local.get $acc) (local.get $zero) (local.get $n)))
        (func (export "blocks") (param v128 v128) (result v128)
          (local.get 0) (local.get 1)
          (block (param v128 v128) (result v128) (f32x4.add))
          (local.get 0)
          (i8x16.shuffle 31 14 13 12 11 10 9 8 7 6 5 4 3 2 1 16))
        (func (export "oob") (param i32) (v128.store offset=65520 (local.get 0) (v128.const i64x2 -1 -1)))
        (func (export "byte") (param i32) (result i32) (i32.load8_u (local.get 0))))
      """;

  private static List<Value> run(Engine engine, String export, Value... args) {
    Instance instance = Tiers.instantiate(engine, KERNEL);
    return List.of(instance.function(export).call(args));
  }

  @Test
  void kernelIsCompiledAndAgreesWithTheInterpreter() {
    Engine compiled = Tiers.compiled();
    CompileReport report = ((CompiledModule) Tiers.compile(compiled, KERNEL).code()).report();
    assertFalse(report.interpreted(), report.summary());
    for (int n : new int[] {0, 1, 7}) {
      assertEquals(run(Tiers.interp(), "sum", Value.i32(n)), run(compiled, "sum", Value.i32(n)), "n = " + n);
    }
    // 1+2+3+4 lanes over n = 2: acc lane 3 = (4+0) + (4+1) = 9, times 3.
    assertEquals(Value.i32(27), run(compiled, "sum", Value.i32(2)).getFirst());
    Value a = Value.v128(0x3F800000_40000000L, 0x40400000_40800000L);
    Value b = Value.v128(0x3F800000_3F800000L, 0x7FC00000_00000000L);
    assertEquals(run(Tiers.interp(), "blocks", a, b), run(compiled, "blocks", a, b));
  }

  @Test
  void outOfBoundsStoreTrapsAndWritesNothing() {
    Instance instance = Tiers.instantiate(Tiers.compiled(), KERNEL);
    Trap t = assertThrows(Trap.class, () -> instance.function("oob").call(Value.i32(1)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    assertEquals(List.of(Value.i32(0)), List.of(instance.function("byte").call(Value.i32(65535))));
    assertEquals(List.of(Value.i32(0)), List.of(instance.function("byte").call(Value.i32(65521))));
    instance.function("oob").call(Value.i32(0));
    assertEquals(List.of(Value.i32(255)), List.of(instance.function("byte").call(Value.i32(65535))));
  }

  private static final String CALLEE = """
      (module (func (export "twice") (param v128) (result v128 v128) (local.get 0) (i64x2.add (local.get 0) (local.get 0))))
      """;
  private static final String CALLER = """
      (module (import "m" "twice" (func $twice (param v128) (result v128 v128)))
        (func (export "go") (param i64) (result i64)
          (call $twice (i64x2.splat (local.get 0)))
          (i64x2.extract_lane 1)
          (drop)
          (i64x2.extract_lane 0)))
      """;

  /** A v128 crosses from compiled code to another instance, compiled or interpreted, and back. */
  @Test
  void v128CrossesInstancesAndTiers() {
    Engine compiled = Tiers.compiled();
    for (Engine calleeEngine : new Engine[] {compiled, Tiers.interp()}) {
      Store store = new Store(compiled);
      Instance callee = new Store(calleeEngine).instantiate(Tiers.compile(calleeEngine, CALLEE), new Imports());
      Module caller = Tiers.compile(compiled, CALLER);
      assertFalse(((CompiledModule) caller.code()).report().interpreted());
      Instance go = store.instantiate(caller, new Imports().defineInstance("m", callee));
      assertEquals(List.of(Value.i64(21)), List.of(go.function("go").call(Value.i64(21))));
    }
  }

  /** A split function keeps its v128 locals and returns a v128 from inside a region. */
  @Test
  void splitFunctionCarriesV128() {
    StringBuilder b = new StringBuilder("""
        (module
          (func (export "big") (param $n i32) (result v128)
            (local $i i32) (local $v v128)
        """);
    for (int k = 0; k < 40; k++) {
      b.append("""
              (block $b%1$d
                (local.set $i (i32.const 0))
                (loop $l%1$d
                  %2$s
                  (if (i32.eq (local.get $n) (i32.const %1$d)) (then (return (local.get $v))))
                  (br_if $b%1$d (i32.gt_u (local.get $i) (i32.const 3)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l%1$d)))
          """.formatted(k, """
                  (local.set $v (i16x8.add (local.get $v) (i16x8.splat (i32.add (local.get $i) (i32.const %d)))))
                  (local.set $v (v128.xor (local.get $v) (i8x16.swizzle (local.get $v) (v128.const i64x2 5 7))))
          """.formatted(k).repeat(4)));
    }
    b.append("(local.get $v)))");
    String wat = b.toString();
    Engine compiled = Tiers.compiled();
    CompileReport report = ((CompiledModule) Tiers.compile(compiled, wat).code()).report();
    assertFalse(report.interpreted(), report.summary());
    assertTrue(report.methods().stream().anyMatch(m -> m.name().startsWith("r0_")), report.summary());
    for (int n : new int[] {-1, 0, 11, 39}) {
      List<Value> expected = List.of(Tiers.instantiate(Tiers.interp(), wat).function("big").call(Value.i32(n)));
      assertEquals(expected, List.of(Tiers.instantiate(compiled, wat).function("big").call(Value.i32(n))));
    }
  }
}
