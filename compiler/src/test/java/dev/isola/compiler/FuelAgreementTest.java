package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
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

  private static Outcome run(Engine engine, long fuel, int n) {
    Module module = Tiers.compile(engine, WAT);
    Store store = new Store(engine);
    Instance instance = store.instantiate(module, new Imports());
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
    Outcome interp = run(Tiers.interp(), 1_000_000_000L, 500);
    Outcome compiled = run(Tiers.compiled(), 1_000_000_000L, 500);
    assertEquals(interp, compiled);
    assertTrue(interp.fuelLeft() < 1_000_000_000L);
  }

  @Test
  void outOfFuelAtTheSamePointForEveryBudget() {
    Engine interp = Tiers.interp();
    Engine compiled = Tiers.compiled();
    int traps = 0;
    for (long fuel = 0; fuel < 400; fuel += 7) {
      Outcome a = run(interp, fuel, 5);
      Outcome b = run(compiled, fuel, 5);
      assertEquals(a, b, "fuel " + fuel);
      if (a.trap() == TrapKind.OUT_OF_FUEL) {
        traps++;
      }
    }
    assertTrue(traps > 10, "the budgets must cover running out");
  }

  @Test
  void withoutPollsFuelIsNotCharged() {
    Engine engine = Engine.of(EngineConfig.of(Compiler.of(Compiler.Option.NO_POLLS)));
    Outcome o = run(engine, 10, 500);
    Outcome reference = run(Tiers.compiled(), 1_000_000_000L, 500);
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

  private static Outcome runRecursive(Engine engine, long fuel, int n) {
    Store store = new Store(engine);
    Instance instance = store.instantiate(Tiers.compile(engine, RECURSIVE), new Imports());
    store.setFuel(fuel);
    try {
      int r = instance.function("work").call(Value.i32(n))[0].asInt();
      return new Outcome(r, store.fuel(), null);
    } catch (Trap t) {
      return new Outcome(0, store.fuel(), t.kind());
    }
  }

  @Test
  void recursionChargesTheSameFuelForEveryBudget() {
    Engine interp = Tiers.interp();
    Engine compiled = Tiers.compiled();
    // Long enough that the countdown is refilled (Store.CHUNK) many times inside the recursion.
    Outcome full = runRecursive(interp, 1_000_000_000L, 18);
    assertEquals(full, runRecursive(compiled, 1_000_000_000L, 18));
    assertTrue(1_000_000_000L - full.fuelLeft() > 10 * dev.isola.runtime.Store.CHUNK);
    int traps = 0;
    for (long fuel = 0; fuel < 3000; fuel += 37) {
      Outcome a = runRecursive(interp, fuel, 9);
      assertEquals(a, runRecursive(compiled, fuel, 9), "fuel " + fuel);
      if (a.trap() == TrapKind.OUT_OF_FUEL) {
        traps++;
      }
    }
    assertTrue(traps > 10, "the budgets must cover running out");
  }
}
