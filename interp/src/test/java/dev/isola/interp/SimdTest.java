package dev.isola.interp;

import static dev.isola.interp.TestModule.i32;
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
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SIMD instructions through the pre-decoder and {@link SimdOps}: operands, immediates and stack heights. */
class SimdTest {
  private static final List<ValType> V = List.of(ValType.V128);

  private static Instance instantiate(TestModule m) {
    Engine engine = Engine.of(EngineConfig.of(new Interpreter()));
    return new Store(engine).instantiate(engine.compile(m.build()), new Imports());
  }

  private static Instruction v128(long low, long high) {
    return new Instruction(OpCode.V128_CONST, new Immediate.V128(low, high));
  }

  private static Instruction lane(OpCode op, long offset, int lane) {
    return new Instruction(op, new Immediate.MemArgLane(new Immediate.MemArg(0, offset, 0), lane));
  }

  @Test
  void shuffleTakesLanesFromBothOperandsInImmediateOrder() {
    byte[] lanes = new byte[16];
    for (int i = 0; i < 16; i++) {
      lanes[i] = (byte) (31 - 2 * i); // 31, 29, ..., 1: the odd lanes of b, then of a
    }
    TestModule m = new TestModule();
    m.func("shuffle", type(List.of(), V), List.of(),
        v128(0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L),
        v128(0x1716_1514_1312_1110L, 0x1F1E_1D1C_1B1A_1918L),
        new Instruction(OpCode.I8X16_SHUFFLE, new Immediate.Shuffle(lanes)));
    Value.V128 r = (Value.V128) instantiate(m).function("shuffle").call()[0];
    // Result byte i is input byte 31 - 2i (mod 32): bytes 0-7 come from b's high half, 8-15 from a's.
    assertEquals(0x1113_1517_191B_1D1FL, r.low());
    assertEquals(0x0103_0507_090B_0D0FL, r.high());
  }

  @Test
  void swizzleZeroesOutOfRangeIndices() {
    TestModule m = new TestModule();
    m.func("swizzle", type(List.of(), V), List.of(),
        v128(0x0706_0504_0302_0100L, 0x0F0E_0D0C_0B0A_0908L),
        v128(0x8010_FF0F_0008_0001L, 0), op(OpCode.I8X16_SWIZZLE));
    Value.V128 r = (Value.V128) instantiate(m).function("swizzle").call()[0];
    assertEquals(0x0000_000F_0008_0001L, r.low());
    assertEquals(0, r.high()); // index 0 everywhere: a's byte 0, which is 0
  }

  @Test
  void laneStoreAndLoadCheckBoundsWithUnsignedAddresses() {
    TestModule m = new TestModule().memory(1);
    // store32_lane 3 of the vector at the address, then load8_lane 15 from the same place into zeroes.
    m.func("roundTrip", type(List.of(ValType.I32), V), List.of(),
        op(OpCode.LOCAL_GET, 0), v128(0, 0x1234_5678_0000_0000L), lane(OpCode.V128_STORE32_LANE, 0, 3),
        op(OpCode.LOCAL_GET, 0), v128(0, 0), lane(OpCode.V128_LOAD8_LANE, 0, 15));
    m.func("offset", type(List.of(ValType.I32), V), List.of(),
        op(OpCode.LOCAL_GET, 0), TestModule.mem(OpCode.V128_LOAD32_SPLAT, 8));
    Instance instance = instantiate(m);
    Value.V128 r = (Value.V128) instance.function("roundTrip").call(Value.i32(65536 - 4))[0];
    assertEquals(0, r.low());
    assertEquals(0x7800_0000_0000_0000L, r.high());
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
        assertThrows(Trap.class, () -> instance.function("roundTrip").call(Value.i32(65536 - 3))).kind());
    // 0xFFFFFFFC + 8 does not wrap to 4: the effective address is 33 bits wide.
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
        assertThrows(Trap.class, () -> instance.function("offset").call(Value.i32(-4))).kind());
  }

  @Test
  void reductionsLeaveOneSlotForFollowingScalarCode() {
    TestModule m = new TestModule();
    // bitmask (v128 -> i32) then i32 arithmetic on what is left: the pre-decoder's heights must match.
    m.func("mask", type(List.of(), List.of(ValType.I32)), List.of(),
        i32(1000), v128(0x8000_0000_0000_0080L, 0x0080_0000_0000_0000L), op(OpCode.I8X16_BITMASK),
        op(OpCode.I32_ADD));
    assertArrayEquals(new Value[] {Value.i32(1000 + 0b0100_0000_1000_0001)}, instantiate(m).function("mask").call());
  }

  @Test
  void floatMinPropagatesNanButPminKeepsFirstOperand() {
    long nanAndOne = 0x3F80_0000L << 32 | 0x7FC0_0000L; // lanes: NaN, 1.0
    long twos = 0x4000_0000_4000_0000L;
    TestModule m = new TestModule();
    m.func("min", type(List.of(), V), List.of(), v128(twos, 0), v128(nanAndOne, 0), op(OpCode.F32X4_MIN));
    m.func("pmin", type(List.of(), V), List.of(), v128(twos, 0), v128(nanAndOne, 0), op(OpCode.F32X4_PMIN));
    Instance instance = instantiate(m);
    Value.V128 min = (Value.V128) instance.function("min").call()[0];
    Value.V128 pmin = (Value.V128) instance.function("pmin").call()[0];
    assertEquals(0x3F80_0000L << 32 | 0x7FC0_0000L, min.low());
    assertEquals(0x3F80_0000L << 32 | 0x4000_0000L, pmin.low());
  }
}
