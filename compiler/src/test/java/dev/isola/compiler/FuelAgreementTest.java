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
}
