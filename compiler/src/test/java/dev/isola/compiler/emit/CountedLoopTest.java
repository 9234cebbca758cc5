package dev.isola.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.text.TextParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which loops {@link CountedLoop} takes: clang's rotated {@code for} loops, and nothing that could exit early. */
class CountedLoopTest {
  /** The counted-loop match of each loop of function 0 of a module whose function body is {@code body}. */
  private static List<Optional<CountedLoop>> loops(String locals, String body) {
    var module = TextParser.parseModule("(module (memory 1) (func $f (param $n i32) " + locals + " " + body
        + ") (func $g))");
    List<Instruction> code = module.code().getFirst().instructions();
    List<Optional<CountedLoop>> out = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      if (code.get(i).opcode() == OpCode.LOOP) {
        out.add(CountedLoop.at(code, i));
      }
    }
    return out;
  }

  private static Optional<CountedLoop> only(String locals, String body) {
    List<Optional<CountedLoop>> all = loops(locals, body);
    assertEquals(1, all.size());
    return all.getFirst();
  }

  @Test
  void takesTheRotatedForLoopShapes() {
    CountedLoop a = only("(local $i i32)", """
        (loop $l (i32.store (local.get $i) (i32.const 0))
          (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $n))))""")
        .orElseThrow();
    assertEquals(LoopTrips.LT_U, a.kind());
    assertEquals(1, a.variable());
    assertEquals(4, a.step());
    assertTrue(a.boundIsLocal() && a.bound() == 0 && !a.wide());

    CountedLoop matmul = only("(local $i i32)", """
        (loop $l (br_if $l (i32.ne (i32.const 64) (local.tee $i (i32.add (local.get $i) (i32.const 2))))))""")
        .orElseThrow();
    assertEquals(LoopTrips.NE, matmul.kind());
    assertTrue(!matmul.boundIsLocal() && matmul.bound() == 64);

    CountedLoop sieve = only("(local $j i64) (local $s i64) (local $b i64)", """
        (loop $l (i32.store8 (i32.wrap_i64 (local.get $j)) (i32.const 1))
          (br_if $l (i64.le_u (local.tee $j (i64.add (local.get $j) (local.get $s))) (local.get $b))))""")
        .orElseThrow();
    assertEquals(LoopTrips.LE_U, sieve.kind());
    assertTrue(sieve.wide() && sieve.stepIsLocal() && sieve.step() == 2);

    CountedLoop setGet = only("(local $i i32)", """
        (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.le_s (local.get $i) (local.get $n))))""").orElseThrow();
    assertEquals(LoopTrips.LE_S, setGet.kind());

    CountedLoop boundFirst = only("(local $i i64)", """
        (loop $l (br_if $l (i64.ge_u (i64.const 9) (local.tee $i (i64.add (local.get $i) (i64.const 1))))))""")
        .orElseThrow();
    assertEquals(LoopTrips.LE_U, boundFirst.kind());
  }

  @Test
  void refusesLoopsThatCouldLeaveOrLoopOtherwise() {
    String tail = "(br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))";
    assertTrue(only("(local $i i32)", "(loop $l (call $g) " + tail + ")").isEmpty(), "a call polls");
    assertTrue(only("(local $i i32)", "(block $out (loop $l (br_if $out (local.get $i)) " + tail + "))").isEmpty(),
        "a break out");
    assertTrue(only("(local $i i32)", "(loop $l (br_if $l (local.get $i)) " + tail + ")").isEmpty(),
        "a second back-edge");
    assertTrue(only("(local $i i32)", "(loop $l (if (local.get $i) (then (return))) " + tail + ")").isEmpty(),
        "a return");
    assertTrue(only("(local $i i32)", "(loop $l (local.set $i (i32.const 7)) " + tail + ")").isEmpty(),
        "another write to the variable");
    assertTrue(only("(local $i i32)", "(loop $l (local.set $n (i32.const 7)) " + tail + ")").isEmpty(),
        "a write to the bound");
    assertTrue(only("(local $i i32)", "(loop $l (drop (memory.grow (i32.const 0))) " + tail + ")").isEmpty(),
        "memory.grow");
    assertTrue(only("(local $i i32)", "(loop $l (memory.fill (i32.const 0) (i32.const 0) (i32.const 9)) " + tail
        + ")").isEmpty(), "a bulk operation polls");
    assertTrue(only("(local $i i32)", """
        (loop $l (br_if $l (i32.gt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))""")
        .isEmpty(), "v > bound counts down to a wrap");
    assertTrue(only("(local $i i32)", """
        (loop $l (br_if $l (i32.lt_u (local.tee $i (i32.sub (local.get $i) (i32.const 1))) (local.get $n))))""")
        .isEmpty(), "a decrement");
    List<Optional<CountedLoop>> nested = loops("(local $i i32) (local $k i32)", "(loop $l (loop $m "
        + "(br_if $m (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $n)))) "
        + tail + ")");
    assertTrue(nested.get(0).isEmpty(), "an outer loop");
    assertTrue(nested.get(1).isPresent(), "its inner loop");
  }
}
