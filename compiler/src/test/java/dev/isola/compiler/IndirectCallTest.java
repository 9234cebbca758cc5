package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import org.junit.jupiter.api.Test;

/**
 * {@code call_indirect} takes a direct path (a switch on the function index) when the table holds a function of
 * the calling instance, and the general path for everything else: both must give the same results and traps.
 */
class IndirectCallTest {
  static final String LIB = """
      (module
        (func (export "triple") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3))))
      """;

  /** Slots 0-1: own functions; 2: the other instance's; 3: own, of another type; 4: empty. */
  static final String MAIN = """
      (module
        (type $t (func (param i32) (result i32)))
        (import "lib" "triple" (func $triple (type $t)))
        (table (export "table") 5 funcref)
        (elem (i32.const 0) $inc $dbl $triple $other)
        (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
        (func $dbl (type $t) (i32.shl (local.get 0) (i32.const 1)))
        (func $other (param i64) (result i64) (local.get 0))
        (func (export "call") (param $slot i32) (param $x i32) (result i32)
          (call_indirect (type $t) (local.get $x) (local.get $slot)))
        (func (export "swap") (table.set (i32.const 0) (ref.func $dbl)))
        (func (export "sum") (param $n i32) (result i32)
          (local $i i32) (local $acc i32)
          (loop $l
            (local.set $acc (call_indirect (type $t) (local.get $acc) (i32.rem_u (local.get $i) (i32.const 3))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
          (local.get $acc)))
      """;

  private static Instance main(Engine engine) {
    Store store = new Store(engine);
    Instance lib = store.instantiate(Tiers.compile(engine, LIB), new Imports());
    return store.instantiate(Tiers.compile(engine, MAIN), new Imports().defineInstance("lib", lib));
  }

  private static int call(Instance i, int slot, int x) {
    return i.function("call").call(Value.i32(slot), Value.i32(x))[0].asInt();
  }

  @Test
  void ownAndForeignTargetsGiveTheSameResultsAsTheInterpreter() {
    Instance compiled = main(Tiers.compiled());
    Instance interp = main(Tiers.interp());
    for (int slot = 0; slot < 3; slot++) {
      assertEquals(call(interp, slot, 7), call(compiled, slot, 7), "slot " + slot);
    }
    assertEquals(8, call(compiled, 0, 7));
    assertEquals(14, call(compiled, 1, 7));
    assertEquals(21, call(compiled, 2, 7));
    int n = 100_000;
    assertEquals(interp.function("sum").call(Value.i32(n))[0].asInt(),
        compiled.function("sum").call(Value.i32(n))[0].asInt());
  }

  @Test
  void aSlotChangedAtRunTimeCallsItsNewFunction() {
    Instance compiled = main(Tiers.compiled());
    assertEquals(8, call(compiled, 0, 7));
    compiled.function("swap").call();
    assertEquals(14, call(compiled, 0, 7));
  }

  @Test
  void wrongTypeEmptySlotAndOutOfRangeTrapAsOnTheGeneralPath() {
    Instance compiled = main(Tiers.compiled());
    assertEquals(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, assertThrows(Trap.class, () -> call(compiled, 3, 1)).kind());
    assertEquals(TrapKind.UNINITIALIZED_ELEMENT, assertThrows(Trap.class, () -> call(compiled, 4, 1)).kind());
    assertEquals(TrapKind.UNDEFINED_ELEMENT, assertThrows(Trap.class, () -> call(compiled, 5, 1)).kind());
    assertEquals(TrapKind.UNDEFINED_ELEMENT, assertThrows(Trap.class, () -> call(compiled, -1, 1)).kind());
  }
}
