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
   * Tail calls ({@code TailCalls}): a self call, a mutual pair through a table and a chain into a function that
   * loops, so that fuel runs out in a bounced body, at a callee's entry and in a loop reached by a tail call.
   */
  static final String TAIL = """
      (module
        (type $step (func (param i32 i32) (result i32)))
        (table 2 funcref)
        (elem (i32.const 0) $ping $pong)
        (func $ping (type $step)
          (if (result i32) (i32.eqz (local.get 0))
            (then (local.get 1))
            (else (return_call_indirect (type $step) (i32.sub (local.get 0) (i32.const 1))
                    (i32.add (local.get 1) (i32.const 3)) (i32.const 1)))))
        (func $pong (type $step)
          (return_call $ping (local.get 0) (i32.mul (local.get 1) (i32.const 5))))
        (func $sum (param $n i32) (param $acc i32) (result i32)
          (if (result i32) (i32.eqz (local.get $n))
            (then (local.get $acc))
            (else (return_call $sum (i32.sub (local.get $n) (i32.const 1)) (i32.add (local.get $acc) (local.get $n))))))
        (func $spin (param $n i32) (param $acc i32) (result i32)
          (loop $l
            (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $n) (local.get $n))))
            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
            (br_if $l (i32.gt_s (local.get $n) (i32.const 0))))
          (return_call $sum (i32.const 3) (local.get $acc)))
        (func (export "work") (param $n i32) (result i32)
          (return_call $spin (local.get $n)
            (i32.add (call $ping (local.get $n) (i32.const 1)) (call $sum (local.get $n) (i32.const 0))))))
      """;

  @Test
  void tailCallsChargeTheSameFuelForEveryBudget() {
    sameForALongRun(TAIL, 20_000);
    sameForEveryBudget(TAIL, 12, 600, 1, 100);
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

  /**
   * Counted loops ({@code CountedLoop}), whose header polls are paid in advance in chunks: each shape the
   * compiler recognises (i32 and i64; ne, lt, le, signed and unsigned; the bound first or last; a constant or a
   * local step; tee or set-and-get; across the top of the signed range); one whose trip count is unknown
   * ({@code !=} stepping over its bound), which polls every iteration and ends part-way by a trap when its
   * variable leaves memory; and a do-while that runs once. Every budget, so that chunks start with the countdown
   * below one header's weight, run out of fuel, and end between chunks.
   */
  static final String COUNTED = """
      (module
        (memory 1)
        (func (export "work") (param $n i32) (result i32)
          (local $i i32) (local $j i64) (local $step i32) (local $acc i32) (local $bound i32) (local $wb i64)
          (local.set $step (i32.const 3))
          (local.set $bound (i32.add (local.get $n) (i32.const 40)))
          ;; i32 lt_u, tee, constant step
          (local.set $i (i32.const 0))
          (loop $a
            (local.set $acc (i32.add (local.get $acc) (local.get $i)))
            (br_if $a (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $bound))))
          ;; i32 ne, the bound first, step 2 (matmul's shape)
          (local.set $i (i32.const 0))
          (loop $b
            (i32.store (i32.and (local.get $i) (i32.const 1020)) (local.get $acc))
            (br_if $b (i32.ne (i32.const 64) (local.tee $i (i32.add (local.get $i) (i32.const 2))))))
          ;; i32 le_s, set then get, local step, negative start
          (local.set $i (i32.const -50))
          (loop $c
            (local.set $acc (i32.xor (local.get $acc) (i32.mul (local.get $i) (i32.const 7))))
            (local.set $i (i32.add (local.get $i) (local.get $step)))
            (br_if $c (i32.le_s (local.get $i) (local.get $n))))
          ;; i64 le_u, local step (sieve's shape)
          (local.set $wb (i64.extend_i32_u (local.get $bound)))
          (local.set $j (i64.const 4))
          (loop $d
            (i32.store8 (i32.wrap_i64 (local.get $j)) (i32.const 1))
            (br_if $d (i64.le_u (local.tee $j (i64.add (local.get $j) (i64.extend_i32_u (i32.const 5))))
                                (local.get $wb))))
          ;; i64 gt_s with the bound first
          (local.set $j (i64.const -10))
          (loop $e
            (local.set $acc (i32.add (local.get $acc) (i32.wrap_i64 (local.get $j))))
            (br_if $e (i64.gt_s (local.get $wb) (local.tee $j (i64.add (local.get $j) (i64.const 1))))))
          ;; i32 lt_u across 2^31: the prepaid copy stops at the top of the signed range, the rest runs as written
          (local.set $i (i32.const 0x7fffffe0))
          (loop $h
            (local.set $acc (i32.add (local.get $acc) (i32.const 3)))
            (br_if $h (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 0x80000020))))
          ;; i64 ne across 2^63, the bound first
          (local.set $j (i64.const 0x7ffffffffffffff0))
          (loop $k
            (local.set $acc (i32.add (local.get $acc) (i32.wrap_i64 (local.get $j))))
            (br_if $k (i64.ne (i64.const 0x8000000000000010) (local.tee $j (i64.add (local.get $j) (i64.const 2))))))
          ;; a do-while that runs once
          (local.set $i (i32.const 100))
          (loop $f
            (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
            (br_if $f (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 5))))
          ;; != stepping over its bound: unknown trip count, polls every iteration; ends when $i leaves memory
          (block $out
            (br_if $out (i32.gt_u (local.get $n) (i32.const 3)))
            (local.set $i (i32.const 1))
            (loop $g
              (local.set $acc (i32.add (local.get $acc) (i32.load8_u (i32.shl (local.get $i) (i32.const 10)))))
              (br_if $g (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 2))) (i32.const 64)))))
          (local.get $acc)))
      """;

  @Test
  void countedLoopsChargeTheSameFuelForEveryBudget() {
    sameForALongRun(COUNTED, 30_000);
    sameForEveryBudget(COUNTED, 9, 1500, 1, 100);
    sameForEveryBudget(COUNTED, 2, 1500, 3, 100);
  }
}
