package dev.isola.interp;

/**
 * Which instruction pairs the pre-decoder fuses, and into what. Fusion is decided pair by pair as instructions
 * are emitted, so a fused instruction can fuse again with the next one ({@code local.get; i32.const} becomes
 * {@code LG_C}, then with {@code i32.add} {@code I32_ADD_LC}, then with {@code local.set} {@code
 * I32_ADD_LC_SET}). The fused instruction's operands are those of its parts, in order. A pair just fused may
 * also join the instruction before it ({@code i32.and} by a constant, then {@code i32.const; i32.shl} fused into
 * {@code I32_SHL_C}, become {@code I32_AND_SHL_C}), which reaches triples whose first pair is not itself a
 * super-instruction. Never across a branch target: the pre-decoder stops fusing at every label.
 */
final class SuperInstructions {
  private SuperInstructions() {}

  /**
   * The super-instruction that {@code first} followed by {@code second} becomes, or -1. {@code second} is usually
   * an instruction as decoded, and may be a fused one (then {@code first} was emitted just before the instruction
   * that fused into it). Chosen from the most frequent pairs and triples in clang -O2 output (address
   * arithmetic, loop counters, compare-and-branch); the dispatch saved per fusion is worth more than any single
   * instruction's work.
   */
  static int fuse(int first, int second) {
    return switch (first) {
      case Op.LOCAL_GET -> switch (second) {
        case Op.BR_IF_LT_S -> Op.BR_IF_LT_S_L;
        case Op.LOCAL_GET -> Op.LG_LG;
        case Op.I32_CONST -> Op.LG_C;
        case Op.I32_LOAD -> Op.I32_LOAD_L;
        case Op.I32_STORE -> Op.I32_STORE_L;
        case Op.F64_LOAD -> Op.F64_LOAD_L;
        case Op.I32_LOAD8_U -> Op.I32_LOAD8_U_L;
        case Op.F64_MUL -> Op.F64_MUL_L;
        case Op.F64_ADD -> Op.F64_ADD_L;
        case Op.F64_SUB -> Op.F64_SUB_L;
        case Op.I64_ADD -> Op.I64_ADD_L;
        case Op.LOCAL_SET -> Op.LG_LS;
        default -> -1;
      };
      case Op.F64_LOAD -> switch (second) {
        case Op.F64_ADD -> Op.F64_ADD_M;
        case Op.F64_MUL -> Op.F64_MUL_M;
        case Op.F64_SUB -> Op.F64_SUB_M;
        default -> -1;
      };
      case Op.F64_SUB -> second == Op.F64_STORE ? Op.F64_SUB_STORE : -1;
      case Op.F64_LOAD_L -> second == Op.F64_ADD ? Op.F64_ADD_ML : second == Op.F64_MUL ? Op.F64_MUL_ML : -1;
      case Op.F64_ADD_ML -> second == Op.F64_STORE ? Op.F64_ADD_ML_STORE : -1;
      // A loop's exit test against a constant (mandelbrot's |z|^2 <= 4): f64.le, or its negation through
      // i32.eqz, then br_if (jumps when true) or if (JUMP_IF_ZERO: jumps when false).
      case Op.F64_CONST -> second == Op.F64_LE ? Op.F64_LE_C : -1;
      case Op.F64_LE_C -> switch (second) {
        case Op.I32_EQZ -> Op.F64_NLE_C;
        case Op.BR_IF -> Op.JUMP_F64_LE_C;
        case Op.JUMP_IF_ZERO -> Op.JUMP_F64_NLE_C;
        default -> -1;
      };
      case Op.F64_NLE_C -> second == Op.BR_IF ? Op.JUMP_F64_NLE_C : second == Op.JUMP_IF_ZERO ? Op.JUMP_F64_LE_C : -1;
      case Op.F64_ADD -> second == Op.F64_STORE ? Op.F64_ADD_STORE : -1;
      case Op.LG_LG -> switch (second) {
        case Op.I32_ADD -> Op.I32_ADD_LL;
        case Op.F64_MUL -> Op.F64_MUL_LL;
        case Op.F64_ADD -> Op.F64_ADD_LL;
        case Op.F64_SUB -> Op.F64_SUB_LL;
        default -> -1;
      };
      case Op.LG_C -> switch (second) {
        case Op.I32_SHR_U -> Op.I32_SHR_U_LC;
        case Op.I32_STORE8 -> Op.I32_STORE8_LC;
        case Op.I32_ADD -> Op.I32_ADD_LC;
        case Op.I32_SUB -> Op.I32_SUB_LC;
        case Op.I32_AND -> Op.I32_AND_LC;
        default -> -1;
      };
      case Op.I32_CONST -> switch (second) {
        case Op.I32_ADD -> Op.I32_ADD_C;
        case Op.I32_SUB -> Op.I32_SUB_C;
        case Op.I32_AND -> Op.I32_AND_C;
        case Op.I32_SHL -> Op.I32_SHL_C;
        case Op.I32_SHR_U -> Op.I32_SHR_U_C;
        case Op.I32_NE -> Op.I32_NE_C;
        default -> -1;
      };
      case Op.I32_NE_C -> second == Op.BR_IF ? Op.BR_IF_NE_C : -1;
      case Op.I32_SHR_U_LC -> second == Op.I32_XOR ? Op.I32_XOR_SHR_U_LC : -1;
      case Op.I64_LE_U -> second == Op.BR_IF ? Op.BR_IF_LE_U64 : -1;
      // Second parts that are themselves fused: the pre-decoder tries these when the instruction it just fused
      // can join the one before it (see PreDecoder.start).
      case Op.I32_AND_C -> second == Op.I32_SHL_C ? Op.I32_AND_SHL_C : -1;
      case Op.I32_ADD_C -> switch (second) {
        case Op.I32_LOAD -> Op.I32_ADD_C_LOAD;
        case Op.I32_LOAD8_U -> Op.I32_ADD_C_LOAD8_U;
        case Op.F64_LOAD -> Op.F64_ADD_C_LOAD;
        default -> -1;
      };
      case Op.LOCAL_SET -> second == Op.LOCAL_GET ? Op.LS_LG : -1;
      case Op.LOCAL_TEE -> switch (second) {
        case Op.LOCAL_GET -> Op.LT_LG;
        case Op.F64_ADD -> Op.LT_F64_ADD;
        case Op.F64_MUL -> Op.LT_F64_MUL;
        default -> -1;
      };
      case Op.LT_LG -> second == Op.F64_MUL ? Op.LT_F64_MUL_L : -1;
      case Op.I32_EQZ -> second == Op.BR_IF ? Op.BR_IF_EQZ : second == Op.JUMP_IF_ZERO ? Op.JUMP_IF_NONZERO : -1;
      case Op.I32_EQ -> second == Op.BR_IF ? Op.BR_IF_EQ : -1;
      case Op.I32_NE -> second == Op.BR_IF ? Op.BR_IF_NE : -1;
      case Op.I32_LT_S -> second == Op.BR_IF ? Op.BR_IF_LT_S : -1;
      case Op.I32_LT_U -> second == Op.BR_IF ? Op.BR_IF_LT_U : -1;
      case Op.I32_GT_S -> second == Op.BR_IF ? Op.BR_IF_GT_S : -1;
      case Op.I32_GT_U -> second == Op.BR_IF ? Op.BR_IF_GT_U : -1;
      case Op.I32_ADD -> second == Op.LOCAL_SET ? Op.I32_ADD_SET : second == Op.LOCAL_TEE ? Op.I32_ADD_TEE : -1;
      case Op.I32_ADD_LC -> second == Op.LOCAL_SET ? Op.I32_ADD_LC_SET : -1;
      default -> -1;
    };
  }
}
