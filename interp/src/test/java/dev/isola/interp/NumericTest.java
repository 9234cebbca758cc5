package dev.isola.interp;

import static dev.isola.interp.TestModule.f32;
import static dev.isola.interp.TestModule.f64;
import static dev.isola.interp.TestModule.i32;
import static dev.isola.interp.TestModule.mem;
import static dev.isola.interp.TestModule.op;
import static dev.isola.interp.TestModule.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Store;
import dev.isola.runtime.Value;
import dev.isola.runtime.ops.Conversions;
import dev.isola.runtime.ops.F32Ops;
import dev.isola.runtime.ops.F64Ops;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numeric semantics, through the interpreter and on the shared ops directly. */
class NumericTest {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));
  private static final int SIGNALLING_NAN = 0x7F80_0001;
  private static final long SIGNALLING_NAN_64 = 0x7FF0_0000_0000_0001L;

  private static Value run(ValType result, Instruction... body) {
    TestModule m = new TestModule().memory(1);
    m.func("f", type(List.of(), List.of(result)), List.of(), body);
    return new Store(ENGINE).instantiate(ENGINE.compile(m.build()), new Imports()).function("f").call()[0];
  }

  private static int f32Bits(Instruction... body) {
    return ((Value.F32) run(ValType.F32, body)).bits();
  }

  private static long f64Bits(Instruction... body) {
    return ((Value.F64) run(ValType.F64, body)).bits();
  }

  @Test
  void signOperationsKeepNanPayloads() {
    assertEquals(0xFF80_0001, f32Bits(f32(SIGNALLING_NAN), op(OpCode.F32_NEG)));
    assertEquals(SIGNALLING_NAN, f32Bits(f32(0xFF80_0001), op(OpCode.F32_ABS)));
    assertEquals(0xFF80_0001, f32Bits(f32(SIGNALLING_NAN), f32(0xBF80_0000), op(OpCode.F32_COPYSIGN)));
    assertEquals(SIGNALLING_NAN_64 | Long.MIN_VALUE,
        f64Bits(f64(SIGNALLING_NAN_64), op(OpCode.F64_NEG)));
  }

  @Test
  void constantsLoadsAndStoresKeepNanPayloads() {
    assertEquals(SIGNALLING_NAN, f32Bits(f32(SIGNALLING_NAN)));
    assertEquals(SIGNALLING_NAN, f32Bits(i32(8), f32(SIGNALLING_NAN), mem(OpCode.F32_STORE, 0),
        i32(8), mem(OpCode.F32_LOAD, 0)));
    assertEquals(SIGNALLING_NAN_64, f64Bits(i32(8), f64(SIGNALLING_NAN_64), mem(OpCode.F64_STORE, 0),
        i32(0), mem(OpCode.F64_LOAD, 8)));
  }

  @Test
  void arithmeticQuietsNans() {
    int sum = f32Bits(f32(SIGNALLING_NAN), f32(0x3F80_0000), op(OpCode.F32_ADD));
    assertTrue(Float.isNaN(Float.intBitsToFloat(sum)) && (sum & 0x0040_0000) != 0, Integer.toHexString(sum));
    int min = f32Bits(f32(SIGNALLING_NAN), f32(0x3F80_0000), op(OpCode.F32_MIN));
    assertTrue((min & 0x0040_0000) != 0, Integer.toHexString(min));
    int nearest = f32Bits(f32(SIGNALLING_NAN), op(OpCode.F32_NEAREST));
    assertEquals(SIGNALLING_NAN | 0x0040_0000, nearest);
  }

  @Test
  void minMaxOrderZeros() {
    assertEquals(0x8000_0000, f32Bits(f32(0), f32(0x8000_0000), op(OpCode.F32_MIN)));
    assertEquals(0, f32Bits(f32(0x8000_0000), f32(0), op(OpCode.F32_MAX)));
    assertEquals(Long.MIN_VALUE, F64Ops.min(0L, Long.MIN_VALUE));
  }

  @Test
  void nearestRoundsHalfToEven() {
    assertEquals(Float.floatToRawIntBits(2.0f),
        f32Bits(f32(Float.floatToRawIntBits(2.5f)), op(OpCode.F32_NEAREST)));
    assertEquals(Float.floatToRawIntBits(-0.0f), F32Ops.nearest(Float.floatToRawIntBits(-0.5f)));
    assertEquals(Double.doubleToRawLongBits(4.0), F64Ops.nearest(Double.doubleToRawLongBits(3.5)));
    assertEquals(Double.doubleToRawLongBits(-0.0), F64Ops.trunc(Double.doubleToRawLongBits(-0.7)));
  }

  @Test
  void saturatingTruncation() {
    assertEquals(0, run(ValType.I32, f32(0x7FC0_0000), op(OpCode.I32_TRUNC_SAT_F32_S)).asInt());
    assertEquals(-1, run(ValType.I32, f64(Double.doubleToRawLongBits(1e10)), op(OpCode.I32_TRUNC_SAT_F64_U))
        .asInt());
    assertEquals(0, Conversions.i32TruncSatF64U(-5.0));
    assertEquals(-1L, Conversions.i64TruncSatF64U(1e30));
    assertEquals(Long.MIN_VALUE, Conversions.i64TruncSatF32S(-1e30f));
  }

  @Test
  void unsignedConversions() {
    assertEquals(-2048L, Conversions.i64TruncF64U(18446744073709549568.0));
    assertEquals(-256, Conversions.i32TruncF32U(4294967040.0f));
    assertEquals(1.8446744073709552E19, Conversions.f64ConvertI64U(-1L));
    // 2^63 + 2^40 + 1 must round once to nearest, not twice.
    long v = Long.MIN_VALUE | (1L << 40) | 1;
    assertEquals(new java.math.BigDecimal(Long.toUnsignedString(v)).floatValue(), Conversions.f32ConvertI64U(v));
    assertEquals(4294967295.0, run(ValType.F64, i32(-1), op(OpCode.F64_CONVERT_I32_U)).asDouble());
  }

  @Test
  void integerEdgeCases() {
    assertEquals(0, run(ValType.I32, i32(Integer.MIN_VALUE), i32(-1), op(OpCode.I32_REM_S)).asInt());
    assertEquals(1, run(ValType.I32, i32(-1), i32(1), op(OpCode.I32_GT_U)).asInt());
    assertEquals(0x8000_0000, run(ValType.I32, i32(1), i32(1), op(OpCode.I32_ROTR)).asInt());
    assertEquals(2, run(ValType.I32, i32(1), i32(33), op(OpCode.I32_SHL)).asInt());
    assertEquals(0xFFFF_FF80, run(ValType.I32, i32(0x80), op(OpCode.I32_EXTEND8_S)).asInt());
    assertEquals(0xFFFF_FFFFL, run(ValType.I64, i32(-1), op(OpCode.I64_EXTEND_I32_U)).asLong());
  }
}
