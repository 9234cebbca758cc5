package dev.isola.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.wasm.OpCode;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzer's tail-call rewrite turns exactly the calls in tail position with the caller's results. */
class TailCallRewriteTest {
  private static final String WAT = """
      (module
        (type $t (func (param i32) (result i32)))
        (table 1 funcref)
        (func $f (param i32) (result i32) (local.get 0))
        (func $g (param i32) (result i64) (i64.const 1))
        (func (param i32) (result i32)
          (if (local.get 0) (then (return (call $f (local.get 0)))))   ;; call; return: rewritten
          (drop (call $g (local.get 0)))                             ;; not in tail position
          (call_indirect (type $t) (local.get 0) (i32.const 0)))     ;; call_indirect; end: rewritten
        (func (param i32) (result i64)
          (drop (call $f (local.get 0)))
          (call $g (local.get 0)))                                   ;; call; end: rewritten
        (func (param i32) (result i32)
          (i32.add (call $f (local.get 0)) (i32.const 1))))          ;; the call's result is used: kept
      """;

  @Test
  void rewritesOnlyCallsInTailPositionWithTheCallersResults() {
    byte[] wasm = ModuleEncoder.encode(TextParser.parseModule(WAT));
    TailCallRewrite.Result r = TailCallRewrite.apply(wasm);
    assertEquals(3, r.rewritten());
    var code = ModuleDecoder.decode(r.wasm(), TailCallRewrite.FEATURES).code();
    assertEquals(List.of(0, 0, 2, 1, 0), code.stream().map(body -> tailCalls(body.instructions())).toList());
  }

  @Test
  void aModuleWithoutTailPositionsIsLeftAsItIs() {
    byte[] wasm = ModuleEncoder.encode(TextParser.parseModule(
        "(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))"));
    TailCallRewrite.Result r = TailCallRewrite.apply(wasm);
    assertEquals(0, r.rewritten());
    assertArrayEquals(wasm, r.wasm());
  }

  private static int tailCalls(List<dev.isola.wasm.Instruction> code) {
    return (int) code.stream().filter(in -> in.opcode() == OpCode.RETURN_CALL
        || in.opcode() == OpCode.RETURN_CALL_INDIRECT).count();
  }
}
