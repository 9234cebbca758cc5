package dev.isola.interp;

import dev.isola.runtime.Memory;
import dev.isola.runtime.Table;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.ops.Conversions;
import dev.isola.runtime.ops.F32Ops;
import dev.isola.runtime.ops.F64Ops;
import dev.isola.runtime.ops.I32Ops;
import dev.isola.runtime.ops.I64Ops;

/**
 * The instructions {@link Machine#run} leaves out of its loop to stay small enough for the JIT: each only
 * transforms the stack and the instance's state, without touching the loop's control state, so one static
 * method with the stack arrays and pointers as arguments can run it. Returns the new stack pointer.
 */
final class RareOps {
  /** How many code operands follow each op number, for the ops that reach {@link #exec}. */
  static final int[] OPERANDS = new int[Op.COUNT];

  static {
    for (int i = 0; i < Op.DIRECT.length; i++) {
      OPERANDS[i] = switch (Op.DIRECT[i].immediate()) {
        case NONE, REF_TYPE -> 0;
        case I64, F64, MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY -> 2;
        default -> 1;
      };
    }
    OPERANDS[Op.SIMD] = SimdOps.OPERANDS;
    OPERANDS[Op.V128_CONST] = 4;
    OPERANDS[Op.V128_LOAD] = 1;
    OPERANDS[Op.V128_STORE] = 1;
    for (int op : new int[] {Op.LOCAL_GET_REF, Op.LOCAL_SET_REF, Op.LOCAL_TEE_REF, Op.LOCAL_GET_V128,
        Op.LOCAL_SET_V128, Op.LOCAL_TEE_V128, Op.GLOBAL_GET_REF, Op.GLOBAL_SET_REF, Op.GLOBAL_GET_V128,
        Op.GLOBAL_SET_V128}) {
      OPERANDS[op] = 1;
    }
    OPERANDS[Op.MEMORY_ALWAYS_OUT_OF_BOUNDS] = 1;
    OPERANDS[Op.MEMORY_OTHER] = MultiMemoryOps.OPERANDS;
    OPERANDS[Op.F64_LE_C] = 2;
    OPERANDS[Op.F64_NLE_C] = 2;
  }

  private RareOps() {}

  private static float f32(long slot) {
    return Float.intBitsToFloat((int) slot);
  }

  private static double f64(long slot) {
    return Double.longBitsToDouble(slot);
  }

  private static long u32(long slot) {
    return slot & 0xFFFF_FFFFL;
  }

  /**
   * Runs {@code op} whose operands start at {@code code[pc]}; {@code fp} is the frame pointer, for the
   * reference and v128 forms of the variable instructions (rare in compiled C, so kept out of the loop).
   */
  static int exec(int op, int[] code, int pc, long[] s, Object[] r, int sp, int fp, InstanceState st) {
    int a = code[pc];
    int b = code[pc + 1];
    switch (op) {
      case Op.V128_CONST -> {
        s[sp] = (code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32);
        s[sp + 1] = (code[pc + 2] & 0xFFFF_FFFFL) | ((long) code[pc + 3] << 32);
        return sp + 2;
      }
      // Division is slow anyway; out of the loop it leaves bytecode budget for fusions (signed i32 stays: C's
      // unsigned size_t arithmetic makes i32.div_u/rem_u the frequent ones).
      case Op.I32_DIV_S -> {
        s[sp - 2] = I32Ops.divS((int) s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.I32_REM_S -> {
        s[sp - 2] = I32Ops.remS((int) s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.I64_DIV_S -> {
        s[sp - 2] = I64Ops.divS(s[sp - 2], s[sp - 1]);
        return sp - 1;
      }
      case Op.I64_DIV_U -> {
        s[sp - 2] = I64Ops.divU(s[sp - 2], s[sp - 1]);
        return sp - 1;
      }
      case Op.I64_REM_S -> {
        s[sp - 2] = I64Ops.remS(s[sp - 2], s[sp - 1]);
        return sp - 1;
      }
      case Op.I64_REM_U -> {
        s[sp - 2] = I64Ops.remU(s[sp - 2], s[sp - 1]);
        return sp - 1;
      }
      case Op.MEMORY_SIZE -> {
        s[sp] = st.memory.pages();
        return sp + 1;
      }
      case Op.MEMORY_GROW -> s[sp - 1] = st.memory.grow((int) s[sp - 1]);
      case Op.I32_LOAD16_S, Op.I64_LOAD16_S -> {
        int ab = (int) s[sp - 1];
        int ea = ab + a;
        s[sp - 1] = (short) Machine.SHORT.get(st.memory.bytes(), (ea | ((ab | ea) >> 31)));
      }
      case Op.I32_LOAD16_U, Op.I64_LOAD16_U -> {
        int ab = (int) s[sp - 1];
        int ea = ab + a;
        s[sp - 1] = (short) Machine.SHORT.get(st.memory.bytes(), (ea | ((ab | ea) >> 31))) & 0xFFFF;
      }
      case Op.I64_LOAD32_U -> {
        int ab = (int) s[sp - 1];
        int ea = ab + a;
        s[sp - 1] = (int) Machine.INT.get(st.memory.bytes(), (ea | ((ab | ea) >> 31))) & 0xFFFF_FFFFL;
      }
      case Op.I32_STORE16, Op.I64_STORE16 -> {
        int ab = (int) s[sp - 2];
        int ea = ab + a;
        Machine.SHORT.set(st.memory.bytes(), (ea | ((ab | ea) >> 31)), (short) s[sp - 1]);
        return sp - 2;
      }
      case Op.V128_LOAD -> {
        byte[] mem = st.memory.bytes();
        int ab = (int) s[sp - 1];
        int ea = ab + a;
        int at = ea | ((ab | ea) >> 31);
        long high = (long) Machine.LONG.get(mem, (at + 8) | (at >> 31));
        s[sp - 1] = (long) Machine.LONG.get(mem, at);
        s[sp] = high;
        return sp + 1;
      }
      case Op.V128_STORE -> {
        byte[] mem = st.memory.bytes();
        int ab = (int) s[sp - 3];
        int ea = ab + a;
        int at = ea | ((ab | ea) >> 31);
        // High half first: if it is out of bounds nothing has been written.
        Machine.LONG.set(mem, (at + 8) | (at >> 31), s[sp - 1]);
        Machine.LONG.set(mem, at, s[sp - 2]);
        return sp - 3;
      }
      case Op.SELECT_REF -> {
        if ((int) s[sp - 1] == 0) {
          r[sp - 3] = r[sp - 2];
        }
        return sp - 2;
      }
      case Op.SELECT_V128 -> {
        if ((int) s[sp - 1] == 0) {
          s[sp - 5] = s[sp - 3];
          s[sp - 4] = s[sp - 2];
        }
        return sp - 3;
      }
      case Op.LOCAL_GET_REF -> {
        r[sp] = r[fp + a];
        return sp + 1;
      }
      case Op.LOCAL_SET_REF -> {
        r[fp + a] = r[sp - 1];
        return sp - 1;
      }
      case Op.LOCAL_TEE_REF -> r[fp + a] = r[sp - 1];
      case Op.LOCAL_GET_V128 -> {
        s[sp] = s[fp + a];
        s[sp + 1] = s[fp + a + 1];
        return sp + 2;
      }
      case Op.LOCAL_SET_V128 -> {
        s[fp + a] = s[sp - 2];
        s[fp + a + 1] = s[sp - 1];
        return sp - 2;
      }
      case Op.LOCAL_TEE_V128 -> {
        s[fp + a] = s[sp - 2];
        s[fp + a + 1] = s[sp - 1];
      }
      case Op.GLOBAL_GET_REF -> {
        r[sp] = st.globals[a].ref();
        return sp + 1;
      }
      case Op.GLOBAL_SET_REF -> {
        st.globals[a].setRef(r[sp - 1]);
        return sp - 1;
      }
      case Op.GLOBAL_GET_V128 -> {
        s[sp] = st.globals[a].raw();
        s[sp + 1] = st.globals[a].rawHigh();
        return sp + 2;
      }
      case Op.GLOBAL_SET_V128 -> {
        st.globals[a].setRawHigh(s[sp - 1]);
        st.globals[a].setRaw(s[sp - 2]);
        return sp - 2;
      }
      case Op.UNREACHABLE -> throw new Trap(TrapKind.UNREACHABLE);
      case Op.MEMORY_ALWAYS_OUT_OF_BOUNDS -> throw new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
      case Op.SIMD -> {
        return SimdOps.exec(code, pc, s, sp, st);
      }
      case Op.MEMORY_OTHER -> {
        return MultiMemoryOps.exec(code, pc, s, sp, st);
      }

      case Op.REF_NULL -> {
        s[sp] = 0;
        r[sp] = null;
        return sp + 1;
      }
      case Op.REF_IS_NULL -> {
        s[sp - 1] = r[sp - 1] == null ? 1 : 0;
        r[sp - 1] = null;
      }
      case Op.REF_FUNC -> {
        s[sp] = 0;
        r[sp] = st.functions[a];
        return sp + 1;
      }
      case Op.TABLE_GET -> r[sp - 1] = st.tables[a].get((int) s[sp - 1]);
      case Op.TABLE_SET -> {
        st.tables[a].set((int) s[sp - 2], r[sp - 1]);
        return sp - 2;
      }
      case Op.TABLE_SIZE -> {
        s[sp] = st.tables[a].size();
        r[sp] = null;
        return sp + 1;
      }
      case Op.TABLE_GROW -> {
        s[sp - 2] = st.tables[a].grow((int) s[sp - 1], r[sp - 2]);
        r[sp - 2] = null;
        return sp - 1;
      }
      case Op.TABLE_FILL -> {
        st.tables[a].fill((int) s[sp - 3], r[sp - 2], (int) s[sp - 1], st.bulkPoll);
        return sp - 3;
      }
      case Op.TABLE_COPY -> {
        Table dst = st.tables[a];
        dst.copy((int) s[sp - 3], st.tables[b], (int) s[sp - 2], (int) s[sp - 1], st.bulkPoll);
        return sp - 3;
      }
      case Op.TABLE_INIT -> {
        st.tables[b].init((int) s[sp - 3], st.instance.elementSegment(a), (int) s[sp - 2], (int) s[sp - 1],
            st.bulkPoll);
        return sp - 3;
      }
      case Op.ELEM_DROP -> st.instance.dropElementSegment(a);
      case Op.MEMORY_INIT -> {
        st.memory.init(u32(s[sp - 3]), st.instance.dataSegment(a), u32(s[sp - 2]), u32(s[sp - 1]), st.bulkPoll);
        return sp - 3;
      }
      case Op.DATA_DROP -> st.instance.dropDataSegment(a);
      case Op.MEMORY_COPY -> {
        Memory m = st.memory;
        m.copy(u32(s[sp - 3]), m, u32(s[sp - 2]), u32(s[sp - 1]), st.bulkPoll);
        return sp - 3;
      }
      case Op.MEMORY_FILL -> {
        st.memory.fill(u32(s[sp - 3]), (byte) s[sp - 2], u32(s[sp - 1]), st.bulkPoll);
        return sp - 3;
      }

      case Op.I32_CLZ -> s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
      case Op.I32_CTZ -> s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]);
      case Op.I32_POPCNT -> s[sp - 1] = Integer.bitCount((int) s[sp - 1]);
      case Op.I32_ROTL -> {
        s[sp - 2] = Integer.rotateLeft((int) s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.I32_ROTR -> {
        s[sp - 2] = Integer.rotateRight((int) s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.I64_CLZ -> s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]);
      case Op.I64_CTZ -> s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]);
      case Op.I64_POPCNT -> s[sp - 1] = Long.bitCount(s[sp - 1]);
      case Op.I64_ROTL -> {
        s[sp - 2] = Long.rotateLeft(s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.I64_ROTR -> {
        s[sp - 2] = Long.rotateRight(s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.I32_EXTEND8_S -> s[sp - 1] = (byte) s[sp - 1];
      case Op.I32_EXTEND16_S -> s[sp - 1] = (short) s[sp - 1];
      case Op.I64_EXTEND8_S -> s[sp - 1] = (byte) s[sp - 1];
      case Op.I64_EXTEND16_S -> s[sp - 1] = (short) s[sp - 1];
      case Op.I64_EXTEND32_S -> s[sp - 1] = (int) s[sp - 1];

      case Op.F32_EQ -> {
        s[sp - 2] = f32(s[sp - 2]) == f32(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F32_NE -> {
        s[sp - 2] = f32(s[sp - 2]) != f32(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F32_LT -> {
        s[sp - 2] = f32(s[sp - 2]) < f32(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F32_GT -> {
        s[sp - 2] = f32(s[sp - 2]) > f32(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F32_LE -> {
        s[sp - 2] = f32(s[sp - 2]) <= f32(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F32_GE -> {
        s[sp - 2] = f32(s[sp - 2]) >= f32(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F64_EQ -> {
        s[sp - 2] = f64(s[sp - 2]) == f64(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F64_NE -> {
        s[sp - 2] = f64(s[sp - 2]) != f64(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F64_LE -> {
        s[sp - 2] = f64(s[sp - 2]) <= f64(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }
      case Op.F64_LE_C -> s[sp - 1] = f64(s[sp - 1]) <= f64((a & 0xFFFF_FFFFL) | ((long) b << 32)) ? 1 : 0;
      case Op.F64_NLE_C -> s[sp - 1] = f64(s[sp - 1]) <= f64((a & 0xFFFF_FFFFL) | ((long) b << 32)) ? 0 : 1;
      case Op.F64_GE -> {
        s[sp - 2] = f64(s[sp - 2]) >= f64(s[sp - 1]) ? 1 : 0;
        return sp - 1;
      }

      case Op.F32_ABS -> s[sp - 1] = F32Ops.abs((int) s[sp - 1]);
      case Op.F32_NEG -> s[sp - 1] = F32Ops.neg((int) s[sp - 1]);
      case Op.F32_CEIL -> s[sp - 1] = F32Ops.ceil((int) s[sp - 1]);
      case Op.F32_FLOOR -> s[sp - 1] = F32Ops.floor((int) s[sp - 1]);
      case Op.F32_TRUNC -> s[sp - 1] = F32Ops.trunc((int) s[sp - 1]);
      case Op.F32_NEAREST -> s[sp - 1] = F32Ops.nearest((int) s[sp - 1]);
      case Op.F32_SQRT -> s[sp - 1] = F32Ops.sqrt((int) s[sp - 1]);
      case Op.F32_MIN -> {
        s[sp - 2] = F32Ops.min((int) s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.F32_MAX -> {
        s[sp - 2] = F32Ops.max((int) s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.F32_COPYSIGN -> {
        s[sp - 2] = F32Ops.copysign((int) s[sp - 2], (int) s[sp - 1]);
        return sp - 1;
      }
      case Op.F64_ABS -> s[sp - 1] = F64Ops.abs(s[sp - 1]);
      case Op.F64_NEG -> s[sp - 1] = F64Ops.neg(s[sp - 1]);
      case Op.F64_CEIL -> s[sp - 1] = F64Ops.ceil(s[sp - 1]);
      case Op.F64_FLOOR -> s[sp - 1] = F64Ops.floor(s[sp - 1]);
      case Op.F64_TRUNC -> s[sp - 1] = F64Ops.trunc(s[sp - 1]);
      case Op.F64_NEAREST -> s[sp - 1] = F64Ops.nearest(s[sp - 1]);
      case Op.F64_SQRT -> s[sp - 1] = F64Ops.sqrt(s[sp - 1]);
      case Op.F64_MIN -> {
        s[sp - 2] = F64Ops.min(s[sp - 2], s[sp - 1]);
        return sp - 1;
      }
      case Op.F64_MAX -> {
        s[sp - 2] = F64Ops.max(s[sp - 2], s[sp - 1]);
        return sp - 1;
      }
      case Op.F64_COPYSIGN -> {
        s[sp - 2] = F64Ops.copysign(s[sp - 2], s[sp - 1]);
        return sp - 1;
      }

      case Op.I32_TRUNC_F32_S -> s[sp - 1] = Conversions.i32TruncF32S(f32(s[sp - 1]));
      case Op.I32_TRUNC_F32_U -> s[sp - 1] = Conversions.i32TruncF32U(f32(s[sp - 1]));
      case Op.I32_TRUNC_F64_S -> s[sp - 1] = Conversions.i32TruncF64S(f64(s[sp - 1]));
      case Op.I32_TRUNC_F64_U -> s[sp - 1] = Conversions.i32TruncF64U(f64(s[sp - 1]));
      case Op.I64_TRUNC_F32_S -> s[sp - 1] = Conversions.i64TruncF32S(f32(s[sp - 1]));
      case Op.I64_TRUNC_F32_U -> s[sp - 1] = Conversions.i64TruncF32U(f32(s[sp - 1]));
      case Op.I64_TRUNC_F64_S -> s[sp - 1] = Conversions.i64TruncF64S(f64(s[sp - 1]));
      case Op.I64_TRUNC_F64_U -> s[sp - 1] = Conversions.i64TruncF64U(f64(s[sp - 1]));
      case Op.I32_TRUNC_SAT_F32_S -> s[sp - 1] = Conversions.i32TruncSatF32S(f32(s[sp - 1]));
      case Op.I32_TRUNC_SAT_F32_U -> s[sp - 1] = Conversions.i32TruncSatF32U(f32(s[sp - 1]));
      case Op.I32_TRUNC_SAT_F64_S -> s[sp - 1] = Conversions.i32TruncSatF64S(f64(s[sp - 1]));
      case Op.I32_TRUNC_SAT_F64_U -> s[sp - 1] = Conversions.i32TruncSatF64U(f64(s[sp - 1]));
      case Op.I64_TRUNC_SAT_F32_S -> s[sp - 1] = Conversions.i64TruncSatF32S(f32(s[sp - 1]));
      case Op.I64_TRUNC_SAT_F32_U -> s[sp - 1] = Conversions.i64TruncSatF32U(f32(s[sp - 1]));
      case Op.I64_TRUNC_SAT_F64_S -> s[sp - 1] = Conversions.i64TruncSatF64S(f64(s[sp - 1]));
      case Op.I64_TRUNC_SAT_F64_U -> s[sp - 1] = Conversions.i64TruncSatF64U(f64(s[sp - 1]));
      case Op.F32_CONVERT_I32_S -> s[sp - 1] = Float.floatToRawIntBits((float) (int) s[sp - 1]);
      case Op.F32_CONVERT_I32_U ->
          s[sp - 1] = Float.floatToRawIntBits(Conversions.f32ConvertI32U((int) s[sp - 1]));
      case Op.F32_CONVERT_I64_S -> s[sp - 1] = Float.floatToRawIntBits((float) s[sp - 1]);
      case Op.F32_CONVERT_I64_U -> s[sp - 1] = Float.floatToRawIntBits(Conversions.f32ConvertI64U(s[sp - 1]));
      case Op.F32_DEMOTE_F64 -> s[sp - 1] = Float.floatToRawIntBits((float) f64(s[sp - 1]));
      case Op.F64_CONVERT_I32_S -> s[sp - 1] = Double.doubleToRawLongBits((int) s[sp - 1]);
      case Op.F64_CONVERT_I32_U ->
          s[sp - 1] = Double.doubleToRawLongBits(Conversions.f64ConvertI32U((int) s[sp - 1]));
      case Op.F64_CONVERT_I64_S -> s[sp - 1] = Double.doubleToRawLongBits((double) s[sp - 1]);
      case Op.F64_CONVERT_I64_U -> s[sp - 1] = Double.doubleToRawLongBits(Conversions.f64ConvertI64U(s[sp - 1]));
      case Op.F64_PROMOTE_F32 -> s[sp - 1] = Double.doubleToRawLongBits(f32(s[sp - 1]));
      // Floats already travel as raw bits: reinterpreting changes nothing.
      case Op.I32_REINTERPRET_F32, Op.F32_REINTERPRET_I32, Op.I64_REINTERPRET_F64, Op.F64_REINTERPRET_I64 -> {}
      default -> throw new IllegalStateException("interpreter op " + op + " reached RareOps");
    }
    return sp;
  }
}
