package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import org.junit.jupiter.api.Test;

/** Fuel is charged at the same places with the same weights on both tiers, so the counts are equal. */
class FuelAgreementTest {
  /** Nested loops, a call in the inner loop, dead code after br, a br_table and an if/else. */
  static final String WAT = """
      (module
        (memory 1)
        (func $leaf (param i32) (result i32)
          (if (result i32) (i32.and (local.get 0) (i32.const 1))
            (then (i32.add (local.get 0) (i32.const 3)))
            (else (i32.sub (local.get 0) (i32.const 1)))))
        (func $work (export "work") (param $n i32) (result i32)
          (local $i i32) (local $j i32) (local $acc i32)
          (block $done
            (loop $outer
              (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
              (local.set $j (i32.const 0))
              (loop $inner
                (local.set $acc (i32.add (local.get $acc) (call $leaf (local.get $j))))
                (i32.store (i32.const 16) (local.get $acc))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br_if $inner (i32.lt_u (local.get $j) (i32.const 7))))
              (block $a (block $b
                (br_table $a $b $a (i32.rem_u (local.get $i) (i32.const 3))))
                (local.set $acc (i32.xor (local.get $acc) (i32.const 5))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $outer)
              (drop (i32.const 99))))
          (local.get $acc)))
      """;

  private record Outcome(int result, long fuelLeft, TrapKind trap) {}

  /** Runs export {@code work} of module {@code wat} with argument {@code n} and {@code fuel}. */
  private static Outcome run(Engine engine, String wat, long fuel, int n) {
    Store store = new Store(engine);
    Instance instance = store.instantiate(Tiers.compile(engine, wat), new Imports());
    store.setFuel(fuel);
    try {
      int r = instance.function("work").call(Value.i32(n))[0].asInt();
      return new Outcome(r, store.fuel(), null);
    } catch (Trap t) {
      return new Outcome(0, store.fuel(), t.kind());
    }
  }

  @Test
  void unlimitedRunChargesTheSameFuel() {
    Outcome interp = run(Tiers.interp(), WAT, 1_000_000_000L, 500);
    Outcome compiled = run(Tiers.compiled(), WAT, 1_000_000_000L, 500);
    assertEquals(interp, compiled);
    assertTrue(interp.fuelLeft() < 1_000_000_000L);
  }

  /**
   * Both tiers end {@code work(n)} the same way with the same fuel left for each budget {@code 0, step, ..} below
   * {@code limit}; more than {@code minTraps} of the budgets must run out.
   */
  private static void sameForEveryBudget(String wat, int n, long limit, long step, int minTraps) {
    Engine interp = Tiers.interp();
    Engine compiled = Tiers.compiled();
    int traps = 0;
    for (long fuel = 0; fuel < limit; fuel += step) {
      Outcome a = run(interp, wat, fuel, n);
      assertEquals(a, run(compiled, wat, fuel, n), "fuel " + fuel);
      if (a.trap() == TrapKind.OUT_OF_FUEL) {
        traps++;
      }
    }
    assertTrue(traps > minTraps, "the budgets must cover running out");
  }

  /** A run of {@code work(n)} long enough that the countdown is refilled ({@code Store.CHUNK}) many times. */
  private static void sameForALongRun(String wat, int n) {
    Outcome full = run(Tiers.interp(), wat, 1_000_000_000L, n);
    assertEquals(full, run(Tiers.compiled(), wat, 1_000_000_000L, n));
    assertTrue(1_000_000_000L - full.fuelLeft() > 10 * Store.CHUNK);
  }

  @Test
  void outOfFuelAtTheSamePointForEveryBudget() {
    sameForEveryBudget(WAT, 5, 400, 7, 10);
  }

  @Test
  void withoutPollsFuelIsNotCharged() {
    Engine engine = Engine.of(EngineConfig.of(Compiler.of(Compiler.Option.NO_POLLS)));
    Outcome o = run(engine, WAT, 10, 500);
    Outcome reference = run(Tiers.compiled(), WAT, 1_000_000_000L, 500);
    assertEquals(null, o.trap());
    assertEquals(reference.result(), o.result());
    assertEquals(10, o.fuelLeft());
  }

  @Test
  void aSafepointRequestIsSeenInALoop() {
    Engine engine = Tiers.compiled();
    Store store = new Store(engine);
    Instance instance = store.instantiate(
        Tiers.compile(engine, "(module (func (export \"spin\") (loop $l (br $l))))"), new Imports());
    int[] calls = {0};
    store.setSafepointHandler(s -> {
      if (++calls[0] == 3) {
        throw new Trap(TrapKind.INTERRUPTED);
      }
    });
    Trap t = org.junit.jupiter.api.Assertions.assertThrows(Trap.class, () -> instance.function("spin").call());
    assertEquals(TrapKind.INTERRUPTED, t.kind());
    assertEquals(3, calls[0]);
  }

  /**
   * Recursion through functions whose countdown comes back packed with the result ({@code [i32]} and {@code []}
   * results), mixed with one that returns it through memory ({@code [i64]}) and a call from the host: the
   * countdown must survive every kind of return, for every budget, including running out deep in the recursion.
   */
  static final String RECURSIVE = """
      (module
        (global $g (mut i32) (i32.const 0))
        (func $fib (param i32) (result i32)
          (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
            (then (local.get 0))
            (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                           (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
        (func $count (param i32)
          (global.set $g (i32.add (global.get $g) (i32.const 1)))
          (if (i32.gt_u (local.get 0) (i32.const 0))
            (then (call $count (i32.sub (local.get 0) (i32.const 1)))
                  (call $count (i32.shr_u (local.get 0) (i32.const 1))))))
        (func $wide (param i32) (result i64)
          (call $count (local.get 0))
          (i64.extend_i32_u (call $fib (local.get 0))))
        (func (export "work") (param $n i32) (result i32)
          (local $i i32) (local $acc i32)
          (loop $l
            (local.set $acc (i32.add (local.get $acc) (i32.wrap_i64 (call $wide (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
          (i32.add (local.get $acc) (global.get $g))))
      """;

  @Test
  void recursionChargesTheSameFuelForEveryBudget() {
    sameForALongRun(RECURSIVE, 18);
    sameForEveryBudget(RECURSIVE, 9, 3000, 37, 10);
  }

  /**
   * Loops that call nothing, whose polls' slow path is a second back-edge (FunctionEmitter.loopPoll): every
   * budget from 0 up, one unit apart, so that a poll's refill also comes back exactly 0 (fuel exhausted: the body
   * still runs, as on the interpreter), and a run long enough to refill the countdown many times.
   */
  static final String CALL_FREE = """
      (module
        (memory 1)
        (func (export "work") (param $n i32) (result i32)
          (local $i i32) (local $j i32) (local $acc i32)
          (loop $outer
            (local.set $j (i32.const 0))
            (loop $inner
              (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $j) (local.get $i))))
              (i32.store8 (local.get $j) (local.get $acc))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $inner (i32.lt_u (local.get $j) (i32.const 5))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
          (i32.add (local.get $acc) (i32.load (i32.const 0)))))
      """;

  @Test
  void callFreeLoopsChargeTheSameFuelForEveryBudget() {
    sameForALongRun(CALL_FREE, 20_000);
    sameForEveryBudget(CALL_FREE, 6, 700, 1, 100);
  }
}
