package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Value;
import org.junit.jupiter.api.Test;

/**
 * A function too large for HotSpot's JIT is split: regions become methods of their own, every method stays
 * under 8,000 bytes, and the results (locals written in regions, branches out of them, returns from inside,
 * fuel) are the interpreter's.
 */
class SplittingTest {
  /**
   * One large function: 30 blocks, each a loop over locals of every type with four rounds of work, branching
   * out and returning from inside.
   */
  static String wat() {
    StringBuilder b = new StringBuilder("""
        (module (memory 1)
          (func (export "big") (param $n i32) (result i32 i64)
            (local $i i32) (local $a i32) (local $x i64) (local $f f64) (local $r externref)
            (block $exit
        """);
    for (int k = 0; k < 30; k++) {
      b.append("""
              (block $b%1$d
                (local.set $i (i32.const 0))
                (loop $l%1$d
                  %3$s
                  (br_if $exit (i32.eq (local.get $a) (i32.const -7)))
                  (if (i32.eq (local.get $n) (i32.const %1$d))
                    (then (return (i32.const %1$d) (i64.add (local.get $x) (i64.trunc_f64_s (local.get $f))))))
                  (br_if $b%1$d (i32.gt_u (local.get $i) (i32.const 5)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l%1$d)))
          """.formatted(k, 4 * k, ROUND.formatted(k, 4 * k).repeat(4)));
    }
    b.append("""
            )
            (i32.add (local.get $a) (i32.load (i32.const 12)))
            (local.get $x)))
        """);
    return b.toString();
  }

  private static final String ROUND = """
                  (local.set $a (i32.add (local.get $a) (i32.mul (local.get $i) (i32.const %1$d))))
                  (local.set $x (i64.xor (local.get $x) (i64.extend_i32_u (local.get $a))))
                  (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $i))))
                  (i32.store (i32.const %2$d) (i32.add (i32.load (i32.const %2$d)) (local.get $a)))
      """;

  private static Value[] run(Engine engine, int n, long[] fuelUsed) {
    Module module = Tiers.compile(engine, wat());
    Store store = new Store(engine);
    Instance instance = store.instantiate(module, new Imports());
    store.setFuel(1_000_000_000L);
    Value[] r = instance.function("big").call(Value.i32(n));
    fuelUsed[0] = 1_000_000_000L - store.fuel();
    return r;
  }

  @Test
  void largeFunctionIsSplitUnderTheLimitAndAgreesWithTheInterpreter() {
    Engine compiled = Tiers.compiled();
    CompileReport report = ((CompiledModule) Tiers.compile(compiled, wat()).code()).report();
    assertEquals(java.util.List.of(), report.hugeMethods(), report.summary());
    assertTrue(report.methods().stream().anyMatch(m -> m.name().startsWith("r0_")), report.summary());
    for (int n : new int[] {-1, 0, 3, 17, 29}) {
      long[] fuelA = new long[1];
      long[] fuelB = new long[1];
      Value[] a = run(Tiers.interp(), n, fuelA);
      Value[] b = run(compiled, n, fuelB);
      assertEquals(java.util.List.of(a), java.util.List.of(b), "n = " + n);
      assertEquals(fuelA[0], fuelB[0], "fuel, n = " + n);
    }
  }

  /**
   * Many memory accesses in a function whose bytecode is far under 8,000 bytes: each inlines a VarHandle access
   * into the method C2 compiles, so the splitter counts them too (ModuleCompilation.ACCESS_COST) and outlines
   * regions; before, such a function stayed one method and C2 gave up inlining part of its accesses.
   */
  static String accessHeavyWat() {
    StringBuilder b = new StringBuilder("""
        (module (memory 1)
          (func (export "sum") (param $n i32) (result f64)
            (local $i i32)
            (loop $l
        """);
    for (int k = 0; k < 60; k++) {
      b.append("""
              (f64.store (i32.const %1$d)
                (f64.add (f64.load (i32.const %1$d))
                  (f64.mul (f64.load (i32.const %2$d)) (f64.convert_i32_s (i32.add (local.get $i) (i32.const %3$d))))))
          """.formatted(8 * k, 8 * k + 8, k));
    }
    b.append("""
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
            (f64.load (i32.const 0))))
        """);
    return b.toString();
  }

  @Test
  void functionWithManyMemoryAccessesIsSplitThoughItsBytecodeIsSmall() {
    Engine compiled = Tiers.compiled();
    CompileReport report = ((CompiledModule) Tiers.compile(compiled, accessHeavyWat()).code()).report();
    int total = report.methods().stream().filter(m -> m.functionIndex() == 0)
        .mapToInt(CompileReport.Method::bytecodeSize).sum();
    assertTrue(total < CompileReport.HUGE_METHOD_LIMIT / 2, report.summary());
    assertTrue(report.methods().stream().anyMatch(m -> m.name().startsWith("r0_")), report.summary());
    for (int n : new int[] {1, 5}) {
      assertEquals(callSum(Tiers.interp(), n), callSum(compiled, n), "n = " + n);
    }
  }

  private static Value callSum(Engine engine, int n) {
    Instance instance = new Store(engine).instantiate(Tiers.compile(engine, accessHeavyWat()), new Imports());
    return instance.function("sum").call(Value.i32(n))[0];
  }
}
