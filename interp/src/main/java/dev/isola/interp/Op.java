package dev.isola.interp;

import dev.isola.wasm.OpCode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The interpreter's own instruction numbers, dense from 0 so that the dispatch {@code switch} compiles to one
 * {@code tableswitch}. The first block mirrors {@link OpCode} rows that run as they are (numeric, memory, table
 * and reference instructions: {@link #DIRECT} lists them in number order); the second block is the
 * pre-decoder's control and variable forms, specialised by operand type or by whether a branch moves values.
 *
 * <p>Generated from {@link OpCode}; keep {@link #DIRECT} and the constants in the same order.
 */
final class Op {
  private Op() {}

  static final int UNREACHABLE = 0;
  static final int TABLE_GET = 1;
  static final int TABLE_SET = 2;
  static final int I32_LOAD = 3;
  static final int I64_LOAD = 4;
  static final int F32_LOAD = 5;
  static final int F64_LOAD = 6;
  static final int I32_LOAD8_S = 7;
  static final int I32_LOAD8_U = 8;
  static final int I32_LOAD16_S = 9;
  static final int I32_LOAD16_U = 10;
  static final int I64_LOAD8_S = 11;
  static final int I64_LOAD8_U = 12;
  static final int I64_LOAD16_S = 13;
  static final int I64_LOAD16_U = 14;
  static final int I64_LOAD32_S = 15;
  static final int I64_LOAD32_U = 16;
  static final int I32_STORE = 17;
  static final int I64_STORE = 18;
  static final int F32_STORE = 19;
  static final int F64_STORE = 20;
  static final int I32_STORE8 = 21;
  static final int I32_STORE16 = 22;
  static final int I64_STORE8 = 23;
  static final int I64_STORE16 = 24;
  static final int I64_STORE32 = 25;
  static final int MEMORY_SIZE = 26;
  static final int MEMORY_GROW = 27;
  static final int I32_CONST = 28;
  static final int I64_CONST = 29;
  static final int F32_CONST = 30;
  static final int F64_CONST = 31;
  static final int I32_EQZ = 32;
  static final int I32_EQ = 33;
  static final int I32_NE = 34;
  static final int I32_LT_S = 35;
  static final int I32_LT_U = 36;
  static final int I32_GT_S = 37;
  static final int I32_GT_U = 38;
  static final int I32_LE_S = 39;
  static final int I32_LE_U = 40;
  static final int I32_GE_S = 41;
  static final int I32_GE_U = 42;
  static final int I64_EQZ = 43;
  static final int I64_EQ = 44;
  static final int I64_NE = 45;
  static final int I64_LT_S = 46;
  static final int I64_LT_U = 47;
  static final int I64_GT_S = 48;
  static final int I64_GT_U = 49;
  static final int I64_LE_S = 50;
  static final int I64_LE_U = 51;
  static final int I64_GE_S = 52;
  static final int I64_GE_U = 53;
  static final int F32_EQ = 54;
  static final int F32_NE = 55;
  static final int F32_LT = 56;
  static final int F32_GT = 57;
  static final int F32_LE = 58;
  static final int F32_GE = 59;
  static final int F64_EQ = 60;
  static final int F64_NE = 61;
  static final int F64_LT = 62;
  static final int F64_GT = 63;
  static final int F64_LE = 64;
  static final int F64_GE = 65;
  static final int I32_CLZ = 66;
  static final int I32_CTZ = 67;
  static final int I32_POPCNT = 68;
  static final int I32_ADD = 69;
  static final int I32_SUB = 70;
  static final int I32_MUL = 71;
  static final int I32_DIV_S = 72;
  static final int I32_DIV_U = 73;
  static final int I32_REM_S = 74;
  static final int I32_REM_U = 75;
  static final int I32_AND = 76;
  static final int I32_OR = 77;
  static final int I32_XOR = 78;
  static final int I32_SHL = 79;
  static final int I32_SHR_S = 80;
  static final int I32_SHR_U = 81;
  static final int I32_ROTL = 82;
  static final int I32_ROTR = 83;
  static final int I64_CLZ = 84;
  static final int I64_CTZ = 85;
  static final int I64_POPCNT = 86;
  static final int I64_ADD = 87;
  static final int I64_SUB = 88;
  static final int I64_MUL = 89;
  static final int I64_DIV_S = 90;
  static final int I64_DIV_U = 91;
  static final int I64_REM_S = 92;
  static final int I64_REM_U = 93;
  static final int I64_AND = 94;
  static final int I64_OR = 95;
  static final int I64_XOR = 96;
  static final int I64_SHL = 97;
  static final int I64_SHR_S = 98;
  static final int I64_SHR_U = 99;
  static final int I64_ROTL = 100;
  static final int I64_ROTR = 101;
  static final int F32_ABS = 102;
  static final int F32_NEG = 103;
  static final int F32_CEIL = 104;
  static final int F32_FLOOR = 105;
  static final int F32_TRUNC = 106;
  static final int F32_NEAREST = 107;
  static final int F32_SQRT = 108;
  static final int F32_ADD = 109;
  static final int F32_SUB = 110;
  static final int F32_MUL = 111;
  static final int F32_DIV = 112;
  static final int F32_MIN = 113;
  static final int F32_MAX = 114;
  static final int F32_COPYSIGN = 115;
  static final int F64_ABS = 116;
  static final int F64_NEG = 117;
  static final int F64_CEIL = 118;
  static final int F64_FLOOR = 119;
  static final int F64_TRUNC = 120;
  static final int F64_NEAREST = 121;
  static final int F64_SQRT = 122;
  static final int F64_ADD = 123;
  static final int F64_SUB = 124;
  static final int F64_MUL = 125;
  static final int F64_DIV = 126;
  static final int F64_MIN = 127;
  static final int F64_MAX = 128;
  static final int F64_COPYSIGN = 129;
  static final int I32_WRAP_I64 = 130;
  static final int I32_TRUNC_F32_S = 131;
  static final int I32_TRUNC_F32_U = 132;
  static final int I32_TRUNC_F64_S = 133;
  static final int I32_TRUNC_F64_U = 134;
  static final int I64_EXTEND_I32_S = 135;
  static final int I64_EXTEND_I32_U = 136;
  static final int I64_TRUNC_F32_S = 137;
  static final int I64_TRUNC_F32_U = 138;
  static final int I64_TRUNC_F64_S = 139;
  static final int I64_TRUNC_F64_U = 140;
  static final int F32_CONVERT_I32_S = 141;
  static final int F32_CONVERT_I32_U = 142;
  static final int F32_CONVERT_I64_S = 143;
  static final int F32_CONVERT_I64_U = 144;
  static final int F32_DEMOTE_F64 = 145;
  static final int F64_CONVERT_I32_S = 146;
  static final int F64_CONVERT_I32_U = 147;
  static final int F64_CONVERT_I64_S = 148;
  static final int F64_CONVERT_I64_U = 149;
  static final int F64_PROMOTE_F32 = 150;
  static final int I32_REINTERPRET_F32 = 151;
  static final int I64_REINTERPRET_F64 = 152;
  static final int F32_REINTERPRET_I32 = 153;
  static final int F64_REINTERPRET_I64 = 154;
  static final int I32_EXTEND8_S = 155;
  static final int I32_EXTEND16_S = 156;
  static final int I64_EXTEND8_S = 157;
  static final int I64_EXTEND16_S = 158;
  static final int I64_EXTEND32_S = 159;
  static final int REF_NULL = 160;
  static final int REF_IS_NULL = 161;
  static final int REF_FUNC = 162;
  static final int I32_TRUNC_SAT_F32_S = 163;
  static final int I32_TRUNC_SAT_F32_U = 164;
  static final int I32_TRUNC_SAT_F64_S = 165;
  static final int I32_TRUNC_SAT_F64_U = 166;
  static final int I64_TRUNC_SAT_F32_S = 167;
  static final int I64_TRUNC_SAT_F32_U = 168;
  static final int I64_TRUNC_SAT_F64_S = 169;
  static final int I64_TRUNC_SAT_F64_U = 170;
  static final int MEMORY_INIT = 171;
  static final int DATA_DROP = 172;
  static final int MEMORY_COPY = 173;
  static final int MEMORY_FILL = 174;
  static final int TABLE_INIT = 175;
  static final int ELEM_DROP = 176;
  static final int TABLE_COPY = 177;
  static final int TABLE_GROW = 178;
  static final int TABLE_SIZE = 179;
  static final int TABLE_FILL = 180;

  // Pre-decoder forms.
  static final int NOP = 181;
  static final int BR = 182;
  static final int BR_MOVE = 183;
  static final int BR_IF = 184;
  static final int BR_IF_MOVE = 185;
  static final int BR_TABLE = 186;
  static final int JUMP_IF_ZERO = 187;
  static final int RETURN = 188;
  static final int CALL = 189;
  static final int CALL_INDIRECT = 190;
  static final int RETURN_CALL = 191;
  static final int RETURN_CALL_INDIRECT = 192;
  static final int DROP = 193;
  static final int SELECT = 194;
  static final int SELECT_REF = 195;
  static final int SELECT_V128 = 196;
  static final int LOCAL_GET = 197;
  static final int LOCAL_SET = 198;
  static final int LOCAL_TEE = 199;
  static final int LOCAL_GET_REF = 200;
  static final int LOCAL_SET_REF = 201;
  static final int LOCAL_TEE_REF = 202;
  static final int LOCAL_GET_V128 = 203;
  static final int LOCAL_SET_V128 = 204;
  static final int LOCAL_TEE_V128 = 205;
  static final int GLOBAL_GET = 206;
  static final int GLOBAL_SET = 207;
  static final int GLOBAL_GET_REF = 208;
  static final int GLOBAL_SET_REF = 209;
  static final int GLOBAL_GET_V128 = 210;
  static final int GLOBAL_SET_V128 = 211;
  static final int LOOP_POLL = 212;
  static final int MEMORY_ALWAYS_OUT_OF_BOUNDS = 213;
  static final int V128_LOAD = 214;
  static final int V128_STORE = 215;
  static final int V128_CONST = 216;
  static final int SIMD = 217;

  // Super-instructions: the pre-decoder fuses frequent sequences (see SuperInstructions.fuse); operands are those of
  // the fused instructions in order, e.g. I32_ADD_LC is local.get a; i32.const c; i32.add with operands a, c.
  static final int LG_LG = 218;
  static final int LG_C = 219;
  static final int I32_ADD_LL = 220;
  static final int I32_ADD_LC = 221;
  static final int I32_SUB_LC = 222;
  static final int I32_AND_LC = 223;
  static final int I32_ADD_C = 224;
  static final int I32_SUB_C = 225;
  static final int I32_AND_C = 226;
  static final int I32_SHL_C = 227;
  static final int I32_SHR_U_C = 228;
  static final int I32_LOAD_L = 229;
  static final int I32_STORE_L = 230;
  static final int LS_LG = 231;
  static final int LT_LG = 232;
  static final int BR_IF_EQZ = 233;
  static final int BR_IF_EQ = 234;
  static final int BR_IF_NE = 235;
  static final int BR_IF_LT_S = 236;
  static final int BR_IF_LT_U = 237;
  static final int BR_IF_GT_S = 238;
  static final int BR_IF_GT_U = 239;
  static final int JUMP_IF_NONZERO = 240;
  static final int I32_ADD_SET = 241;
  static final int I32_ADD_TEE = 242;
  static final int I32_ADD_LC_SET = 243;
  static final int F64_LOAD_L = 244;
  static final int F64_ADD_M = 245;
  static final int F64_MUL_M = 246;
  static final int F64_ADD_ML = 247;
  static final int F64_MUL_ML = 248;
  static final int F64_ADD_STORE = 249;
  static final int F64_MUL_L = 250;
  static final int F64_ADD_L = 251;
  static final int F64_SUB_L = 252;
  static final int I64_ADD_L = 253;
  static final int LG_LS = 254;
  static final int I32_NE_C = 255;
  static final int BR_IF_NE_C = 256;
  static final int I32_LOAD8_U_L = 257;
  static final int I32_ADD_C_LOAD = 258;
  static final int I32_ADD_C_LOAD8_U = 259;
  static final int F64_SUB_M = 260;
  static final int F64_SUB_STORE = 261;
  static final int F64_MUL_LL = 262;
  static final int F64_ADD_C_LOAD = 263;
  /** f64.const c; f64.le (operands: c as two ints), and with i32.eqz after it; both out of line (RareOps). */
  static final int F64_LE_C = 264;
  static final int F64_NLE_C = 265;
  /** {@code F64_LE_C} or {@code F64_NLE_C} fused with the branch that consumes it (operands: c, target). */
  static final int JUMP_F64_LE_C = 266;
  static final int JUMP_F64_NLE_C = 267;
  /** f64.load of a local's address, f64.add, f64.store (operands: local, load offset, store offset). */
  static final int F64_ADD_ML_STORE = 268;
  /** i64.le_u; br_if (operand: target). */
  static final int BR_IF_LE_U64 = 269;
  /** local.get a; i32.const c; i32.shr_u (operands: a, c), and then i32.xor (CRC's table-driven step). */
  static final int I32_SHR_U_LC = 270;
  static final int I32_XOR_SHR_U_LC = 271;
  /** local.get a; i32.const c; i32.store8 (operands: a, c, offset): a constant byte stored at a local's address. */
  static final int I32_STORE8_LC = 272;
  /** local.tee a; local.get b; f64.mul (operands: a, b). */
  static final int LT_F64_MUL_L = 273;
  /** local.tee a; f64.add and local.tee a; f64.mul (operand: a). */
  static final int LT_F64_ADD = 274;
  static final int LT_F64_MUL = 275;
  /** local.get a; local.get b; f64.add and f64.sub (operands: a, b). */
  static final int F64_ADD_LL = 276;
  static final int F64_SUB_LL = 277;
  /** i32.const m; i32.and; i32.const k; i32.shl (operands: m, k): a table index scaled to bytes. */
  static final int I32_AND_SHL_C = 278;
  /** local.get b; i32.lt_s; br_if (operands: b, target). */
  static final int BR_IF_LT_S_L = 279;
  /**
   * A memory instruction on a memory other than memory 0 (multi-memory), out of line (RareOps, then
   * MultiMemoryOps): operands are the OpCode ordinal, the memory index and one more immediate (the offset of a
   * load or store, the source memory of memory.copy, the data segment of memory.init, else 0). Memory 0 keeps
   * its own numbers, so the loop's memory cases and fusions stay as fast as before.
   */
  static final int MEMORY_OTHER = 280;
  static final int COUNT = 281;

  /** The {@link OpCode}s that keep their meaning, indexed by their interpreter number. */
  static final OpCode[] DIRECT = {
    OpCode.UNREACHABLE,
    OpCode.TABLE_GET,
    OpCode.TABLE_SET,
    OpCode.I32_LOAD,
    OpCode.I64_LOAD,
    OpCode.F32_LOAD,
    OpCode.F64_LOAD,
    OpCode.I32_LOAD8_S,
    OpCode.I32_LOAD8_U,
    OpCode.I32_LOAD16_S,
    OpCode.I32_LOAD16_U,
    OpCode.I64_LOAD8_S,
    OpCode.I64_LOAD8_U,
    OpCode.I64_LOAD16_S,
    OpCode.I64_LOAD16_U,
    OpCode.I64_LOAD32_S,
    OpCode.I64_LOAD32_U,
    OpCode.I32_STORE,
    OpCode.I64_STORE,
    OpCode.F32_STORE,
    OpCode.F64_STORE,
    OpCode.I32_STORE8,
    OpCode.I32_STORE16,
    OpCode.I64_STORE8,
    OpCode.I64_STORE16,
    OpCode.I64_STORE32,
    OpCode.MEMORY_SIZE,
    OpCode.MEMORY_GROW,
    OpCode.I32_CONST,
    OpCode.I64_CONST,
    OpCode.F32_CONST,
    OpCode.F64_CONST,
    OpCode.I32_EQZ,
    OpCode.I32_EQ,
    OpCode.I32_NE,
    OpCode.I32_LT_S,
    OpCode.I32_LT_U,
    OpCode.I32_GT_S,
    OpCode.I32_GT_U,
    OpCode.I32_LE_S,
    OpCode.I32_LE_U,
    OpCode.I32_GE_S,
    OpCode.I32_GE_U,
    OpCode.I64_EQZ,
    OpCode.I64_EQ,
    OpCode.I64_NE,
    OpCode.I64_LT_S,
    OpCode.I64_LT_U,
    OpCode.I64_GT_S,
    OpCode.I64_GT_U,
    OpCode.I64_LE_S,
    OpCode.I64_LE_U,
    OpCode.I64_GE_S,
    OpCode.I64_GE_U,
    OpCode.F32_EQ,
    OpCode.F32_NE,
    OpCode.F32_LT,
    OpCode.F32_GT,
    OpCode.F32_LE,
    OpCode.F32_GE,
    OpCode.F64_EQ,
    OpCode.F64_NE,
    OpCode.F64_LT,
    OpCode.F64_GT,
    OpCode.F64_LE,
    OpCode.F64_GE,
    OpCode.I32_CLZ,
    OpCode.I32_CTZ,
    OpCode.I32_POPCNT,
    OpCode.I32_ADD,
    OpCode.I32_SUB,
    OpCode.I32_MUL,
    OpCode.I32_DIV_S,
    OpCode.I32_DIV_U,
    OpCode.I32_REM_S,
    OpCode.I32_REM_U,
    OpCode.I32_AND,
    OpCode.I32_OR,
    OpCode.I32_XOR,
    OpCode.I32_SHL,
    OpCode.I32_SHR_S,
    OpCode.I32_SHR_U,
    OpCode.I32_ROTL,
    OpCode.I32_ROTR,
    OpCode.I64_CLZ,
    OpCode.I64_CTZ,
    OpCode.I64_POPCNT,
    OpCode.I64_ADD,
    OpCode.I64_SUB,
    OpCode.I64_MUL,
    OpCode.I64_DIV_S,
    OpCode.I64_DIV_U,
    OpCode.I64_REM_S,
    OpCode.I64_REM_U,
    OpCode.I64_AND,
    OpCode.I64_OR,
    OpCode.I64_XOR,
    OpCode.I64_SHL,
    OpCode.I64_SHR_S,
    OpCode.I64_SHR_U,
    OpCode.I64_ROTL,
    OpCode.I64_ROTR,
    OpCode.F32_ABS,
    OpCode.F32_NEG,
    OpCode.F32_CEIL,
    OpCode.F32_FLOOR,
    OpCode.F32_TRUNC,
    OpCode.F32_NEAREST,
    OpCode.F32_SQRT,
    OpCode.F32_ADD,
    OpCode.F32_SUB,
    OpCode.F32_MUL,
    OpCode.F32_DIV,
    OpCode.F32_MIN,
    OpCode.F32_MAX,
    OpCode.F32_COPYSIGN,
    OpCode.F64_ABS,
    OpCode.F64_NEG,
    OpCode.F64_CEIL,
    OpCode.F64_FLOOR,
    OpCode.F64_TRUNC,
    OpCode.F64_NEAREST,
    OpCode.F64_SQRT,
    OpCode.F64_ADD,
    OpCode.F64_SUB,
    OpCode.F64_MUL,
    OpCode.F64_DIV,
    OpCode.F64_MIN,
    OpCode.F64_MAX,
    OpCode.F64_COPYSIGN,
    OpCode.I32_WRAP_I64,
    OpCode.I32_TRUNC_F32_S,
    OpCode.I32_TRUNC_F32_U,
    OpCode.I32_TRUNC_F64_S,
    OpCode.I32_TRUNC_F64_U,
    OpCode.I64_EXTEND_I32_S,
    OpCode.I64_EXTEND_I32_U,
    OpCode.I64_TRUNC_F32_S,
    OpCode.I64_TRUNC_F32_U,
    OpCode.I64_TRUNC_F64_S,
    OpCode.I64_TRUNC_F64_U,
    OpCode.F32_CONVERT_I32_S,
    OpCode.F32_CONVERT_I32_U,
    OpCode.F32_CONVERT_I64_S,
    OpCode.F32_CONVERT_I64_U,
    OpCode.F32_DEMOTE_F64,
    OpCode.F64_CONVERT_I32_S,
    OpCode.F64_CONVERT_I32_U,
    OpCode.F64_CONVERT_I64_S,
    OpCode.F64_CONVERT_I64_U,
    OpCode.F64_PROMOTE_F32,
    OpCode.I32_REINTERPRET_F32,
    OpCode.I64_REINTERPRET_F64,
    OpCode.F32_REINTERPRET_I32,
    OpCode.F64_REINTERPRET_I64,
    OpCode.I32_EXTEND8_S,
    OpCode.I32_EXTEND16_S,
    OpCode.I64_EXTEND8_S,
    OpCode.I64_EXTEND16_S,
    OpCode.I64_EXTEND32_S,
    OpCode.REF_NULL,
    OpCode.REF_IS_NULL,
    OpCode.REF_FUNC,
    OpCode.I32_TRUNC_SAT_F32_S,
    OpCode.I32_TRUNC_SAT_F32_U,
    OpCode.I32_TRUNC_SAT_F64_S,
    OpCode.I32_TRUNC_SAT_F64_U,
    OpCode.I64_TRUNC_SAT_F32_S,
    OpCode.I64_TRUNC_SAT_F32_U,
    OpCode.I64_TRUNC_SAT_F64_S,
    OpCode.I64_TRUNC_SAT_F64_U,
    OpCode.MEMORY_INIT,
    OpCode.DATA_DROP,
    OpCode.MEMORY_COPY,
    OpCode.MEMORY_FILL,
    OpCode.TABLE_INIT,
    OpCode.ELEM_DROP,
    OpCode.TABLE_COPY,
    OpCode.TABLE_GROW,
    OpCode.TABLE_SIZE,
    OpCode.TABLE_FILL,
  };

  private static final Map<OpCode, Integer> NUMBERS = new EnumMap<>(OpCode.class);

  static {
    for (int i = 0; i < DIRECT.length; i++) {
      NUMBERS.put(DIRECT[i], i);
    }
  }

  /** The interpreter number of a direct opcode, or -1. */
  static int direct(OpCode op) {
    Integer n = NUMBERS.get(op);
    return n == null ? -1 : n;
  }
}
