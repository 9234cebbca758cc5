package dev.isola.wasm.validate;

import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;

/**
 * The immediate checks of fixed-signature instructions: memory, table, segment and lane indices and memarg
 * alignment. They run before the operands are typed, as in the spec's reference interpreter, so an instruction
 * with a bad index reports the index rather than a type mismatch.
 */
final class ImmediateChecks {
  /** Lane count per opcode for lane-indexed SIMD instructions, 0 for the others. */
  private static final int[] LANES = new int[OpCode.values().length];

  static {
    for (OpCode op : OpCode.values()) {
      LANES[op.ordinal()] = switch (op.immediate()) {
        case LANE -> lanesOfShape(op.textName());
        case MEMARG_LANE -> 16 / op.accessWidth();
        default -> 0;
      };
    }
  }

  private ImmediateChecks() {}

  private static int lanesOfShape(String textName) {
    String shape = textName.substring(0, textName.indexOf('.'));
    return switch (shape) {
      case "i8x16" -> 16;
      case "i16x8" -> 8;
      case "i32x4", "f32x4" -> 4;
      case "i64x2", "f64x2" -> 2;
      default -> throw new AssertionError(textName);
    };
  }

  static void check(FunctionValidator v, Instruction insn) {
    OpCode op = insn.opcode();
    ModuleContext ctx = v.context();
    switch (op.immediate()) {
      case MEMARG -> memArg(v, op, (Immediate.MemArg) insn.immediate());
      case MEMARG_LANE -> {
        Immediate.MemArgLane ml = (Immediate.MemArgLane) insn.immediate();
        memArg(v, op, ml.memArg());
        lane(v, op, ml.lane());
      }
      case LANE -> lane(v, op, ((Immediate.Lane) insn.immediate()).lane());
      case SHUFFLE -> {
        for (byte lane : ((Immediate.Shuffle) insn.immediate()).lanes()) {
          if (Byte.toUnsignedInt(lane) >= 32) {
            throw v.error("invalid lane index");
          }
        }
      }
      case MEMORY -> memory(v, ((Immediate.Index) insn.immediate()).index());
      case DATA -> data(v, ((Immediate.Index) insn.immediate()).index());
      case ELEM -> elem(v, ((Immediate.Index) insn.immediate()).index());
      case TABLE -> v.table(((Immediate.Index) insn.immediate()).index());
      case MEMORY_INIT -> {
        Immediate.Pair p = (Immediate.Pair) insn.immediate();
        memory(v, p.second());
        data(v, p.first());
      }
      case MEMORY_COPY -> {
        Immediate.Pair p = (Immediate.Pair) insn.immediate();
        memory(v, p.first());
        memory(v, p.second());
      }
      case TABLE_INIT -> {
        Immediate.Pair p = (Immediate.Pair) insn.immediate();
        int table = v.table(p.second());
        int elem = elem(v, p.first());
        if (table != OperandTypes.of(ctx.elemTypes[elem])) {
          throw v.error("type mismatch");
        }
      }
      case TABLE_COPY -> {
        Immediate.Pair p = (Immediate.Pair) insn.immediate();
        if (v.table(p.first()) != v.table(p.second())) {
          throw v.error("type mismatch");
        }
      }
      case NONE, I32, I64, F32, F64, V128 -> {}
      case BLOCK_TYPE, LABEL, BR_TABLE, FUNC, CALL_INDIRECT, LOCAL, GLOBAL, SELECT_TYPES, REF_TYPE ->
          throw new AssertionError(op + " is typed by FunctionValidator");
    }
  }

  private static void memArg(FunctionValidator v, OpCode op, Immediate.MemArg m) {
    memory(v, m.memory());
    if (Integer.compareUnsigned(m.align(), op.naturalAlignment()) > 0) {
      throw v.error("alignment must not be larger than natural");
    }
  }

  private static void lane(FunctionValidator v, OpCode op, int lane) {
    if (Integer.compareUnsigned(lane, LANES[op.ordinal()]) >= 0) {
      throw v.error("invalid lane index");
    }
  }

  private static void memory(FunctionValidator v, int memory) {
    if (memory < 0 || memory >= v.context().memories) {
      throw v.error("unknown memory " + Integer.toUnsignedString(memory));
    }
  }

  private static void data(FunctionValidator v, int data) {
    if (data < 0 || data >= v.context().datas) {
      throw v.error("unknown data segment " + Integer.toUnsignedString(data));
    }
  }

  private static int elem(FunctionValidator v, int elem) {
    if (elem < 0 || elem >= v.context().elemTypes.length) {
      throw v.error("unknown elem segment " + Integer.toUnsignedString(elem));
    }
    return elem;
  }
}
