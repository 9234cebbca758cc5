package dev.isola.interp;

import static dev.isola.interp.TestModule.f64;
import static dev.isola.interp.TestModule.i32;
import static dev.isola.interp.TestModule.i64;
import static dev.isola.interp.TestModule.mem;
import static dev.isola.interp.TestModule.op;
import static dev.isola.interp.TestModule.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.Arrays;
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

  private static final FuncType F64_TO_I32 = type(List.of(ValType.F64), List.of(ValType.I32));
  private static final Instruction FOUR = f64(Double.doubleToRawLongBits(4.0));
  private static final double[] COMPARED = {3.0, 4.0, 5.0, Double.NaN, Double.NEGATIVE_INFINITY};

  /** {@code x <= 4.0} (or its negation) fused with the branch or if that consumes it, and unfused. */
  @Test
  void f64LessOrEqualToAConstantBranchesExactlyIncludingNaN() {
    TestModule m = new TestModule();
    for (boolean negate : new boolean[] {false, true}) {
      String suffix = negate ? "Not" : "";
      List<Instruction> test = new ArrayList<>(List.of(op(OpCode.LOCAL_GET, 0), FOUR, op(OpCode.F64_LE)));
      if (negate) {
        test.add(op(OpCode.I32_EQZ));
      }
      // br_if: jumps (with 1) when the test holds.
      List<Instruction> brIf = new ArrayList<>();
      brIf.add(new Instruction(OpCode.BLOCK, new Immediate.Block(new BlockType.Value(ValType.I32))));
      brIf.add(i32(1));
      brIf.addAll(test);
      brIf.addAll(List.of(op(OpCode.BR_IF, 0), op(OpCode.DROP), i32(0), op(OpCode.END)));
      m.func("brIf" + suffix, F64_TO_I32, List.of(), brIf.toArray(Instruction[]::new));
      // if: takes the then-branch when the test holds.
      List<Instruction> ifElse = new ArrayList<>(test);
      ifElse.addAll(List.of(new Instruction(OpCode.IF, new Immediate.Block(new BlockType.Value(ValType.I32))),
          i32(1), op(OpCode.ELSE), i32(0), op(OpCode.END)));
      m.func("if" + suffix, F64_TO_I32, List.of(), ifElse.toArray(Instruction[]::new));
      // The value itself, fused with nothing after it.
      m.func("value" + suffix, F64_TO_I32, List.of(), test.toArray(Instruction[]::new));
    }
    Instance instance = instantiate(m);
    for (double x : COMPARED) {
      int le = x <= 4.0 ? 1 : 0;
      for (String name : new String[] {"brIf", "if", "value"}) {
        assertEquals(le, instance.function(name).call(Value.f64(x))[0].asInt(), name + " " + x);
        assertEquals(1 - le, instance.function(name + "Not").call(Value.f64(x))[0].asInt(), name + "Not " + x);
      }
    }
  }


  @Test
  void loadAddStoreOfF64AndItsTraps() {
    // mem[q + 8] = x + mem[p + 16], the compound assignment clang emits for "a[i] += x".
    TestModule m = new TestModule().memory(1);
    m.func("f", type(List.of(ValType.I32, ValType.I32, ValType.F64), List.of()), List.of(),
        op(OpCode.LOCAL_GET, 1), op(OpCode.LOCAL_GET, 2), op(OpCode.LOCAL_GET, 0), mem(OpCode.F64_LOAD, 16),
        op(OpCode.F64_ADD), mem(OpCode.F64_STORE, 8));
    Instance instance = instantiate(m);
    var memory = instance.memory("memory");
    memory.writeI64(116, Double.doubleToRawLongBits(1.25));
    instance.function("f").call(Value.i32(100), Value.i32(200), Value.f64(2.5));
    assertEquals(3.75, Double.longBitsToDouble(memory.readI64(208)));
    // The load out of bounds: nothing is stored.
    Trap load = assertThrows(Trap.class,
        () -> instance.function("f").call(Value.i32(65530), Value.i32(300), Value.f64(1)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, load.kind());
    assertEquals(0, memory.readI64(308));
    Trap store = assertThrows(Trap.class,
        () -> instance.function("f").call(Value.i32(100), Value.i32(-1), Value.f64(1)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, store.kind());
  }

  @Test
  void teeFollowedByF64ArithmeticWritesTheLocalFirst() {
    // local.tee then f64.mul/f64.add, local.tee; local.get (of the same local); f64.mul, local.get pairs
    // into f64.add and f64.sub: each fused form must see the local the tee just wrote.
    TestModule m = new TestModule();
    m.func("f", type(List.of(ValType.F64, ValType.F64), List.of(ValType.F64)), List.of(ValType.F64, ValType.F64),
        op(OpCode.LOCAL_GET, 0), op(OpCode.LOCAL_TEE, 1), op(OpCode.LOCAL_GET, 1), op(OpCode.F64_MUL),
        op(OpCode.LOCAL_GET, 1), op(OpCode.LOCAL_TEE, 2), op(OpCode.F64_ADD),
        op(OpCode.LOCAL_GET, 0), op(OpCode.LOCAL_TEE, 3), op(OpCode.F64_MUL),
        op(OpCode.LOCAL_GET, 2), op(OpCode.LOCAL_GET, 3), op(OpCode.F64_SUB), op(OpCode.F64_ADD),
        op(OpCode.LOCAL_GET, 2), op(OpCode.LOCAL_GET, 0), op(OpCode.F64_ADD), op(OpCode.F64_SUB));
    double x = 3.0;
    double y = 7.0;
    // The same steps in Java, each tee written before the value is used again.
    double l1 = x;
    double v = x * l1;
    double l2 = l1;
    v = v + l2;
    double l3 = x;
    v = v * l3;
    v = v + (l2 - l3);
    v = v - (l2 + x);
    double expected = v;
    assertEquals(expected, instantiate(m).function("f").call(Value.f64(x), Value.f64(y))[0].asDouble());
  }

  @Test
  void crcStepAndConstantByteStoreAndUnsignedI64Branch() {
    TestModule m = new TestModule().memory(1);
    // (a ^ (b >>> 8)), then b >>> 24 alone; then mem[b' + 3] = 0x1FF (stored as 0xFF) where b' = 16.
    m.func("xorShift", type(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), List.of(),
        op(OpCode.LOCAL_GET, 0), op(OpCode.LOCAL_GET, 1), i32(8), op(OpCode.I32_SHR_U), op(OpCode.I32_XOR),
        op(OpCode.LOCAL_GET, 1), i32(24), op(OpCode.I32_SHR_U), op(OpCode.I32_ADD));
    m.func("storeByte", type(List.of(ValType.I32), List.of()), List.of(),
        op(OpCode.LOCAL_GET, 0), i32(0x1FF), mem(OpCode.I32_STORE8, 3));
    // block: br_if 0 when a <=u b (unsigned), returning 1; else 0.
    m.func("leU", type(List.of(ValType.I64, ValType.I64), List.of(ValType.I32)), List.of(),
        new Instruction(OpCode.BLOCK, new Immediate.Block(new BlockType.Value(ValType.I32))),
        i32(1), op(OpCode.LOCAL_GET, 0), op(OpCode.LOCAL_GET, 1), op(OpCode.I64_LE_U), op(OpCode.BR_IF, 0),
        op(OpCode.DROP), i32(0), op(OpCode.END));
    Instance instance = instantiate(m);
    int a = 0x1234_5678;
    int b = 0xF0E0_D0C0;
    assertEquals((a ^ (b >>> 8)) + (b >>> 24),
        instance.function("xorShift").call(Value.i32(a), Value.i32(b))[0].asInt());
    instance.function("storeByte").call(Value.i32(16));
    byte[] bytes = instance.memory("memory").bytes();
    assertArrayEquals(new byte[] {0, 0, 0, (byte) 0xFF, 0}, Arrays.copyOfRange(bytes, 16, 21));
    Trap trap = assertThrows(Trap.class, () -> instance.function("storeByte").call(Value.i32(65533)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
    assertEquals(1, instance.function("leU").call(Value.i64(1), Value.i64(-1))[0].asInt());
    assertEquals(0, instance.function("leU").call(Value.i64(-1), Value.i64(1))[0].asInt());
    assertEquals(1, instance.function("leU").call(Value.i64(-1), Value.i64(-1))[0].asInt());
  }
}
