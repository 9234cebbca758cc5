package dev.isola.wasm;

import java.util.List;

/**
 * The one opcode table of Isola: every WebAssembly 2.0 instruction (SIMD included, plus the tail-call
 * proposal's two calls) with its binary encoding, text name, immediate kind, stack signature and memory
 * access width.
 *
 * <p>The decoder, validator, interpreter, compiler and disassembler all read this table; nothing else in the
 * code base may repeat an opcode byte. It is long on purpose: one row per instruction, in encoding order, so
 * that it can be checked line by line against the spec's index of instructions.
 *
 * <p>{@link #signature()} is the fixed operand/result signature of instructions whose typing does not depend
 * on context (numeric, conversion, memory access with an i32 address, SIMD). It is {@code null} for the
 * instructions the validator types by hand: control, parametric, variable, table and reference instructions.
 */
public enum OpCode {
  UNREACHABLE(0x00, 0x00, "unreachable", ImmediateKind.NONE, null, 0),
  NOP(0x00, 0x01, "nop", ImmediateKind.NONE, null, 0),
  BLOCK(0x00, 0x02, "block", ImmediateKind.BLOCK_TYPE, null, 0),
  LOOP(0x00, 0x03, "loop", ImmediateKind.BLOCK_TYPE, null, 0),
  IF(0x00, 0x04, "if", ImmediateKind.BLOCK_TYPE, null, 0),
  ELSE(0x00, 0x05, "else", ImmediateKind.NONE, null, 0),
  END(0x00, 0x0B, "end", ImmediateKind.NONE, null, 0),
  BR(0x00, 0x0C, "br", ImmediateKind.LABEL, null, 0),
  BR_IF(0x00, 0x0D, "br_if", ImmediateKind.LABEL, null, 0),
  BR_TABLE(0x00, 0x0E, "br_table", ImmediateKind.BR_TABLE, null, 0),
  RETURN(0x00, 0x0F, "return", ImmediateKind.NONE, null, 0),
  CALL(0x00, 0x10, "call", ImmediateKind.FUNC, null, 0),
  CALL_INDIRECT(0x00, 0x11, "call_indirect", ImmediateKind.CALL_INDIRECT, null, 0),
  RETURN_CALL(0x00, 0x12, "return_call", ImmediateKind.FUNC, null, 0),
  RETURN_CALL_INDIRECT(0x00, 0x13, "return_call_indirect", ImmediateKind.CALL_INDIRECT, null, 0),
  DROP(0x00, 0x1A, "drop", ImmediateKind.NONE, null, 0),
  SELECT(0x00, 0x1B, "select", ImmediateKind.NONE, null, 0),
  SELECT_T(0x00, 0x1C, "select", ImmediateKind.SELECT_TYPES, null, 0),
  LOCAL_GET(0x00, 0x20, "local.get", ImmediateKind.LOCAL, null, 0),
  LOCAL_SET(0x00, 0x21, "local.set", ImmediateKind.LOCAL, null, 0),
  LOCAL_TEE(0x00, 0x22, "local.tee", ImmediateKind.LOCAL, null, 0),
  GLOBAL_GET(0x00, 0x23, "global.get", ImmediateKind.GLOBAL, null, 0),
  GLOBAL_SET(0x00, 0x24, "global.set", ImmediateKind.GLOBAL, null, 0),
  TABLE_GET(0x00, 0x25, "table.get", ImmediateKind.TABLE, null, 0),
  TABLE_SET(0x00, 0x26, "table.set", ImmediateKind.TABLE, null, 0),
  I32_LOAD(0x00, 0x28, "i32.load", ImmediateKind.MEMARG, "i:i", 4),
  I64_LOAD(0x00, 0x29, "i64.load", ImmediateKind.MEMARG, "i:l", 8),
  F32_LOAD(0x00, 0x2A, "f32.load", ImmediateKind.MEMARG, "i:f", 4),
  F64_LOAD(0x00, 0x2B, "f64.load", ImmediateKind.MEMARG, "i:d", 8),
  I32_LOAD8_S(0x00, 0x2C, "i32.load8_s", ImmediateKind.MEMARG, "i:i", 1),
  I32_LOAD8_U(0x00, 0x2D, "i32.load8_u", ImmediateKind.MEMARG, "i:i", 1),
  I32_LOAD16_S(0x00, 0x2E, "i32.load16_s", ImmediateKind.MEMARG, "i:i", 2),
  I32_LOAD16_U(0x00, 0x2F, "i32.load16_u", ImmediateKind.MEMARG, "i:i", 2),
  I64_LOAD8_S(0x00, 0x30, "i64.load8_s", ImmediateKind.MEMARG, "i:l", 1),
  I64_LOAD8_U(0x00, 0x31, "i64.load8_u", ImmediateKind.MEMARG, "i:l", 1),
  I64_LOAD16_S(0x00, 0x32, "i64.load16_s", ImmediateKind.MEMARG, "i:l", 2),
  I64_LOAD16_U(0x00, 0x33, "i64.load16_u", ImmediateKind.MEMARG, "i:l", 2),
  I64_LOAD32_S(0x00, 0x34, "i64.load32_s", ImmediateKind.MEMARG, "i:l", 4),
  I64_LOAD32_U(0x00, 0x35, "i64.load32_u", ImmediateKind.MEMARG, "i:l", 4),
  I32_STORE(0x00, 0x36, "i32.store", ImmediateKind.MEMARG, "ii:", 4),
  I64_STORE(0x00, 0x37, "i64.store", ImmediateKind.MEMARG, "il:", 8),
  F32_STORE(0x00, 0x38, "f32.store", ImmediateKind.MEMARG, "if:", 4),
  F64_STORE(0x00, 0x39, "f64.store", ImmediateKind.MEMARG, "id:", 8),
  I32_STORE8(0x00, 0x3A, "i32.store8", ImmediateKind.MEMARG, "ii:", 1),
  I32_STORE16(0x00, 0x3B, "i32.store16", ImmediateKind.MEMARG, "ii:", 2),
  I64_STORE8(0x00, 0x3C, "i64.store8", ImmediateKind.MEMARG, "il:", 1),
  I64_STORE16(0x00, 0x3D, "i64.store16", ImmediateKind.MEMARG, "il:", 2),
  I64_STORE32(0x00, 0x3E, "i64.store32", ImmediateKind.MEMARG, "il:", 4),
  MEMORY_SIZE(0x00, 0x3F, "memory.size", ImmediateKind.MEMORY, ":i", 0),
  MEMORY_GROW(0x00, 0x40, "memory.grow", ImmediateKind.MEMORY, "i:i", 0),
  I32_CONST(0x00, 0x41, "i32.const", ImmediateKind.I32, ":i", 0),
  I64_CONST(0x00, 0x42, "i64.const", ImmediateKind.I64, ":l", 0),
  F32_CONST(0x00, 0x43, "f32.const", ImmediateKind.F32, ":f", 0),
  F64_CONST(0x00, 0x44, "f64.const", ImmediateKind.F64, ":d", 0),
  I32_EQZ(0x00, 0x45, "i32.eqz", ImmediateKind.NONE, "i:i", 0),
  I32_EQ(0x00, 0x46, "i32.eq", ImmediateKind.NONE, "ii:i", 0),
  I32_NE(0x00, 0x47, "i32.ne", ImmediateKind.NONE, "ii:i", 0),
  I32_LT_S(0x00, 0x48, "i32.lt_s", ImmediateKind.NONE, "ii:i", 0),
  I32_LT_U(0x00, 0x49, "i32.lt_u", ImmediateKind.NONE, "ii:i", 0),
  I32_GT_S(0x00, 0x4A, "i32.gt_s", ImmediateKind.NONE, "ii:i", 0),
  I32_GT_U(0x00, 0x4B, "i32.gt_u", ImmediateKind.NONE, "ii:i", 0),
  I32_LE_S(0x00, 0x4C, "i32.le_s", ImmediateKind.NONE, "ii:i", 0),
  I32_LE_U(0x00, 0x4D, "i32.le_u", ImmediateKind.NONE, "ii:i", 0),
  I32_GE_S(0x00, 0x4E, "i32.ge_s", ImmediateKind.NONE, "ii:i", 0),
  I32_GE_U(0x00, 0x4F, "i32.ge_u", ImmediateKind.NONE, "ii:i", 0),
  I64_EQZ(0x00, 0x50, "i64.eqz", ImmediateKind.NONE, "l:i", 0),
  I64_EQ(0x00, 0x51, "i64.eq", ImmediateKind.NONE, "ll:i", 0),
  I64_NE(0x00, 0x52, "i64.ne", ImmediateKind.NONE, "ll:i", 0),
  I64_LT_S(0x00, 0x53, "i64.lt_s", ImmediateKind.NONE, "ll:i", 0),
  I64_LT_U(0x00, 0x54, "i64.lt_u", ImmediateKind.NONE, "ll:i", 0),
  I64_GT_S(0x00, 0x55, "i64.gt_s", ImmediateKind.NONE, "ll:i", 0),
  I64_GT_U(0x00, 0x56, "i64.gt_u", ImmediateKind.NONE, "ll:i", 0),
  I64_LE_S(0x00, 0x57, "i64.le_s", ImmediateKind.NONE, "ll:i", 0),
  I64_LE_U(0x00, 0x58, "i64.le_u", ImmediateKind.NONE, "ll:i", 0),
  I64_GE_S(0x00, 0x59, "i64.ge_s", ImmediateKind.NONE, "ll:i", 0),
  I64_GE_U(0x00, 0x5A, "i64.ge_u", ImmediateKind.NONE, "ll:i", 0),
  F32_EQ(0x00, 0x5B, "f32.eq", ImmediateKind.NONE, "ff:i", 0),
  F32_NE(0x00, 0x5C, "f32.ne", ImmediateKind.NONE, "ff:i", 0),
  F32_LT(0x00, 0x5D, "f32.lt", ImmediateKind.NONE, "ff:i", 0),
  F32_GT(0x00, 0x5E, "f32.gt", ImmediateKind.NONE, "ff:i", 0),
  F32_LE(0x00, 0x5F, "f32.le", ImmediateKind.NONE, "ff:i", 0),
  F32_GE(0x00, 0x60, "f32.ge", ImmediateKind.NONE, "ff:i", 0),
  F64_EQ(0x00, 0x61, "f64.eq", ImmediateKind.NONE, "dd:i", 0),
  F64_NE(0x00, 0x62, "f64.ne", ImmediateKind.NONE, "dd:i", 0),
  F64_LT(0x00, 0x63, "f64.lt", ImmediateKind.NONE, "dd:i", 0),
  F64_GT(0x00, 0x64, "f64.gt", ImmediateKind.NONE, "dd:i", 0),
  F64_LE(0x00, 0x65, "f64.le", ImmediateKind.NONE, "dd:i", 0),
  F64_GE(0x00, 0x66, "f64.ge", ImmediateKind.NONE, "dd:i", 0),
  I32_CLZ(0x00, 0x67, "i32.clz", ImmediateKind.NONE, "i:i", 0),
  I32_CTZ(0x00, 0x68, "i32.ctz", ImmediateKind.NONE, "i:i", 0),
  I32_POPCNT(0x00, 0x69, "i32.popcnt", ImmediateKind.NONE, "i:i", 0),
  I32_ADD(0x00, 0x6A, "i32.add", ImmediateKind.NONE, "ii:i", 0),
  I32_SUB(0x00, 0x6B, "i32.sub", ImmediateKind.NONE, "ii:i", 0),
  I32_MUL(0x00, 0x6C, "i32.mul", ImmediateKind.NONE, "ii:i", 0),
  I32_DIV_S(0x00, 0x6D, "i32.div_s", ImmediateKind.NONE, "ii:i", 0),
  I32_DIV_U(0x00, 0x6E, "i32.div_u", ImmediateKind.NONE, "ii:i", 0),
  I32_REM_S(0x00, 0x6F, "i32.rem_s", ImmediateKind.NONE, "ii:i", 0),
  I32_REM_U(0x00, 0x70, "i32.rem_u", ImmediateKind.NONE, "ii:i", 0),
  I32_AND(0x00, 0x71, "i32.and", ImmediateKind.NONE, "ii:i", 0),
  I32_OR(0x00, 0x72, "i32.or", ImmediateKind.NONE, "ii:i", 0),
  I32_XOR(0x00, 0x73, "i32.xor", ImmediateKind.NONE, "ii:i", 0),
  I32_SHL(0x00, 0x74, "i32.shl", ImmediateKind.NONE, "ii:i", 0),
  I32_SHR_S(0x00, 0x75, "i32.shr_s", ImmediateKind.NONE, "ii:i", 0),
  I32_SHR_U(0x00, 0x76, "i32.shr_u", ImmediateKind.NONE, "ii:i", 0),
  I32_ROTL(0x00, 0x77, "i32.rotl", ImmediateKind.NONE, "ii:i", 0),
  I32_ROTR(0x00, 0x78, "i32.rotr", ImmediateKind.NONE, "ii:i", 0),
  I64_CLZ(0x00, 0x79, "i64.clz", ImmediateKind.NONE, "l:l", 0),
  I64_CTZ(0x00, 0x7A, "i64.ctz", ImmediateKind.NONE, "l:l", 0),
  I64_POPCNT(0x00, 0x7B, "i64.popcnt", ImmediateKind.NONE, "l:l", 0),
  I64_ADD(0x00, 0x7C, "i64.add", ImmediateKind.NONE, "ll:l", 0),
  I64_SUB(0x00, 0x7D, "i64.sub", ImmediateKind.NONE, "ll:l", 0),
  I64_MUL(0x00, 0x7E, "i64.mul", ImmediateKind.NONE, "ll:l", 0),
  I64_DIV_S(0x00, 0x7F, "i64.div_s", ImmediateKind.NONE, "ll:l", 0),
  I64_DIV_U(0x00, 0x80, "i64.div_u", ImmediateKind.NONE, "ll:l", 0),
  I64_REM_S(0x00, 0x81, "i64.rem_s", ImmediateKind.NONE, "ll:l", 0),
  I64_REM_U(0x00, 0x82, "i64.rem_u", ImmediateKind.NONE, "ll:l", 0),
  I64_AND(0x00, 0x83, "i64.and", ImmediateKind.NONE, "ll:l", 0),
  I64_OR(0x00, 0x84, "i64.or", ImmediateKind.NONE, "ll:l", 0),
  I64_XOR(0x00, 0x85, "i64.xor", ImmediateKind.NONE, "ll:l", 0),
  I64_SHL(0x00, 0x86, "i64.shl", ImmediateKind.NONE, "ll:l", 0),
  I64_SHR_S(0x00, 0x87, "i64.shr_s", ImmediateKind.NONE, "ll:l", 0),
  I64_SHR_U(0x00, 0x88, "i64.shr_u", ImmediateKind.NONE, "ll:l", 0),
  I64_ROTL(0x00, 0x89, "i64.rotl", ImmediateKind.NONE, "ll:l", 0),
  I64_ROTR(0x00, 0x8A, "i64.rotr", ImmediateKind.NONE, "ll:l", 0),
  F32_ABS(0x00, 0x8B, "f32.abs", ImmediateKind.NONE, "f:f", 0),
  F32_NEG(0x00, 0x8C, "f32.neg", ImmediateKind.NONE, "f:f", 0),
  F32_CEIL(0x00, 0x8D, "f32.ceil", ImmediateKind.NONE, "f:f", 0),
  F32_FLOOR(0x00, 0x8E, "f32.floor", ImmediateKind.NONE, "f:f", 0),
  F32_TRUNC(0x00, 0x8F, "f32.trunc", ImmediateKind.NONE, "f:f", 0),
  F32_NEAREST(0x00, 0x90, "f32.nearest", ImmediateKind.NONE, "f:f", 0),
  F32_SQRT(0x00, 0x91, "f32.sqrt", ImmediateKind.NONE, "f:f", 0),
  F32_ADD(0x00, 0x92, "f32.add", ImmediateKind.NONE, "ff:f", 0),
  F32_SUB(0x00, 0x93, "f32.sub", ImmediateKind.NONE, "ff:f", 0),
  F32_MUL(0x00, 0x94, "f32.mul", ImmediateKind.NONE, "ff:f", 0),
  F32_DIV(0x00, 0x95, "f32.div", ImmediateKind.NONE, "ff:f", 0),
  F32_MIN(0x00, 0x96, "f32.min", ImmediateKind.NONE, "ff:f", 0),
  F32_MAX(0x00, 0x97, "f32.max", ImmediateKind.NONE, "ff:f", 0),
  F32_COPYSIGN(0x00, 0x98, "f32.copysign", ImmediateKind.NONE, "ff:f", 0),
  F64_ABS(0x00, 0x99, "f64.abs", ImmediateKind.NONE, "d:d", 0),
  F64_NEG(0x00, 0x9A, "f64.neg", ImmediateKind.NONE, "d:d", 0),
  F64_CEIL(0x00, 0x9B, "f64.ceil", ImmediateKind.NONE, "d:d", 0),
  F64_FLOOR(0x00, 0x9C, "f64.floor", ImmediateKind.NONE, "d:d", 0),
  F64_TRUNC(0x00, 0x9D, "f64.trunc", ImmediateKind.NONE, "d:d", 0),
  F64_NEAREST(0x00, 0x9E, "f64.nearest", ImmediateKind.NONE, "d:d", 0),
  F64_SQRT(0x00, 0x9F, "f64.sqrt", ImmediateKind.NONE, "d:d", 0),
  F64_ADD(0x00, 0xA0, "f64.add", ImmediateKind.NONE, "dd:d", 0),
  F64_SUB(0x00, 0xA1, "f64.sub", ImmediateKind.NONE, "dd:d", 0),
  F64_MUL(0x00, 0xA2, "f64.mul", ImmediateKind.NONE, "dd:d", 0),
  F64_DIV(0x00, 0xA3, "f64.div", ImmediateKind.NONE, "dd:d", 0),
  F64_MIN(0x00, 0xA4, "f64.min", ImmediateKind.NONE, "dd:d", 0),
  F64_MAX(0x00, 0xA5, "f64.max", ImmediateKind.NONE, "dd:d", 0),
  F64_COPYSIGN(0x00, 0xA6, "f64.copysign", ImmediateKind.NONE, "dd:d", 0),
  I32_WRAP_I64(0x00, 0xA7, "i32.wrap_i64", ImmediateKind.NONE, "l:i", 0),
  I32_TRUNC_F32_S(0x00, 0xA8, "i32.trunc_f32_s", ImmediateKind.NONE, "f:i", 0),
  I32_TRUNC_F32_U(0x00, 0xA9, "i32.trunc_f32_u", ImmediateKind.NONE, "f:i", 0),
  I32_TRUNC_F64_S(0x00, 0xAA, "i32.trunc_f64_s", ImmediateKind.NONE, "d:i", 0),
  I32_TRUNC_F64_U(0x00, 0xAB, "i32.trunc_f64_u", ImmediateKind.NONE, "d:i", 0),
  I64_EXTEND_I32_S(0x00, 0xAC, "i64.extend_i32_s", ImmediateKind.NONE, "i:l", 0),
  I64_EXTEND_I32_U(0x00, 0xAD, "i64.extend_i32_u", ImmediateKind.NONE, "i:l", 0),
  I64_TRUNC_F32_S(0x00, 0xAE, "i64.trunc_f32_s", ImmediateKind.NONE, "f:l", 0),
  I64_TRUNC_F32_U(0x00, 0xAF, "i64.trunc_f32_u", ImmediateKind.NONE, "f:l", 0),
  I64_TRUNC_F64_S(0x00, 0xB0, "i64.trunc_f64_s", ImmediateKind.NONE, "d:l", 0),
  I64_TRUNC_F64_U(0x00, 0xB1, "i64.trunc_f64_u", ImmediateKind.NONE, "d:l", 0),
  F32_CONVERT_I32_S(0x00, 0xB2, "f32.convert_i32_s", ImmediateKind.NONE, "i:f", 0),
  F32_CONVERT_I32_U(0x00, 0xB3, "f32.convert_i32_u", ImmediateKind.NONE, "i:f", 0),
  F32_CONVERT_I64_S(0x00, 0xB4, "f32.convert_i64_s", ImmediateKind.NONE, "l:f", 0),
  F32_CONVERT_I64_U(0x00, 0xB5, "f32.convert_i64_u", ImmediateKind.NONE, "l:f", 0),
  F32_DEMOTE_F64(0x00, 0xB6, "f32.demote_f64", ImmediateKind.NONE, "d:f", 0),
  F64_CONVERT_I32_S(0x00, 0xB7, "f64.convert_i32_s", ImmediateKind.NONE, "i:d", 0),
  F64_CONVERT_I32_U(0x00, 0xB8, "f64.convert_i32_u", ImmediateKind.NONE, "i:d", 0),
  F64_CONVERT_I64_S(0x00, 0xB9, "f64.convert_i64_s", ImmediateKind.NONE, "l:d", 0),
  F64_CONVERT_I64_U(0x00, 0xBA, "f64.convert_i64_u", ImmediateKind.NONE, "l:d", 0),
  F64_PROMOTE_F32(0x00, 0xBB, "f64.promote_f32", ImmediateKind.NONE, "f:d", 0),
  I32_REINTERPRET_F32(0x00, 0xBC, "i32.reinterpret_f32", ImmediateKind.NONE, "f:i", 0),
  I64_REINTERPRET_F64(0x00, 0xBD, "i64.reinterpret_f64", ImmediateKind.NONE, "d:l", 0),
  F32_REINTERPRET_I32(0x00, 0xBE, "f32.reinterpret_i32", ImmediateKind.NONE, "i:f", 0),
  F64_REINTERPRET_I64(0x00, 0xBF, "f64.reinterpret_i64", ImmediateKind.NONE, "l:d", 0),
  I32_EXTEND8_S(0x00, 0xC0, "i32.extend8_s", ImmediateKind.NONE, "i:i", 0),
  I32_EXTEND16_S(0x00, 0xC1, "i32.extend16_s", ImmediateKind.NONE, "i:i", 0),
  I64_EXTEND8_S(0x00, 0xC2, "i64.extend8_s", ImmediateKind.NONE, "l:l", 0),
  I64_EXTEND16_S(0x00, 0xC3, "i64.extend16_s", ImmediateKind.NONE, "l:l", 0),
  I64_EXTEND32_S(0x00, 0xC4, "i64.extend32_s", ImmediateKind.NONE, "l:l", 0),
  REF_NULL(0x00, 0xD0, "ref.null", ImmediateKind.REF_TYPE, null, 0),
  REF_IS_NULL(0x00, 0xD1, "ref.is_null", ImmediateKind.NONE, null, 0),
  REF_FUNC(0x00, 0xD2, "ref.func", ImmediateKind.FUNC, null, 0),
  I32_TRUNC_SAT_F32_S(0xFC, 0x00, "i32.trunc_sat_f32_s", ImmediateKind.NONE, "f:i", 0),
  I32_TRUNC_SAT_F32_U(0xFC, 0x01, "i32.trunc_sat_f32_u", ImmediateKind.NONE, "f:i", 0),
  I32_TRUNC_SAT_F64_S(0xFC, 0x02, "i32.trunc_sat_f64_s", ImmediateKind.NONE, "d:i", 0),
  I32_TRUNC_SAT_F64_U(0xFC, 0x03, "i32.trunc_sat_f64_u", ImmediateKind.NONE, "d:i", 0),
  I64_TRUNC_SAT_F32_S(0xFC, 0x04, "i64.trunc_sat_f32_s", ImmediateKind.NONE, "f:l", 0),
  I64_TRUNC_SAT_F32_U(0xFC, 0x05, "i64.trunc_sat_f32_u", ImmediateKind.NONE, "f:l", 0),
  I64_TRUNC_SAT_F64_S(0xFC, 0x06, "i64.trunc_sat_f64_s", ImmediateKind.NONE, "d:l", 0),
  I64_TRUNC_SAT_F64_U(0xFC, 0x07, "i64.trunc_sat_f64_u", ImmediateKind.NONE, "d:l", 0),
  MEMORY_INIT(0xFC, 0x08, "memory.init", ImmediateKind.MEMORY_INIT, "iii:", 0),
  DATA_DROP(0xFC, 0x09, "data.drop", ImmediateKind.DATA, ":", 0),
  MEMORY_COPY(0xFC, 0x0A, "memory.copy", ImmediateKind.MEMORY_COPY, "iii:", 0),
  MEMORY_FILL(0xFC, 0x0B, "memory.fill", ImmediateKind.MEMORY, "iii:", 0),
  TABLE_INIT(0xFC, 0x0C, "table.init", ImmediateKind.TABLE_INIT, "iii:", 0),
  ELEM_DROP(0xFC, 0x0D, "elem.drop", ImmediateKind.ELEM, ":", 0),
  TABLE_COPY(0xFC, 0x0E, "table.copy", ImmediateKind.TABLE_COPY, "iii:", 0),
  TABLE_GROW(0xFC, 0x0F, "table.grow", ImmediateKind.TABLE, null, 0),
  TABLE_SIZE(0xFC, 0x10, "table.size", ImmediateKind.TABLE, ":i", 0),
  TABLE_FILL(0xFC, 0x11, "table.fill", ImmediateKind.TABLE, null, 0),
  V128_LOAD(0xFD, 0x00, "v128.load", ImmediateKind.MEMARG, "i:v", 16),
  V128_LOAD8X8_S(0xFD, 0x01, "v128.load8x8_s", ImmediateKind.MEMARG, "i:v", 8),
  V128_LOAD8X8_U(0xFD, 0x02, "v128.load8x8_u", ImmediateKind.MEMARG, "i:v", 8),
  V128_LOAD16X4_S(0xFD, 0x03, "v128.load16x4_s", ImmediateKind.MEMARG, "i:v", 8),
  V128_LOAD16X4_U(0xFD, 0x04, "v128.load16x4_u", ImmediateKind.MEMARG, "i:v", 8),
  V128_LOAD32X2_S(0xFD, 0x05, "v128.load32x2_s", ImmediateKind.MEMARG, "i:v", 8),
  V128_LOAD32X2_U(0xFD, 0x06, "v128.load32x2_u", ImmediateKind.MEMARG, "i:v", 8),
  V128_LOAD8_SPLAT(0xFD, 0x07, "v128.load8_splat", ImmediateKind.MEMARG, "i:v", 1),
  V128_LOAD16_SPLAT(0xFD, 0x08, "v128.load16_splat", ImmediateKind.MEMARG, "i:v", 2),
  V128_LOAD32_SPLAT(0xFD, 0x09, "v128.load32_splat", ImmediateKind.MEMARG, "i:v", 4),
  V128_LOAD64_SPLAT(0xFD, 0x0A, "v128.load64_splat", ImmediateKind.MEMARG, "i:v", 8),
  V128_STORE(0xFD, 0x0B, "v128.store", ImmediateKind.MEMARG, "iv:", 16),
  V128_CONST(0xFD, 0x0C, "v128.const", ImmediateKind.V128, ":v", 0),
  I8X16_SHUFFLE(0xFD, 0x0D, "i8x16.shuffle", ImmediateKind.SHUFFLE, "vv:v", 0),
  I8X16_SWIZZLE(0xFD, 0x0E, "i8x16.swizzle", ImmediateKind.NONE, "vv:v", 0),
  I8X16_SPLAT(0xFD, 0x0F, "i8x16.splat", ImmediateKind.NONE, "i:v", 0),
  I16X8_SPLAT(0xFD, 0x10, "i16x8.splat", ImmediateKind.NONE, "i:v", 0),
  I32X4_SPLAT(0xFD, 0x11, "i32x4.splat", ImmediateKind.NONE, "i:v", 0),
  I64X2_SPLAT(0xFD, 0x12, "i64x2.splat", ImmediateKind.NONE, "l:v", 0),
  F32X4_SPLAT(0xFD, 0x13, "f32x4.splat", ImmediateKind.NONE, "f:v", 0),
  F64X2_SPLAT(0xFD, 0x14, "f64x2.splat", ImmediateKind.NONE, "d:v", 0),
  I8X16_EXTRACT_LANE_S(0xFD, 0x15, "i8x16.extract_lane_s", ImmediateKind.LANE, "v:i", 0),
  I8X16_EXTRACT_LANE_U(0xFD, 0x16, "i8x16.extract_lane_u", ImmediateKind.LANE, "v:i", 0),
  I8X16_REPLACE_LANE(0xFD, 0x17, "i8x16.replace_lane", ImmediateKind.LANE, "vi:v", 0),
  I16X8_EXTRACT_LANE_S(0xFD, 0x18, "i16x8.extract_lane_s", ImmediateKind.LANE, "v:i", 0),
  I16X8_EXTRACT_LANE_U(0xFD, 0x19, "i16x8.extract_lane_u", ImmediateKind.LANE, "v:i", 0),
  I16X8_REPLACE_LANE(0xFD, 0x1A, "i16x8.replace_lane", ImmediateKind.LANE, "vi:v", 0),
  I32X4_EXTRACT_LANE(0xFD, 0x1B, "i32x4.extract_lane", ImmediateKind.LANE, "v:i", 0),
  I32X4_REPLACE_LANE(0xFD, 0x1C, "i32x4.replace_lane", ImmediateKind.LANE, "vi:v", 0),
  I64X2_EXTRACT_LANE(0xFD, 0x1D, "i64x2.extract_lane", ImmediateKind.LANE, "v:l", 0),
  I64X2_REPLACE_LANE(0xFD, 0x1E, "i64x2.replace_lane", ImmediateKind.LANE, "vl:v", 0),
  F32X4_EXTRACT_LANE(0xFD, 0x1F, "f32x4.extract_lane", ImmediateKind.LANE, "v:f", 0),
  F32X4_REPLACE_LANE(0xFD, 0x20, "f32x4.replace_lane", ImmediateKind.LANE, "vf:v", 0),
  F64X2_EXTRACT_LANE(0xFD, 0x21, "f64x2.extract_lane", ImmediateKind.LANE, "v:d", 0),
  F64X2_REPLACE_LANE(0xFD, 0x22, "f64x2.replace_lane", ImmediateKind.LANE, "vd:v", 0),
  I8X16_EQ(0xFD, 0x23, "i8x16.eq", ImmediateKind.NONE, "vv:v", 0),
  I8X16_NE(0xFD, 0x24, "i8x16.ne", ImmediateKind.NONE, "vv:v", 0),
  I8X16_LT_S(0xFD, 0x25, "i8x16.lt_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_LT_U(0xFD, 0x26, "i8x16.lt_u", ImmediateKind.NONE, "vv:v", 0),
  I8X16_GT_S(0xFD, 0x27, "i8x16.gt_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_GT_U(0xFD, 0x28, "i8x16.gt_u", ImmediateKind.NONE, "vv:v", 0),
  I8X16_LE_S(0xFD, 0x29, "i8x16.le_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_LE_U(0xFD, 0x2A, "i8x16.le_u", ImmediateKind.NONE, "vv:v", 0),
  I8X16_GE_S(0xFD, 0x2B, "i8x16.ge_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_GE_U(0xFD, 0x2C, "i8x16.ge_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_EQ(0xFD, 0x2D, "i16x8.eq", ImmediateKind.NONE, "vv:v", 0),
  I16X8_NE(0xFD, 0x2E, "i16x8.ne", ImmediateKind.NONE, "vv:v", 0),
  I16X8_LT_S(0xFD, 0x2F, "i16x8.lt_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_LT_U(0xFD, 0x30, "i16x8.lt_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_GT_S(0xFD, 0x31, "i16x8.gt_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_GT_U(0xFD, 0x32, "i16x8.gt_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_LE_S(0xFD, 0x33, "i16x8.le_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_LE_U(0xFD, 0x34, "i16x8.le_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_GE_S(0xFD, 0x35, "i16x8.ge_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_GE_U(0xFD, 0x36, "i16x8.ge_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_EQ(0xFD, 0x37, "i32x4.eq", ImmediateKind.NONE, "vv:v", 0),
  I32X4_NE(0xFD, 0x38, "i32x4.ne", ImmediateKind.NONE, "vv:v", 0),
  I32X4_LT_S(0xFD, 0x39, "i32x4.lt_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_LT_U(0xFD, 0x3A, "i32x4.lt_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_GT_S(0xFD, 0x3B, "i32x4.gt_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_GT_U(0xFD, 0x3C, "i32x4.gt_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_LE_S(0xFD, 0x3D, "i32x4.le_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_LE_U(0xFD, 0x3E, "i32x4.le_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_GE_S(0xFD, 0x3F, "i32x4.ge_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_GE_U(0xFD, 0x40, "i32x4.ge_u", ImmediateKind.NONE, "vv:v", 0),
  F32X4_EQ(0xFD, 0x41, "f32x4.eq", ImmediateKind.NONE, "vv:v", 0),
  F32X4_NE(0xFD, 0x42, "f32x4.ne", ImmediateKind.NONE, "vv:v", 0),
  F32X4_LT(0xFD, 0x43, "f32x4.lt", ImmediateKind.NONE, "vv:v", 0),
  F32X4_GT(0xFD, 0x44, "f32x4.gt", ImmediateKind.NONE, "vv:v", 0),
  F32X4_LE(0xFD, 0x45, "f32x4.le", ImmediateKind.NONE, "vv:v", 0),
  F32X4_GE(0xFD, 0x46, "f32x4.ge", ImmediateKind.NONE, "vv:v", 0),
  F64X2_EQ(0xFD, 0x47, "f64x2.eq", ImmediateKind.NONE, "vv:v", 0),
  F64X2_NE(0xFD, 0x48, "f64x2.ne", ImmediateKind.NONE, "vv:v", 0),
  F64X2_LT(0xFD, 0x49, "f64x2.lt", ImmediateKind.NONE, "vv:v", 0),
  F64X2_GT(0xFD, 0x4A, "f64x2.gt", ImmediateKind.NONE, "vv:v", 0),
  F64X2_LE(0xFD, 0x4B, "f64x2.le", ImmediateKind.NONE, "vv:v", 0),
  F64X2_GE(0xFD, 0x4C, "f64x2.ge", ImmediateKind.NONE, "vv:v", 0),
  V128_NOT(0xFD, 0x4D, "v128.not", ImmediateKind.NONE, "v:v", 0),
  V128_AND(0xFD, 0x4E, "v128.and", ImmediateKind.NONE, "vv:v", 0),
  V128_ANDNOT(0xFD, 0x4F, "v128.andnot", ImmediateKind.NONE, "vv:v", 0),
  V128_OR(0xFD, 0x50, "v128.or", ImmediateKind.NONE, "vv:v", 0),
  V128_XOR(0xFD, 0x51, "v128.xor", ImmediateKind.NONE, "vv:v", 0),
  V128_BITSELECT(0xFD, 0x52, "v128.bitselect", ImmediateKind.NONE, "vvv:v", 0),
  V128_ANY_TRUE(0xFD, 0x53, "v128.any_true", ImmediateKind.NONE, "v:i", 0),
  V128_LOAD8_LANE(0xFD, 0x54, "v128.load8_lane", ImmediateKind.MEMARG_LANE, "iv:v", 1),
  V128_LOAD16_LANE(0xFD, 0x55, "v128.load16_lane", ImmediateKind.MEMARG_LANE, "iv:v", 2),
  V128_LOAD32_LANE(0xFD, 0x56, "v128.load32_lane", ImmediateKind.MEMARG_LANE, "iv:v", 4),
  V128_LOAD64_LANE(0xFD, 0x57, "v128.load64_lane", ImmediateKind.MEMARG_LANE, "iv:v", 8),
  V128_STORE8_LANE(0xFD, 0x58, "v128.store8_lane", ImmediateKind.MEMARG_LANE, "iv:", 1),
  V128_STORE16_LANE(0xFD, 0x59, "v128.store16_lane", ImmediateKind.MEMARG_LANE, "iv:", 2),
  V128_STORE32_LANE(0xFD, 0x5A, "v128.store32_lane", ImmediateKind.MEMARG_LANE, "iv:", 4),
  V128_STORE64_LANE(0xFD, 0x5B, "v128.store64_lane", ImmediateKind.MEMARG_LANE, "iv:", 8),
  V128_LOAD32_ZERO(0xFD, 0x5C, "v128.load32_zero", ImmediateKind.MEMARG, "i:v", 4),
  V128_LOAD64_ZERO(0xFD, 0x5D, "v128.load64_zero", ImmediateKind.MEMARG, "i:v", 8),
  F32X4_DEMOTE_F64X2_ZERO(0xFD, 0x5E, "f32x4.demote_f64x2_zero", ImmediateKind.NONE, "v:v", 0),
  F64X2_PROMOTE_LOW_F32X4(0xFD, 0x5F, "f64x2.promote_low_f32x4", ImmediateKind.NONE, "v:v", 0),
  I8X16_ABS(0xFD, 0x60, "i8x16.abs", ImmediateKind.NONE, "v:v", 0),
  I8X16_NEG(0xFD, 0x61, "i8x16.neg", ImmediateKind.NONE, "v:v", 0),
  I8X16_POPCNT(0xFD, 0x62, "i8x16.popcnt", ImmediateKind.NONE, "v:v", 0),
  I8X16_ALL_TRUE(0xFD, 0x63, "i8x16.all_true", ImmediateKind.NONE, "v:i", 0),
  I8X16_BITMASK(0xFD, 0x64, "i8x16.bitmask", ImmediateKind.NONE, "v:i", 0),
  I8X16_NARROW_I16X8_S(0xFD, 0x65, "i8x16.narrow_i16x8_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_NARROW_I16X8_U(0xFD, 0x66, "i8x16.narrow_i16x8_u", ImmediateKind.NONE, "vv:v", 0),
  F32X4_CEIL(0xFD, 0x67, "f32x4.ceil", ImmediateKind.NONE, "v:v", 0),
  F32X4_FLOOR(0xFD, 0x68, "f32x4.floor", ImmediateKind.NONE, "v:v", 0),
  F32X4_TRUNC(0xFD, 0x69, "f32x4.trunc", ImmediateKind.NONE, "v:v", 0),
  F32X4_NEAREST(0xFD, 0x6A, "f32x4.nearest", ImmediateKind.NONE, "v:v", 0),
  I8X16_SHL(0xFD, 0x6B, "i8x16.shl", ImmediateKind.NONE, "vi:v", 0),
  I8X16_SHR_S(0xFD, 0x6C, "i8x16.shr_s", ImmediateKind.NONE, "vi:v", 0),
  I8X16_SHR_U(0xFD, 0x6D, "i8x16.shr_u", ImmediateKind.NONE, "vi:v", 0),
  I8X16_ADD(0xFD, 0x6E, "i8x16.add", ImmediateKind.NONE, "vv:v", 0),
  I8X16_ADD_SAT_S(0xFD, 0x6F, "i8x16.add_sat_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_ADD_SAT_U(0xFD, 0x70, "i8x16.add_sat_u", ImmediateKind.NONE, "vv:v", 0),
  I8X16_SUB(0xFD, 0x71, "i8x16.sub", ImmediateKind.NONE, "vv:v", 0),
  I8X16_SUB_SAT_S(0xFD, 0x72, "i8x16.sub_sat_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_SUB_SAT_U(0xFD, 0x73, "i8x16.sub_sat_u", ImmediateKind.NONE, "vv:v", 0),
  F64X2_CEIL(0xFD, 0x74, "f64x2.ceil", ImmediateKind.NONE, "v:v", 0),
  F64X2_FLOOR(0xFD, 0x75, "f64x2.floor", ImmediateKind.NONE, "v:v", 0),
  I8X16_MIN_S(0xFD, 0x76, "i8x16.min_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_MIN_U(0xFD, 0x77, "i8x16.min_u", ImmediateKind.NONE, "vv:v", 0),
  I8X16_MAX_S(0xFD, 0x78, "i8x16.max_s", ImmediateKind.NONE, "vv:v", 0),
  I8X16_MAX_U(0xFD, 0x79, "i8x16.max_u", ImmediateKind.NONE, "vv:v", 0),
  F64X2_TRUNC(0xFD, 0x7A, "f64x2.trunc", ImmediateKind.NONE, "v:v", 0),
  I8X16_AVGR_U(0xFD, 0x7B, "i8x16.avgr_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_EXTADD_PAIRWISE_I8X16_S(0xFD, 0x7C, "i16x8.extadd_pairwise_i8x16_s", ImmediateKind.NONE, "v:v", 0),
  I16X8_EXTADD_PAIRWISE_I8X16_U(0xFD, 0x7D, "i16x8.extadd_pairwise_i8x16_u", ImmediateKind.NONE, "v:v", 0),
  I32X4_EXTADD_PAIRWISE_I16X8_S(0xFD, 0x7E, "i32x4.extadd_pairwise_i16x8_s", ImmediateKind.NONE, "v:v", 0),
  I32X4_EXTADD_PAIRWISE_I16X8_U(0xFD, 0x7F, "i32x4.extadd_pairwise_i16x8_u", ImmediateKind.NONE, "v:v", 0),
  I16X8_ABS(0xFD, 0x80, "i16x8.abs", ImmediateKind.NONE, "v:v", 0),
  I16X8_NEG(0xFD, 0x81, "i16x8.neg", ImmediateKind.NONE, "v:v", 0),
  I16X8_Q15MULR_SAT_S(0xFD, 0x82, "i16x8.q15mulr_sat_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_ALL_TRUE(0xFD, 0x83, "i16x8.all_true", ImmediateKind.NONE, "v:i", 0),
  I16X8_BITMASK(0xFD, 0x84, "i16x8.bitmask", ImmediateKind.NONE, "v:i", 0),
  I16X8_NARROW_I32X4_S(0xFD, 0x85, "i16x8.narrow_i32x4_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_NARROW_I32X4_U(0xFD, 0x86, "i16x8.narrow_i32x4_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_EXTEND_LOW_I8X16_S(0xFD, 0x87, "i16x8.extend_low_i8x16_s", ImmediateKind.NONE, "v:v", 0),
  I16X8_EXTEND_HIGH_I8X16_S(0xFD, 0x88, "i16x8.extend_high_i8x16_s", ImmediateKind.NONE, "v:v", 0),
  I16X8_EXTEND_LOW_I8X16_U(0xFD, 0x89, "i16x8.extend_low_i8x16_u", ImmediateKind.NONE, "v:v", 0),
  I16X8_EXTEND_HIGH_I8X16_U(0xFD, 0x8A, "i16x8.extend_high_i8x16_u", ImmediateKind.NONE, "v:v", 0),
  I16X8_SHL(0xFD, 0x8B, "i16x8.shl", ImmediateKind.NONE, "vi:v", 0),
  I16X8_SHR_S(0xFD, 0x8C, "i16x8.shr_s", ImmediateKind.NONE, "vi:v", 0),
  I16X8_SHR_U(0xFD, 0x8D, "i16x8.shr_u", ImmediateKind.NONE, "vi:v", 0),
  I16X8_ADD(0xFD, 0x8E, "i16x8.add", ImmediateKind.NONE, "vv:v", 0),
  I16X8_ADD_SAT_S(0xFD, 0x8F, "i16x8.add_sat_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_ADD_SAT_U(0xFD, 0x90, "i16x8.add_sat_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_SUB(0xFD, 0x91, "i16x8.sub", ImmediateKind.NONE, "vv:v", 0),
  I16X8_SUB_SAT_S(0xFD, 0x92, "i16x8.sub_sat_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_SUB_SAT_U(0xFD, 0x93, "i16x8.sub_sat_u", ImmediateKind.NONE, "vv:v", 0),
  F64X2_NEAREST(0xFD, 0x94, "f64x2.nearest", ImmediateKind.NONE, "v:v", 0),
  I16X8_MUL(0xFD, 0x95, "i16x8.mul", ImmediateKind.NONE, "vv:v", 0),
  I16X8_MIN_S(0xFD, 0x96, "i16x8.min_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_MIN_U(0xFD, 0x97, "i16x8.min_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_MAX_S(0xFD, 0x98, "i16x8.max_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_MAX_U(0xFD, 0x99, "i16x8.max_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_AVGR_U(0xFD, 0x9B, "i16x8.avgr_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_EXTMUL_LOW_I8X16_S(0xFD, 0x9C, "i16x8.extmul_low_i8x16_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_EXTMUL_HIGH_I8X16_S(0xFD, 0x9D, "i16x8.extmul_high_i8x16_s", ImmediateKind.NONE, "vv:v", 0),
  I16X8_EXTMUL_LOW_I8X16_U(0xFD, 0x9E, "i16x8.extmul_low_i8x16_u", ImmediateKind.NONE, "vv:v", 0),
  I16X8_EXTMUL_HIGH_I8X16_U(0xFD, 0x9F, "i16x8.extmul_high_i8x16_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_ABS(0xFD, 0xA0, "i32x4.abs", ImmediateKind.NONE, "v:v", 0),
  I32X4_NEG(0xFD, 0xA1, "i32x4.neg", ImmediateKind.NONE, "v:v", 0),
  I32X4_ALL_TRUE(0xFD, 0xA3, "i32x4.all_true", ImmediateKind.NONE, "v:i", 0),
  I32X4_BITMASK(0xFD, 0xA4, "i32x4.bitmask", ImmediateKind.NONE, "v:i", 0),
  I32X4_EXTEND_LOW_I16X8_S(0xFD, 0xA7, "i32x4.extend_low_i16x8_s", ImmediateKind.NONE, "v:v", 0),
  I32X4_EXTEND_HIGH_I16X8_S(0xFD, 0xA8, "i32x4.extend_high_i16x8_s", ImmediateKind.NONE, "v:v", 0),
  I32X4_EXTEND_LOW_I16X8_U(0xFD, 0xA9, "i32x4.extend_low_i16x8_u", ImmediateKind.NONE, "v:v", 0),
  I32X4_EXTEND_HIGH_I16X8_U(0xFD, 0xAA, "i32x4.extend_high_i16x8_u", ImmediateKind.NONE, "v:v", 0),
  I32X4_SHL(0xFD, 0xAB, "i32x4.shl", ImmediateKind.NONE, "vi:v", 0),
  I32X4_SHR_S(0xFD, 0xAC, "i32x4.shr_s", ImmediateKind.NONE, "vi:v", 0),
  I32X4_SHR_U(0xFD, 0xAD, "i32x4.shr_u", ImmediateKind.NONE, "vi:v", 0),
  I32X4_ADD(0xFD, 0xAE, "i32x4.add", ImmediateKind.NONE, "vv:v", 0),
  I32X4_SUB(0xFD, 0xB1, "i32x4.sub", ImmediateKind.NONE, "vv:v", 0),
  I32X4_MUL(0xFD, 0xB5, "i32x4.mul", ImmediateKind.NONE, "vv:v", 0),
  I32X4_MIN_S(0xFD, 0xB6, "i32x4.min_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_MIN_U(0xFD, 0xB7, "i32x4.min_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_MAX_S(0xFD, 0xB8, "i32x4.max_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_MAX_U(0xFD, 0xB9, "i32x4.max_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_DOT_I16X8_S(0xFD, 0xBA, "i32x4.dot_i16x8_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_EXTMUL_LOW_I16X8_S(0xFD, 0xBC, "i32x4.extmul_low_i16x8_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_EXTMUL_HIGH_I16X8_S(0xFD, 0xBD, "i32x4.extmul_high_i16x8_s", ImmediateKind.NONE, "vv:v", 0),
  I32X4_EXTMUL_LOW_I16X8_U(0xFD, 0xBE, "i32x4.extmul_low_i16x8_u", ImmediateKind.NONE, "vv:v", 0),
  I32X4_EXTMUL_HIGH_I16X8_U(0xFD, 0xBF, "i32x4.extmul_high_i16x8_u", ImmediateKind.NONE, "vv:v", 0),
  I64X2_ABS(0xFD, 0xC0, "i64x2.abs", ImmediateKind.NONE, "v:v", 0),
  I64X2_NEG(0xFD, 0xC1, "i64x2.neg", ImmediateKind.NONE, "v:v", 0),
  I64X2_ALL_TRUE(0xFD, 0xC3, "i64x2.all_true", ImmediateKind.NONE, "v:i", 0),
  I64X2_BITMASK(0xFD, 0xC4, "i64x2.bitmask", ImmediateKind.NONE, "v:i", 0),
  I64X2_EXTEND_LOW_I32X4_S(0xFD, 0xC7, "i64x2.extend_low_i32x4_s", ImmediateKind.NONE, "v:v", 0),
  I64X2_EXTEND_HIGH_I32X4_S(0xFD, 0xC8, "i64x2.extend_high_i32x4_s", ImmediateKind.NONE, "v:v", 0),
  I64X2_EXTEND_LOW_I32X4_U(0xFD, 0xC9, "i64x2.extend_low_i32x4_u", ImmediateKind.NONE, "v:v", 0),
  I64X2_EXTEND_HIGH_I32X4_U(0xFD, 0xCA, "i64x2.extend_high_i32x4_u", ImmediateKind.NONE, "v:v", 0),
  I64X2_SHL(0xFD, 0xCB, "i64x2.shl", ImmediateKind.NONE, "vi:v", 0),
  I64X2_SHR_S(0xFD, 0xCC, "i64x2.shr_s", ImmediateKind.NONE, "vi:v", 0),
  I64X2_SHR_U(0xFD, 0xCD, "i64x2.shr_u", ImmediateKind.NONE, "vi:v", 0),
  I64X2_ADD(0xFD, 0xCE, "i64x2.add", ImmediateKind.NONE, "vv:v", 0),
  I64X2_SUB(0xFD, 0xD1, "i64x2.sub", ImmediateKind.NONE, "vv:v", 0),
  I64X2_MUL(0xFD, 0xD5, "i64x2.mul", ImmediateKind.NONE, "vv:v", 0),
  I64X2_EQ(0xFD, 0xD6, "i64x2.eq", ImmediateKind.NONE, "vv:v", 0),
  I64X2_NE(0xFD, 0xD7, "i64x2.ne", ImmediateKind.NONE, "vv:v", 0),
  I64X2_LT_S(0xFD, 0xD8, "i64x2.lt_s", ImmediateKind.NONE, "vv:v", 0),
  I64X2_GT_S(0xFD, 0xD9, "i64x2.gt_s", ImmediateKind.NONE, "vv:v", 0),
  I64X2_LE_S(0xFD, 0xDA, "i64x2.le_s", ImmediateKind.NONE, "vv:v", 0),
  I64X2_GE_S(0xFD, 0xDB, "i64x2.ge_s", ImmediateKind.NONE, "vv:v", 0),
  I64X2_EXTMUL_LOW_I32X4_S(0xFD, 0xDC, "i64x2.extmul_low_i32x4_s", ImmediateKind.NONE, "vv:v", 0),
  I64X2_EXTMUL_HIGH_I32X4_S(0xFD, 0xDD, "i64x2.extmul_high_i32x4_s", ImmediateKind.NONE, "vv:v", 0),
  I64X2_EXTMUL_LOW_I32X4_U(0xFD, 0xDE, "i64x2.extmul_low_i32x4_u", ImmediateKind.NONE, "vv:v", 0),
  I64X2_EXTMUL_HIGH_I32X4_U(0xFD, 0xDF, "i64x2.extmul_high_i32x4_u", ImmediateKind.NONE, "vv:v", 0),
  F32X4_ABS(0xFD, 0xE0, "f32x4.abs", ImmediateKind.NONE, "v:v", 0),
  F32X4_NEG(0xFD, 0xE1, "f32x4.neg", ImmediateKind.NONE, "v:v", 0),
  F32X4_SQRT(0xFD, 0xE3, "f32x4.sqrt", ImmediateKind.NONE, "v:v", 0),
  F32X4_ADD(0xFD, 0xE4, "f32x4.add", ImmediateKind.NONE, "vv:v", 0),
  F32X4_SUB(0xFD, 0xE5, "f32x4.sub", ImmediateKind.NONE, "vv:v", 0),
  F32X4_MUL(0xFD, 0xE6, "f32x4.mul", ImmediateKind.NONE, "vv:v", 0),
  F32X4_DIV(0xFD, 0xE7, "f32x4.div", ImmediateKind.NONE, "vv:v", 0),
  F32X4_MIN(0xFD, 0xE8, "f32x4.min", ImmediateKind.NONE, "vv:v", 0),
  F32X4_MAX(0xFD, 0xE9, "f32x4.max", ImmediateKind.NONE, "vv:v", 0),
  F32X4_PMIN(0xFD, 0xEA, "f32x4.pmin", ImmediateKind.NONE, "vv:v", 0),
  F32X4_PMAX(0xFD, 0xEB, "f32x4.pmax", ImmediateKind.NONE, "vv:v", 0),
  F64X2_ABS(0xFD, 0xEC, "f64x2.abs", ImmediateKind.NONE, "v:v", 0),
  F64X2_NEG(0xFD, 0xED, "f64x2.neg", ImmediateKind.NONE, "v:v", 0),
  F64X2_SQRT(0xFD, 0xEF, "f64x2.sqrt", ImmediateKind.NONE, "v:v", 0),
  F64X2_ADD(0xFD, 0xF0, "f64x2.add", ImmediateKind.NONE, "vv:v", 0),
  F64X2_SUB(0xFD, 0xF1, "f64x2.sub", ImmediateKind.NONE, "vv:v", 0),
  F64X2_MUL(0xFD, 0xF2, "f64x2.mul", ImmediateKind.NONE, "vv:v", 0),
  F64X2_DIV(0xFD, 0xF3, "f64x2.div", ImmediateKind.NONE, "vv:v", 0),
  F64X2_MIN(0xFD, 0xF4, "f64x2.min", ImmediateKind.NONE, "vv:v", 0),
  F64X2_MAX(0xFD, 0xF5, "f64x2.max", ImmediateKind.NONE, "vv:v", 0),
  F64X2_PMIN(0xFD, 0xF6, "f64x2.pmin", ImmediateKind.NONE, "vv:v", 0),
  F64X2_PMAX(0xFD, 0xF7, "f64x2.pmax", ImmediateKind.NONE, "vv:v", 0),
  I32X4_TRUNC_SAT_F32X4_S(0xFD, 0xF8, "i32x4.trunc_sat_f32x4_s", ImmediateKind.NONE, "v:v", 0),
  I32X4_TRUNC_SAT_F32X4_U(0xFD, 0xF9, "i32x4.trunc_sat_f32x4_u", ImmediateKind.NONE, "v:v", 0),
  F32X4_CONVERT_I32X4_S(0xFD, 0xFA, "f32x4.convert_i32x4_s", ImmediateKind.NONE, "v:v", 0),
  F32X4_CONVERT_I32X4_U(0xFD, 0xFB, "f32x4.convert_i32x4_u", ImmediateKind.NONE, "v:v", 0),
  I32X4_TRUNC_SAT_F64X2_S_ZERO(0xFD, 0xFC, "i32x4.trunc_sat_f64x2_s_zero", ImmediateKind.NONE, "v:v", 0),
  I32X4_TRUNC_SAT_F64X2_U_ZERO(0xFD, 0xFD, "i32x4.trunc_sat_f64x2_u_zero", ImmediateKind.NONE, "v:v", 0),
  F64X2_CONVERT_LOW_I32X4_S(0xFD, 0xFE, "f64x2.convert_low_i32x4_s", ImmediateKind.NONE, "v:v", 0),
  F64X2_CONVERT_LOW_I32X4_U(0xFD, 0xFF, "f64x2.convert_low_i32x4_u", ImmediateKind.NONE, "v:v", 0);

  /** The prefix byte of multi-byte opcodes, or 0 for single-byte opcodes. */
  private final int prefix;
  /** The opcode byte, or for prefixed opcodes the LEB128-encoded u32 that follows the prefix. */
  private final int code;
  private final String textName;
  private final ImmediateKind immediate;
  private final Signature signature;
  private final int accessWidth;

  OpCode(int prefix, int code, String textName, ImmediateKind immediate, String signature, int accessWidth) {
    this.prefix = prefix;
    this.code = code;
    this.textName = textName;
    this.immediate = immediate;
    this.signature = signature == null ? null : Signature.parse(signature);
    this.accessWidth = accessWidth;
  }

  /** 0 for single-byte opcodes, else 0xFC or 0xFD. */
  public int prefix() {
    return prefix;
  }

  /** The opcode byte, or the sub-opcode after the prefix. */
  public int code() {
    return code;
  }

  /** The name in the text format, e.g. {@code i32.add}. */
  public String textName() {
    return textName;
  }

  public ImmediateKind immediate() {
    return immediate;
  }

  /** Fixed operand and result types, or {@code null} if the validator types the instruction by hand. */
  public Signature signature() {
    return signature;
  }

  /** Bytes accessed in linear memory by a load or store (its natural alignment is log2 of this), else 0. */
  public int accessWidth() {
    return accessWidth;
  }

  /** Log2 of {@link #accessWidth()}: the largest alignment a memarg of this instruction may declare. */
  public int naturalAlignment() {
    return Integer.numberOfTrailingZeros(accessWidth);
  }

  private static final OpCode[] SINGLE = new OpCode[256];
  private static final OpCode[] PREFIX_FC = new OpCode[32];
  private static final OpCode[] PREFIX_FD = new OpCode[256];

  static {
    for (OpCode op : values()) {
      switch (op.prefix) {
        case 0 -> SINGLE[op.code] = op;
        case 0xFC -> PREFIX_FC[op.code] = op;
        case 0xFD -> PREFIX_FD[op.code] = op;
        default -> throw new AssertionError(op);
      }
    }
  }

  /** The single-byte opcode {@code b}, or {@code null} if there is none (0xFC and 0xFD are prefixes). */
  public static OpCode forByte(int b) {
    return b >= 0 && b < 256 ? SINGLE[b] : null;
  }

  /** The opcode {@code sub} after {@code prefix} (0xFC or 0xFD), or {@code null} if there is none. */
  public static OpCode forPrefixed(int prefix, long sub) {
    OpCode[] table = prefix == 0xFC ? PREFIX_FC : prefix == 0xFD ? PREFIX_FD : null;
    return table != null && sub >= 0 && sub < table.length ? table[(int) sub] : null;
  }

  /** What follows an opcode in the binary format; names the {@link Immediate} record the decoder builds. */
  public enum ImmediateKind {
    /** No immediate: {@link Immediate.None}. */
    NONE,
    /** {@link Immediate.Block}. */
    BLOCK_TYPE,
    /** A label index: {@link Immediate.Index}. */
    LABEL,
    /** {@link Immediate.BrTable}. */
    BR_TABLE,
    /** A function index: {@link Immediate.Index}. */
    FUNC,
    /** {@link Immediate.CallIndirect}. */
    CALL_INDIRECT,
    /** A local index: {@link Immediate.Index}. */
    LOCAL,
    /** A global index: {@link Immediate.Index}. */
    GLOBAL,
    /** A table index: {@link Immediate.Index}. */
    TABLE,
    /** {@link Immediate.MemArg}. */
    MEMARG,
    /** {@link Immediate.MemArgLane}. */
    MEMARG_LANE,
    /** {@link Immediate.I32}. */
    I32,
    /** {@link Immediate.I64}. */
    I64,
    /** {@link Immediate.F32}. */
    F32,
    /** {@link Immediate.F64}. */
    F64,
    /** {@link Immediate.V128}. */
    V128,
    /** A lane index: {@link Immediate.Lane}. */
    LANE,
    /** {@link Immediate.Shuffle}. */
    SHUFFLE,
    /** {@link Immediate.SelectTypes}. */
    SELECT_TYPES,
    /** {@link Immediate.RefType}. */
    REF_TYPE,
    /** A memory index (a zero byte before multi-memory): {@link Immediate.Index}. */
    MEMORY,
    /** A data segment index: {@link Immediate.Index}. */
    DATA,
    /** An element segment index: {@link Immediate.Index}. */
    ELEM,
    /** Data segment, then memory: {@link Immediate.Pair}. */
    MEMORY_INIT,
    /** Destination memory, then source memory: {@link Immediate.Pair}. */
    MEMORY_COPY,
    /** Element segment, then table: {@link Immediate.Pair}. */
    TABLE_INIT,
    /** Destination table, then source table: {@link Immediate.Pair}. */
    TABLE_COPY
  }

  /** Operand types popped (first pushed first) and result types pushed by a fixed-signature instruction. */
  public record Signature(List<ValType> params, List<ValType> results) {
    static Signature parse(String s) {
      int colon = s.indexOf(':');
      return new Signature(types(s.substring(0, colon)), types(s.substring(colon + 1)));
    }

    private static List<ValType> types(String s) {
      return s.chars()
          .mapToObj(c -> switch (c) {
            case 'i' -> ValType.I32;
            case 'l' -> ValType.I64;
            case 'f' -> ValType.F32;
            case 'd' -> ValType.F64;
            case 'v' -> ValType.V128;
            default -> throw new IllegalArgumentException("signature letter " + (char) c);
          })
          .toList();
    }
  }
}
