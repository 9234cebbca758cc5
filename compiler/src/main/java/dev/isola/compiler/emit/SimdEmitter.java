package dev.isola.compiler.emit;

import static dev.isola.wasm.OpCode.*;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Emits the SIMD instructions ({@code 0xFD} prefix). A v128 is one {@code Value.V128} reference on the JVM
 * stack and in locals (HotSpot's escape analysis removes most of the allocations in hot code).
 *
 * <p>Most instructions apply one {@link dev.isola.runtime.ops.V128Ops} method to each half (or to both halves
 * at once): {@link #TABLE} says which method in which {@link Shape}, transcribed from the interpreter's {@code
 * SimdOps} so both tiers run the same semantics, and {@link #shape} emits each shape inline. The rest (memory,
 * lanes, shuffles, constants) are calls of {@link Simd}. The caller models the operand stack from the opcode's
 * signature; this class only writes bytecode.
 */
final class SimdEmitter {
  static final ClassDesc V128 = ClassDesc.of("dev.isola.runtime.Value$V128");
  static final ClassDesc SIMD = ClassDesc.of("dev.isola.compiler.emit.Simd");
  private static final ClassDesc OPS = ClassDesc.of("dev.isola.runtime.ops.V128Ops");
  private static final ClassDesc F64 = ClassDesc.of("dev.isola.runtime.ops.F64Ops");
  private static final ClassDesc BYTE_ARRAY = ClassDesc.ofDescriptor("[B");
  private static final MethodTypeDesc OF = MethodTypeDesc.of(V128, CD_long, CD_long);
  private static final MethodTypeDesc HALF = MethodTypeDesc.of(CD_long);

  /** How an operation of {@link #TABLE} applies its method to the v128 operands. */
  enum Shape {
    /** {@code (long) long} on each half. */
    UNARY,
    /** {@code (long, long) long} on the matching halves of two operands. */
    BINARY,
    /** {@code (long, int) long} on each half, with the i32 count. */
    SHIFT,
    /** {@code (long low, long high) int}: all_true, any_true, bitmask. */
    REDUCE,
    /** {@code (long low, long high) long} on each operand: the first gives the low result half. */
    NARROW,
    /** {@code (long low, long high) long} gives the low result half; the high half is zero. */
    ZERO,
    /** {@code (int) long} on each 32-bit quarter of the low (or high) half. */
    WIDEN_LOW,
    WIDEN_HIGH,
    /** {@code (int, int) long} on the matching quarters of the operands' low (or high) halves. */
    EXTMUL_LOW,
    EXTMUL_HIGH
  }

  private record Operation(Shape shape, ClassDesc owner, String name) {}

  private static final Map<OpCode, Operation> TABLE = new EnumMap<>(OpCode.class);

  private static void put(OpCode op, Shape shape, ClassDesc owner, String name) {
    TABLE.put(op, new Operation(shape, owner, name));
  }

  static {
    put(V128_NOT, Shape.UNARY, SIMD, "not");
    put(V128_AND, Shape.BINARY, SIMD, "and");
    put(V128_ANDNOT, Shape.BINARY, SIMD, "andnot");
    put(V128_OR, Shape.BINARY, SIMD, "or");
    put(V128_XOR, Shape.BINARY, SIMD, "xor");
    put(I64X2_ABS, Shape.UNARY, ClassDesc.of("java.lang.Math"), "abs");
    put(I64X2_NEG, Shape.UNARY, SIMD, "i64Neg");
    put(I64X2_SHL, Shape.SHIFT, SIMD, "i64Shl");
    put(I64X2_SHR_S, Shape.SHIFT, SIMD, "i64ShrS");
    put(I64X2_SHR_U, Shape.SHIFT, SIMD, "i64ShrU");
    put(I64X2_ADD, Shape.BINARY, SIMD, "i64Add");
    put(I64X2_SUB, Shape.BINARY, SIMD, "i64Sub");
    put(I64X2_MUL, Shape.BINARY, SIMD, "i64Mul");
    put(I8X16_EQ, Shape.BINARY, OPS, "i8x16Eq");
    put(I8X16_NE, Shape.BINARY, OPS, "i8x16Ne");
    put(I8X16_LT_S, Shape.BINARY, OPS, "i8x16LtS");
    put(I8X16_LT_U, Shape.BINARY, OPS, "i8x16LtU");
    put(I8X16_GT_S, Shape.BINARY, OPS, "i8x16GtS");
    put(I8X16_GT_U, Shape.BINARY, OPS, "i8x16GtU");
    put(I8X16_LE_S, Shape.BINARY, OPS, "i8x16LeS");
    put(I8X16_LE_U, Shape.BINARY, OPS, "i8x16LeU");
    put(I8X16_GE_S, Shape.BINARY, OPS, "i8x16GeS");
    put(I8X16_GE_U, Shape.BINARY, OPS, "i8x16GeU");
    put(I16X8_EQ, Shape.BINARY, OPS, "i16x8Eq");
    put(I16X8_NE, Shape.BINARY, OPS, "i16x8Ne");
    put(I16X8_LT_S, Shape.BINARY, OPS, "i16x8LtS");
    put(I16X8_LT_U, Shape.BINARY, OPS, "i16x8LtU");
    put(I16X8_GT_S, Shape.BINARY, OPS, "i16x8GtS");
    put(I16X8_GT_U, Shape.BINARY, OPS, "i16x8GtU");
    put(I16X8_LE_S, Shape.BINARY, OPS, "i16x8LeS");
    put(I16X8_LE_U, Shape.BINARY, OPS, "i16x8LeU");
    put(I16X8_GE_S, Shape.BINARY, OPS, "i16x8GeS");
    put(I16X8_GE_U, Shape.BINARY, OPS, "i16x8GeU");
    put(I32X4_EQ, Shape.BINARY, OPS, "i32x4Eq");
    put(I32X4_NE, Shape.BINARY, OPS, "i32x4Ne");
    put(I32X4_LT_S, Shape.BINARY, OPS, "i32x4LtS");
    put(I32X4_LT_U, Shape.BINARY, OPS, "i32x4LtU");
    put(I32X4_GT_S, Shape.BINARY, OPS, "i32x4GtS");
    put(I32X4_GT_U, Shape.BINARY, OPS, "i32x4GtU");
    put(I32X4_LE_S, Shape.BINARY, OPS, "i32x4LeS");
    put(I32X4_LE_U, Shape.BINARY, OPS, "i32x4LeU");
    put(I32X4_GE_S, Shape.BINARY, OPS, "i32x4GeS");
    put(I32X4_GE_U, Shape.BINARY, OPS, "i32x4GeU");
    put(F32X4_EQ, Shape.BINARY, OPS, "f32x4Eq");
    put(F32X4_NE, Shape.BINARY, OPS, "f32x4Ne");
    put(F32X4_LT, Shape.BINARY, OPS, "f32x4Lt");
    put(F32X4_GT, Shape.BINARY, OPS, "f32x4Gt");
    put(F32X4_LE, Shape.BINARY, OPS, "f32x4Le");
    put(F32X4_GE, Shape.BINARY, OPS, "f32x4Ge");
    put(F64X2_EQ, Shape.BINARY, OPS, "f64x2Eq");
    put(F64X2_NE, Shape.BINARY, OPS, "f64x2Ne");
    put(F64X2_LT, Shape.BINARY, OPS, "f64x2Lt");
    put(F64X2_GT, Shape.BINARY, OPS, "f64x2Gt");
    put(F64X2_LE, Shape.BINARY, OPS, "f64x2Le");
    put(F64X2_GE, Shape.BINARY, OPS, "f64x2Ge");
    put(V128_ANY_TRUE, Shape.REDUCE, OPS, "anyTrue");
    put(F32X4_DEMOTE_F64X2_ZERO, Shape.ZERO, OPS, "f32x4DemoteF64x2Zero");
    put(I8X16_ABS, Shape.UNARY, OPS, "i8x16Abs");
    put(I8X16_NEG, Shape.UNARY, OPS, "i8x16Neg");
    put(I8X16_POPCNT, Shape.UNARY, OPS, "i8x16Popcnt");
    put(I8X16_ALL_TRUE, Shape.REDUCE, OPS, "i8x16AllTrue");
    put(I8X16_BITMASK, Shape.REDUCE, OPS, "i8x16Bitmask");
    put(I8X16_NARROW_I16X8_S, Shape.NARROW, OPS, "i8x16NarrowI16x8S");
    put(I8X16_NARROW_I16X8_U, Shape.NARROW, OPS, "i8x16NarrowI16x8U");
    put(F32X4_CEIL, Shape.UNARY, OPS, "f32x4Ceil");
    put(F32X4_FLOOR, Shape.UNARY, OPS, "f32x4Floor");
    put(F32X4_TRUNC, Shape.UNARY, OPS, "f32x4Trunc");
    put(F32X4_NEAREST, Shape.UNARY, OPS, "f32x4Nearest");
    put(I8X16_SHL, Shape.SHIFT, OPS, "i8x16Shl");
    put(I8X16_SHR_S, Shape.SHIFT, OPS, "i8x16ShrS");
    put(I8X16_SHR_U, Shape.SHIFT, OPS, "i8x16ShrU");
    put(I8X16_ADD, Shape.BINARY, OPS, "i8x16Add");
    put(I8X16_ADD_SAT_S, Shape.BINARY, OPS, "i8x16AddSatS");
    put(I8X16_ADD_SAT_U, Shape.BINARY, OPS, "i8x16AddSatU");
    put(I8X16_SUB, Shape.BINARY, OPS, "i8x16Sub");
    put(I8X16_SUB_SAT_S, Shape.BINARY, OPS, "i8x16SubSatS");
    put(I8X16_SUB_SAT_U, Shape.BINARY, OPS, "i8x16SubSatU");
    put(F64X2_CEIL, Shape.UNARY, F64, "ceil");
    put(F64X2_FLOOR, Shape.UNARY, F64, "floor");
    put(I8X16_MIN_S, Shape.BINARY, OPS, "i8x16MinS");
    put(I8X16_MIN_U, Shape.BINARY, OPS, "i8x16MinU");
    put(I8X16_MAX_S, Shape.BINARY, OPS, "i8x16MaxS");
    put(I8X16_MAX_U, Shape.BINARY, OPS, "i8x16MaxU");
    put(F64X2_TRUNC, Shape.UNARY, F64, "trunc");
    put(I8X16_AVGR_U, Shape.BINARY, OPS, "i8x16AvgrU");
    put(I16X8_EXTADD_PAIRWISE_I8X16_S, Shape.UNARY, OPS, "i16x8ExtaddPairwiseI8x16S");
    put(I16X8_EXTADD_PAIRWISE_I8X16_U, Shape.UNARY, OPS, "i16x8ExtaddPairwiseI8x16U");
    put(I32X4_EXTADD_PAIRWISE_I16X8_S, Shape.UNARY, OPS, "i32x4ExtaddPairwiseI16x8S");
    put(I32X4_EXTADD_PAIRWISE_I16X8_U, Shape.UNARY, OPS, "i32x4ExtaddPairwiseI16x8U");
    put(I16X8_ABS, Shape.UNARY, OPS, "i16x8Abs");
    put(I16X8_NEG, Shape.UNARY, OPS, "i16x8Neg");
    put(I16X8_Q15MULR_SAT_S, Shape.BINARY, OPS, "i16x8Q15mulrSatS");
    put(I16X8_ALL_TRUE, Shape.REDUCE, OPS, "i16x8AllTrue");
    put(I16X8_BITMASK, Shape.REDUCE, OPS, "i16x8Bitmask");
    put(I16X8_NARROW_I32X4_S, Shape.NARROW, OPS, "i16x8NarrowI32x4S");
    put(I16X8_NARROW_I32X4_U, Shape.NARROW, OPS, "i16x8NarrowI32x4U");
    put(I16X8_SHL, Shape.SHIFT, OPS, "i16x8Shl");
    put(I16X8_SHR_S, Shape.SHIFT, OPS, "i16x8ShrS");
    put(I16X8_SHR_U, Shape.SHIFT, OPS, "i16x8ShrU");
    put(I16X8_ADD, Shape.BINARY, OPS, "i16x8Add");
    put(I16X8_ADD_SAT_S, Shape.BINARY, OPS, "i16x8AddSatS");
    put(I16X8_ADD_SAT_U, Shape.BINARY, OPS, "i16x8AddSatU");
    put(I16X8_SUB, Shape.BINARY, OPS, "i16x8Sub");
    put(I16X8_SUB_SAT_S, Shape.BINARY, OPS, "i16x8SubSatS");
    put(I16X8_SUB_SAT_U, Shape.BINARY, OPS, "i16x8SubSatU");
    put(F64X2_NEAREST, Shape.UNARY, F64, "nearest");
    put(I16X8_MUL, Shape.BINARY, OPS, "i16x8Mul");
    put(I16X8_MIN_S, Shape.BINARY, OPS, "i16x8MinS");
    put(I16X8_MIN_U, Shape.BINARY, OPS, "i16x8MinU");
    put(I16X8_MAX_S, Shape.BINARY, OPS, "i16x8MaxS");
    put(I16X8_MAX_U, Shape.BINARY, OPS, "i16x8MaxU");
    put(I16X8_AVGR_U, Shape.BINARY, OPS, "i16x8AvgrU");
    put(I32X4_ABS, Shape.UNARY, OPS, "i32x4Abs");
    put(I32X4_NEG, Shape.UNARY, OPS, "i32x4Neg");
    put(I32X4_ALL_TRUE, Shape.REDUCE, OPS, "i32x4AllTrue");
    put(I32X4_BITMASK, Shape.REDUCE, OPS, "i32x4Bitmask");
    put(I32X4_SHL, Shape.SHIFT, OPS, "i32x4Shl");
    put(I32X4_SHR_S, Shape.SHIFT, OPS, "i32x4ShrS");
    put(I32X4_SHR_U, Shape.SHIFT, OPS, "i32x4ShrU");
    put(I32X4_ADD, Shape.BINARY, OPS, "i32x4Add");
    put(I32X4_SUB, Shape.BINARY, OPS, "i32x4Sub");
    put(I32X4_MUL, Shape.BINARY, OPS, "i32x4Mul");
    put(I32X4_MIN_S, Shape.BINARY, OPS, "i32x4MinS");
    put(I32X4_MIN_U, Shape.BINARY, OPS, "i32x4MinU");
    put(I32X4_MAX_S, Shape.BINARY, OPS, "i32x4MaxS");
    put(I32X4_MAX_U, Shape.BINARY, OPS, "i32x4MaxU");
    put(I32X4_DOT_I16X8_S, Shape.BINARY, OPS, "i32x4DotI16x8S");
    put(I64X2_ALL_TRUE, Shape.REDUCE, OPS, "i64x2AllTrue");
    put(I64X2_BITMASK, Shape.REDUCE, OPS, "i64x2Bitmask");
    put(I64X2_EQ, Shape.BINARY, OPS, "i64x2Eq");
    put(I64X2_NE, Shape.BINARY, OPS, "i64x2Ne");
    put(I64X2_LT_S, Shape.BINARY, OPS, "i64x2LtS");
    put(I64X2_GT_S, Shape.BINARY, OPS, "i64x2GtS");
    put(I64X2_LE_S, Shape.BINARY, OPS, "i64x2LeS");
    put(I64X2_GE_S, Shape.BINARY, OPS, "i64x2GeS");
    put(F32X4_ABS, Shape.UNARY, OPS, "f32x4Abs");
    put(F32X4_NEG, Shape.UNARY, OPS, "f32x4Neg");
    put(F32X4_SQRT, Shape.UNARY, OPS, "f32x4Sqrt");
    put(F32X4_ADD, Shape.BINARY, OPS, "f32x4Add");
    put(F32X4_SUB, Shape.BINARY, OPS, "f32x4Sub");
    put(F32X4_MUL, Shape.BINARY, OPS, "f32x4Mul");
    put(F32X4_DIV, Shape.BINARY, OPS, "f32x4Div");
    put(F32X4_MIN, Shape.BINARY, OPS, "f32x4Min");
    put(F32X4_MAX, Shape.BINARY, OPS, "f32x4Max");
    put(F32X4_PMIN, Shape.BINARY, OPS, "f32x4Pmin");
    put(F32X4_PMAX, Shape.BINARY, OPS, "f32x4Pmax");
    put(F64X2_ABS, Shape.UNARY, F64, "abs");
    put(F64X2_NEG, Shape.UNARY, F64, "neg");
    put(F64X2_SQRT, Shape.UNARY, F64, "sqrt");
    put(F64X2_ADD, Shape.BINARY, OPS, "f64x2Add");
    put(F64X2_SUB, Shape.BINARY, OPS, "f64x2Sub");
    put(F64X2_MUL, Shape.BINARY, OPS, "f64x2Mul");
    put(F64X2_DIV, Shape.BINARY, OPS, "f64x2Div");
    put(F64X2_MIN, Shape.BINARY, F64, "min");
    put(F64X2_MAX, Shape.BINARY, F64, "max");
    put(F64X2_PMIN, Shape.BINARY, OPS, "f64x2Pmin");
    put(F64X2_PMAX, Shape.BINARY, OPS, "f64x2Pmax");
    put(I32X4_TRUNC_SAT_F32X4_S, Shape.UNARY, OPS, "i32x4TruncSatF32x4S");
    put(I32X4_TRUNC_SAT_F32X4_U, Shape.UNARY, OPS, "i32x4TruncSatF32x4U");
    put(F32X4_CONVERT_I32X4_S, Shape.UNARY, OPS, "f32x4ConvertI32x4S");
    put(F32X4_CONVERT_I32X4_U, Shape.UNARY, OPS, "f32x4ConvertI32x4U");
    put(I32X4_TRUNC_SAT_F64X2_S_ZERO, Shape.ZERO, OPS, "i32x4TruncSatF64x2SZero");
    put(I32X4_TRUNC_SAT_F64X2_U_ZERO, Shape.ZERO, OPS, "i32x4TruncSatF64x2UZero");
    put(F64X2_PROMOTE_LOW_F32X4, Shape.WIDEN_LOW, OPS, "f64x2PromoteF32");
    put(I16X8_EXTEND_LOW_I8X16_S, Shape.WIDEN_LOW, OPS, "i16x8ExtendI8x16S");
    put(I16X8_EXTEND_HIGH_I8X16_S, Shape.WIDEN_HIGH, OPS, "i16x8ExtendI8x16S");
    put(I16X8_EXTEND_LOW_I8X16_U, Shape.WIDEN_LOW, OPS, "i16x8ExtendI8x16U");
    put(I16X8_EXTEND_HIGH_I8X16_U, Shape.WIDEN_HIGH, OPS, "i16x8ExtendI8x16U");
    put(I16X8_EXTMUL_LOW_I8X16_S, Shape.EXTMUL_LOW, OPS, "i16x8ExtmulI8x16S");
    put(I16X8_EXTMUL_HIGH_I8X16_S, Shape.EXTMUL_HIGH, OPS, "i16x8ExtmulI8x16S");
    put(I16X8_EXTMUL_LOW_I8X16_U, Shape.EXTMUL_LOW, OPS, "i16x8ExtmulI8x16U");
    put(I16X8_EXTMUL_HIGH_I8X16_U, Shape.EXTMUL_HIGH, OPS, "i16x8ExtmulI8x16U");
    put(I32X4_EXTEND_LOW_I16X8_S, Shape.WIDEN_LOW, OPS, "i32x4ExtendI16x8S");
    put(I32X4_EXTEND_HIGH_I16X8_S, Shape.WIDEN_HIGH, OPS, "i32x4ExtendI16x8S");
    put(I32X4_EXTEND_LOW_I16X8_U, Shape.WIDEN_LOW, OPS, "i32x4ExtendI16x8U");
    put(I32X4_EXTEND_HIGH_I16X8_U, Shape.WIDEN_HIGH, OPS, "i32x4ExtendI16x8U");
    put(I32X4_EXTMUL_LOW_I16X8_S, Shape.EXTMUL_LOW, OPS, "i32x4ExtmulI16x8S");
    put(I32X4_EXTMUL_HIGH_I16X8_S, Shape.EXTMUL_HIGH, OPS, "i32x4ExtmulI16x8S");
    put(I32X4_EXTMUL_LOW_I16X8_U, Shape.EXTMUL_LOW, OPS, "i32x4ExtmulI16x8U");
    put(I32X4_EXTMUL_HIGH_I16X8_U, Shape.EXTMUL_HIGH, OPS, "i32x4ExtmulI16x8U");
    put(I64X2_EXTEND_LOW_I32X4_S, Shape.WIDEN_LOW, OPS, "i64x2ExtendI32x4S");
    put(I64X2_EXTEND_HIGH_I32X4_S, Shape.WIDEN_HIGH, OPS, "i64x2ExtendI32x4S");
    put(I64X2_EXTEND_LOW_I32X4_U, Shape.WIDEN_LOW, OPS, "i64x2ExtendI32x4U");
    put(I64X2_EXTEND_HIGH_I32X4_U, Shape.WIDEN_HIGH, OPS, "i64x2ExtendI32x4U");
    put(I64X2_EXTMUL_LOW_I32X4_S, Shape.EXTMUL_LOW, OPS, "i64x2ExtmulI32x4S");
    put(I64X2_EXTMUL_HIGH_I32X4_S, Shape.EXTMUL_HIGH, OPS, "i64x2ExtmulI32x4S");
    put(I64X2_EXTMUL_LOW_I32X4_U, Shape.EXTMUL_LOW, OPS, "i64x2ExtmulI32x4U");
    put(I64X2_EXTMUL_HIGH_I32X4_U, Shape.EXTMUL_HIGH, OPS, "i64x2ExtmulI32x4U");
    put(F64X2_CONVERT_LOW_I32X4_S, Shape.WIDEN_LOW, OPS, "f64x2ConvertI32S");
    put(F64X2_CONVERT_LOW_I32X4_U, Shape.WIDEN_LOW, OPS, "f64x2ConvertI32U");
  }

  private CodeBuilder owner;
  private int tempA;
  private int tempB;
  private int tempCount;

  /**
   * Emits {@code in}, whose operands are on the JVM stack; {@code pushMemory} pushes the {@code byte[]} of a
   * memory index.
   */
  void emit(CodeBuilder cb, Instruction in, IntConsumer pushMemory) {
    OpCode op = in.opcode();
    Operation o = TABLE.get(op);
    if (o != null) {
      shape(cb, o);
      return;
    }
    Immediate imm = in.immediate();
    switch (op) {
      case V128_CONST -> {
        var v = (Immediate.V128) imm;
        cb.loadConstant(v.low());
        cb.loadConstant(v.high());
        cb.invokestatic(SIMD, "of", OF);
      }
      case V128_LOAD -> load(cb, imm, pushMemory, "load");
      case V128_LOAD8X8_S -> load(cb, imm, pushMemory, "load8x8S");
      case V128_LOAD8X8_U -> load(cb, imm, pushMemory, "load8x8U");
      case V128_LOAD16X4_S -> load(cb, imm, pushMemory, "load16x4S");
      case V128_LOAD16X4_U -> load(cb, imm, pushMemory, "load16x4U");
      case V128_LOAD32X2_S -> load(cb, imm, pushMemory, "load32x2S");
      case V128_LOAD32X2_U -> load(cb, imm, pushMemory, "load32x2U");
      case V128_LOAD8_SPLAT -> load(cb, imm, pushMemory, "load8Splat");
      case V128_LOAD16_SPLAT -> load(cb, imm, pushMemory, "load16Splat");
      case V128_LOAD32_SPLAT -> load(cb, imm, pushMemory, "load32Splat");
      case V128_LOAD64_SPLAT -> load(cb, imm, pushMemory, "load64Splat");
      case V128_LOAD32_ZERO -> load(cb, imm, pushMemory, "load32Zero");
      case V128_LOAD64_ZERO -> load(cb, imm, pushMemory, "load64Zero");
      case V128_STORE -> {
        Immediate.MemArg m = (Immediate.MemArg) imm;
        pushMemory.accept(m.memory());
        cb.loadConstant((int) m.offset());
        call(cb, "store", CD_void, CD_int, V128, BYTE_ARRAY, CD_int);
      }
      case V128_LOAD8_LANE -> lane(cb, imm, pushMemory, 1, true);
      case V128_LOAD16_LANE -> lane(cb, imm, pushMemory, 2, true);
      case V128_LOAD32_LANE -> lane(cb, imm, pushMemory, 4, true);
      case V128_LOAD64_LANE -> lane(cb, imm, pushMemory, 8, true);
      case V128_STORE8_LANE -> lane(cb, imm, pushMemory, 1, false);
      case V128_STORE16_LANE -> lane(cb, imm, pushMemory, 2, false);
      case V128_STORE32_LANE -> lane(cb, imm, pushMemory, 4, false);
      case V128_STORE64_LANE -> lane(cb, imm, pushMemory, 8, false);
      case I8X16_SHUFFLE -> {
        byte[] lanes = ((Immediate.Shuffle) imm).lanes();
        cb.loadConstant(packed(lanes, 0));
        cb.loadConstant(packed(lanes, 8));
        call(cb, "shuffle", V128, V128, V128, CD_long, CD_long);
      }
      case I8X16_SWIZZLE -> call(cb, "swizzle", V128, V128, V128);
      case V128_BITSELECT -> call(cb, "bitselect", V128, V128, V128, V128);
      case I8X16_SPLAT -> call(cb, "splat8", V128, CD_int);
      case I16X8_SPLAT -> call(cb, "splat16", V128, CD_int);
      case I32X4_SPLAT -> call(cb, "splat32", V128, CD_int);
      case F32X4_SPLAT -> call(cb, "splatF32", V128, CD_float);
      case I64X2_SPLAT -> call(cb, "splat64", V128, CD_long);
      case F64X2_SPLAT -> call(cb, "splatF64", V128, CD_double);
      case I8X16_EXTRACT_LANE_S -> extract(cb, imm, "extract8S", CD_int);
      case I8X16_EXTRACT_LANE_U -> extract(cb, imm, "extract8U", CD_int);
      case I16X8_EXTRACT_LANE_S -> extract(cb, imm, "extract16S", CD_int);
      case I16X8_EXTRACT_LANE_U -> extract(cb, imm, "extract16U", CD_int);
      case I32X4_EXTRACT_LANE -> extract(cb, imm, "extract32", CD_int);
      case F32X4_EXTRACT_LANE -> extract(cb, imm, "extractF32", CD_float);
      case I64X2_EXTRACT_LANE -> extract(cb, imm, "extract64", CD_long);
      case F64X2_EXTRACT_LANE -> extract(cb, imm, "extractF64", CD_double);
      case I8X16_REPLACE_LANE -> replace(cb, imm, "replace8", CD_int);
      case I16X8_REPLACE_LANE -> replace(cb, imm, "replace16", CD_int);
      case I32X4_REPLACE_LANE -> replace(cb, imm, "replace32", CD_int);
      case F32X4_REPLACE_LANE -> replace(cb, imm, "replaceF32", CD_float);
      case I64X2_REPLACE_LANE -> replace(cb, imm, "replace64", CD_long);
      case F64X2_REPLACE_LANE -> replace(cb, imm, "replaceF64", CD_double);
      // Every SIMD opcode is in the table or above (the spec corpus has them all and none falls back); a new
      // one makes its module fall back, visibly, as "cannot be emitted".
      default -> throw new UnsupportedOperationException("SIMD instruction " + op.textName());
    }
  }

  /** Shuffle selectors {@code from..from+7}, packed little-endian as the interpreter's pre-decoder does. */
  private static long packed(byte[] lanes, int from) {
    long v = 0;
    for (int k = 7; k >= 0; k--) {
      v = (v << 8) | (lanes[from + k] & 0xFFL);
    }
    return v;
  }

  private static void call(CodeBuilder cb, String name, ClassDesc ret, ClassDesc... params) {
    cb.invokestatic(SIMD, name, MethodTypeDesc.of(ret, params));
  }

  /**
   * {@code [i32] -> [v128]}. The offset goes as an int, read back unsigned: an offset of 2^31 or more is out of
   * bounds for every address, as {@link Simd}'s long address computation finds.
   */
  private static void load(CodeBuilder cb, Immediate imm, IntConsumer pushMemory, String name) {
    Immediate.MemArg m = (Immediate.MemArg) imm;
    pushMemory.accept(m.memory());
    cb.loadConstant((int) m.offset());
    call(cb, name, V128, CD_int, BYTE_ARRAY, CD_int);
  }

  /** {@code [i32 v128] -> [v128]} (load) or {@code -> []} (store). */
  private static void lane(CodeBuilder cb, Immediate imm, IntConsumer pushMemory, int size, boolean load) {
    Immediate.MemArgLane l = (Immediate.MemArgLane) imm;
    pushMemory.accept(l.memArg().memory());
    cb.loadConstant((int) l.memArg().offset());
    cb.loadConstant(l.lane());
    cb.loadConstant(size);
    call(cb, load ? "loadLane" : "storeLane", load ? V128 : CD_void, CD_int, V128, BYTE_ARRAY, CD_int, CD_int,
        CD_int);
  }

  private static void extract(CodeBuilder cb, Immediate imm, String name, ClassDesc result) {
    cb.loadConstant(((Immediate.Lane) imm).lane());
    call(cb, name, result, V128, CD_int);
  }

  private static void replace(CodeBuilder cb, Immediate imm, String name, ClassDesc scalar) {
    cb.loadConstant(((Immediate.Lane) imm).lane());
    call(cb, name, V128, V128, scalar, CD_int);
  }

  /** Two reference temporaries (and an int one) per generated method, reused by every SIMD instruction. */
  private void temps(CodeBuilder cb) {
    if (owner != cb) {
      owner = cb;
      tempA = cb.allocateLocal(TypeKind.REFERENCE);
      tempB = cb.allocateLocal(TypeKind.REFERENCE);
      tempCount = cb.allocateLocal(TypeKind.INT);
    }
  }

  private static void low(CodeBuilder cb) {
    cb.invokevirtual(V128, "low", HALF);
  }

  private static void high(CodeBuilder cb) {
    cb.invokevirtual(V128, "high", HALF);
  }

  /** {@code [v128] -> [long low, long high]}. */
  private static void halves(CodeBuilder cb) {
    cb.dup();
    low(cb);
    cb.dup2_x1();
    cb.pop2();
    high(cb);
  }

  /** {@code [v128] -> [long]}: the low or high half. */
  private static void half(CodeBuilder cb, boolean high) {
    if (high) {
      high(cb);
    } else {
      low(cb);
    }
  }

  private void shape(CodeBuilder cb, Operation o) {
    ClassDesc owner = o.owner();
    String name = o.name();
    switch (o.shape()) {
      case UNARY -> {
        MethodTypeDesc f = MethodTypeDesc.of(CD_long, CD_long);
        // [a] -> [a, r1] -> [r1, a] -> [r1, r2]
        cb.dup();
        low(cb);
        cb.invokestatic(owner, name, f);
        cb.dup2_x1();
        cb.pop2();
        high(cb);
        cb.invokestatic(owner, name, f);
        cb.invokestatic(SIMD, "of", OF);
      }
      case BINARY -> {
        MethodTypeDesc f = MethodTypeDesc.of(CD_long, CD_long, CD_long);
        temps(cb);
        cb.astore(tempB);
        cb.astore(tempA);
        cb.aload(tempA);
        low(cb);
        cb.aload(tempB);
        low(cb);
        cb.invokestatic(owner, name, f);
        cb.aload(tempA);
        high(cb);
        cb.aload(tempB);
        high(cb);
        cb.invokestatic(owner, name, f);
        cb.invokestatic(SIMD, "of", OF);
      }
      case SHIFT -> {
        MethodTypeDesc f = MethodTypeDesc.of(CD_long, CD_long, CD_int);
        temps(cb);
        cb.istore(tempCount);
        cb.astore(tempA);
        cb.aload(tempA);
        low(cb);
        cb.iload(tempCount);
        cb.invokestatic(owner, name, f);
        cb.aload(tempA);
        high(cb);
        cb.iload(tempCount);
        cb.invokestatic(owner, name, f);
        cb.invokestatic(SIMD, "of", OF);
      }
      case REDUCE -> {
        halves(cb);
        cb.invokestatic(owner, name, MethodTypeDesc.of(CD_int, CD_long, CD_long));
      }
      case NARROW -> {
        MethodTypeDesc f = MethodTypeDesc.of(CD_long, CD_long, CD_long);
        temps(cb);
        cb.astore(tempB);
        halves(cb);
        cb.invokestatic(owner, name, f);
        cb.aload(tempB);
        halves(cb);
        cb.invokestatic(owner, name, f);
        cb.invokestatic(SIMD, "of", OF);
      }
      case ZERO -> {
        halves(cb);
        cb.invokestatic(owner, name, MethodTypeDesc.of(CD_long, CD_long, CD_long));
        cb.lconst_0();
        cb.invokestatic(SIMD, "of", OF);
      }
      case WIDEN_LOW, WIDEN_HIGH -> {
        MethodTypeDesc f = MethodTypeDesc.of(CD_long, CD_int);
        // [a] -> [h] -> [h, r1] -> [r1, h] -> [r1, r2]
        half(cb, o.shape() == Shape.WIDEN_HIGH);
        cb.dup2();
        cb.l2i();
        cb.invokestatic(owner, name, f);
        cb.dup2_x2();
        cb.pop2();
        cb.bipush(32);
        cb.lushr();
        cb.l2i();
        cb.invokestatic(owner, name, f);
        cb.invokestatic(SIMD, "of", OF);
      }
      case EXTMUL_LOW, EXTMUL_HIGH -> {
        MethodTypeDesc f = MethodTypeDesc.of(CD_long, CD_int, CD_int);
        boolean high = o.shape() == Shape.EXTMUL_HIGH;
        temps(cb);
        cb.astore(tempB);
        cb.astore(tempA);
        for (int quarter = 0; quarter < 2; quarter++) {
          for (int operand : new int[] {tempA, tempB}) {
            cb.aload(operand);
            half(cb, high);
            if (quarter == 1) {
              cb.bipush(32);
              cb.lushr();
            }
            cb.l2i();
          }
          cb.invokestatic(owner, name, f);
        }
        cb.invokestatic(SIMD, "of", OF);
      }
    }
  }
}
