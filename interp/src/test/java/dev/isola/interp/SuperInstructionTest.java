package dev.isola.interp;

import static dev.isola.interp.TestModule.i32;
import static dev.isola.interp.TestModule.mem;
import static dev.isola.interp.TestModule.op;
import static dev.isola.interp.TestModule.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.wasm.BlockType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pre-decoder's fused instructions behave exactly as the sequences they replace. */
class SuperInstructionTest {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));

  private static Instance instantiate(TestModule m) {
    return new Store(ENGINE).instantiate(ENGINE.compile(m.build()), new Imports());
  }

  @Test
  void noFusionAcrossABranchTarget() {
    // block (result i32): 10, br_if 0 on the argument, else drop and push local 1; end; then + 3.
    // Fusing "local.get 1" with the "i32.const 3" after the label would skip the 3 on the branch path.
    TestModule m = new TestModule();
    m.func("f", type(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), List.of(),
        new Instruction(OpCode.BLOCK, new Immediate.Block(new BlockType.Value(ValType.I32))),
        i32(10), op(OpCode.LOCAL_GET, 0), op(OpCode.BR_IF, 0), op(OpCode.DROP), op(OpCode.LOCAL_GET, 1),
        op(OpCode.END),
        i32(3), op(OpCode.I32_ADD));
    Instance instance = instantiate(m);
    assertEquals(13, instance.function("f").call(Value.i32(1), Value.i32(100))[0].asInt());
    assertEquals(103, instance.function("f").call(Value.i32(0), Value.i32(100))[0].asInt());
  }

  @Test
  void setThenGetOfTheSameLocalSeesTheNewValue() {
    TestModule m = new TestModule();
    m.func("f", type(List.of(ValType.I32), List.of(ValType.I32)), List.of(),
        i32(5), op(OpCode.LOCAL_SET, 0), op(OpCode.LOCAL_GET, 0),
        i32(6), op(OpCode.LOCAL_TEE, 0), op(OpCode.LOCAL_GET, 0), op(OpCode.I32_ADD), op(OpCode.I32_ADD));
    assertEquals(17, instantiate(m).function("f").call(Value.i32(1))[0].asInt());
  }

  @Test
  void addressArithmeticWrapsBeforeTheOffsetIsAdded() {
    // (i32.load (i32.add (i32.const -4) (i32.const 8))) reads address 4; the add wraps mod 2^32.
    TestModule m = new TestModule().memory(1);
    m.func("f", type(List.of(), List.of(ValType.I32)), List.of(),
        i32(4), i32(0x0102_0304), mem(OpCode.I32_STORE, 0),
        i32(-4), i32(8), op(OpCode.I32_ADD), mem(OpCode.I32_LOAD, 0));
    assertEquals(0x0102_0304, instantiate(m).function("f").call()[0].asInt());
  }

  @Test
  void fusedLoadTrapsAtTheLoadsOffset() {
    TestModule m = new TestModule().memory(1);
    m.func("f", type(List.of(ValType.I32), List.of(ValType.I32)), List.of(),
        op(OpCode.LOCAL_GET, 0), mem(OpCode.I32_LOAD, 0));
    Instance instance = instantiate(m);
    Trap trap = assertThrows(Trap.class, () -> instance.function("f").call(Value.i32(65534)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
    assertEquals(1001, trap.wasmStackTrace().getFirst().offset());
  }

  @Test
  void compareAndBranchWithAConstant() {
    // Counts up to the constant 1000 with "i32.const 1000; i32.ne; br_if".
    TestModule m = new TestModule();
    m.func("f", type(List.of(), List.of(ValType.I32)), List.of(ValType.I32),
        new Instruction(OpCode.LOOP, new Immediate.Block(new BlockType.Empty())),
        op(OpCode.LOCAL_GET, 0), i32(1), op(OpCode.I32_ADD), op(OpCode.LOCAL_TEE, 0),
        i32(1000), op(OpCode.I32_NE), op(OpCode.BR_IF, 0),
        op(OpCode.END), op(OpCode.LOCAL_GET, 0));
    assertEquals(1000, instantiate(m).function("f").call()[0].asInt());
  }
}
