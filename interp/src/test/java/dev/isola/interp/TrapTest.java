package dev.isola.interp;

import static dev.isola.interp.TestModule.f32;
import static dev.isola.interp.TestModule.f64;
import static dev.isola.interp.TestModule.i32;
import static dev.isola.interp.TestModule.i64;
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
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrapTest {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));

  /** Runs a nullary function returning i32 built from {@code body} and returns the trap it throws. */
  private static Trap trapOf(ValType result, Instruction... body) {
    TestModule m = new TestModule().memory(1);
    m.func("f", type(List.of(), List.of(result)), List.of(), body);
    Instance instance = new Store(ENGINE).instantiate(ENGINE.compile(m.build()), new Imports());
    return assertThrows(Trap.class, () -> instance.function("f").call());
  }

  @Test
  void divisionTraps() {
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO,
        trapOf(ValType.I32, i32(1), i32(0), op(OpCode.I32_DIV_S)).kind());
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO,
        trapOf(ValType.I64, i64(1), i64(0), op(OpCode.I64_REM_U)).kind());
    assertEquals(TrapKind.INTEGER_OVERFLOW,
        trapOf(ValType.I32, i32(Integer.MIN_VALUE), i32(-1), op(OpCode.I32_DIV_S)).kind());
    assertEquals(TrapKind.INTEGER_OVERFLOW,
        trapOf(ValType.I64, i64(Long.MIN_VALUE), i64(-1), op(OpCode.I64_DIV_S)).kind());
  }

  @Test
  void floatToIntegerTraps() {
    assertEquals(TrapKind.INVALID_CONVERSION_TO_INTEGER,
        trapOf(ValType.I32, f32(0x7FC0_0000), op(OpCode.I32_TRUNC_F32_S)).kind());
    assertEquals(TrapKind.INTEGER_OVERFLOW,
        trapOf(ValType.I32, f64(Double.doubleToRawLongBits(2147483648.0)), op(OpCode.I32_TRUNC_F64_S)).kind());
    assertEquals(TrapKind.INTEGER_OVERFLOW,
        trapOf(ValType.I64, f64(Double.doubleToRawLongBits(-1.0)), op(OpCode.I64_TRUNC_F64_U)).kind());
  }

  @Test
  void outOfBoundsMemoryAccess() {
    // The last in-bounds i32 is at 65532; 65533 straddles the end.
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
        trapOf(ValType.I32, i32(65533), mem(OpCode.I32_LOAD, 0)).kind());
    // Unsigned address plus offset must not wrap around 2^32 into bounds.
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
        trapOf(ValType.I32, i32(-1), mem(OpCode.I32_LOAD8_U, 1)).kind());
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
        trapOf(ValType.I32, i32(0), mem(OpCode.I32_LOAD, 0xFFFF_FFFFL)).kind());
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
        trapOf(ValType.I32, i32(65535), i32(7), mem(OpCode.I32_STORE16, 0), i32(0)).kind());
  }

  @Test
  void inBoundsAtTheVeryEnd() {
    TestModule m = new TestModule().memory(1);
    m.func("f", type(List.of(), List.of(ValType.I32)), List.of(),
        i32(65532), i32(0x1234_5678), mem(OpCode.I32_STORE, 0), i32(65528), mem(OpCode.I32_LOAD, 4));
    Instance instance = new Store(ENGINE).instantiate(ENGINE.compile(m.build()), new Imports());
    assertEquals(0x1234_5678, instance.function("f").call()[0].asInt());
  }

  @Test
  void trapCarriesWasmFramesInnermostFirst() {
    TestModule m = new TestModule();
    int inner = m.func("inner", type(List.of(), List.of()), List.of(), op(OpCode.NOP), op(OpCode.UNREACHABLE));
    m.func("outer", type(List.of(), List.of()), List.of(), op(OpCode.NOP), op(OpCode.CALL, inner));
    Instance instance = new Store(ENGINE).instantiate(ENGINE.compile(m.build()), new Imports());
    Trap trap = assertThrows(Trap.class, () -> instance.function("outer").call());
    assertEquals(TrapKind.UNREACHABLE, trap.kind());
    assertEquals(List.of(new Trap.Frame("test", 0, "inner", 1001), new Trap.Frame("test", 1, "outer", 2001)),
        trap.wasmStackTrace());
  }

  @Test
  void callIndirectTraps() {
    TestModule m = new TestModule();
    int target = m.func("target", type(List.of(), List.of(ValType.I32)), List.of(), i32(7));
    m.table(target);
    int sameType = m.type(type(List.of(), List.of(ValType.I32)));
    int otherType = m.type(type(List.of(), List.of(ValType.I64)));
    m.func("ok", type(List.of(), List.of(ValType.I32)), List.of(),
        i32(0), new Instruction(OpCode.CALL_INDIRECT, new dev.isola.wasm.Immediate.CallIndirect(sameType, 0)));
    m.func("undefined", type(List.of(), List.of(ValType.I32)), List.of(),
        i32(1), new Instruction(OpCode.CALL_INDIRECT, new dev.isola.wasm.Immediate.CallIndirect(sameType, 0)));
    m.func("mismatch", type(List.of(), List.of(ValType.I64)), List.of(),
        i32(0), new Instruction(OpCode.CALL_INDIRECT, new dev.isola.wasm.Immediate.CallIndirect(otherType, 0)));
    m.func("uninitialized", type(List.of(), List.of(ValType.I32)), List.of(),
        new Instruction(OpCode.REF_NULL, new dev.isola.wasm.Immediate.RefType(ValType.FUNCREF)),
        i32(1), new Instruction(OpCode.TABLE_GROW, new dev.isola.wasm.Immediate.Index(0)), op(OpCode.DROP),
        i32(1), new Instruction(OpCode.CALL_INDIRECT, new dev.isola.wasm.Immediate.CallIndirect(sameType, 0)));
    Instance instance = new Store(ENGINE).instantiate(ENGINE.compile(m.build()), new Imports());
    assertEquals(7, instance.function("ok").call()[0].asInt());
    assertEquals(TrapKind.UNDEFINED_ELEMENT,
        assertThrows(Trap.class, () -> instance.function("undefined").call()).kind());
    assertEquals(TrapKind.INDIRECT_CALL_TYPE_MISMATCH,
        assertThrows(Trap.class, () -> instance.function("mismatch").call()).kind());
    assertEquals(TrapKind.UNINITIALIZED_ELEMENT,
        assertThrows(Trap.class, () -> instance.function("uninitialized").call()).kind());
    assertEquals(Value.i32(7), instance.function("ok").call()[0]);
  }
}
