package dev.isola.compiler.emit;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An innermost loop whose trip count is known when it is entered, so that the fuel of its header polls can be
 * paid for many iterations at once ({@code FunctionEmitter.emitCountedLoop}, {@link LoopTrips}). The shape is the
 * one clang emits for {@code for} loops, rotated: a {@code loop} with no parameters or results whose body ends
 *
 * <pre>
 *   local.get v, STEP, iNN.add, local.tee v, BOUND, CMP, br_if 0        (or local.set v, local.get v)
 *   BOUND, local.get v, STEP, iNN.add, local.tee v, CMP, br_if 0        (the bound first)
 * </pre>
 *
 * where STEP and BOUND are constants or locals the loop never writes, and CMP is {@code ne}, {@code lt} or
 * {@code le} (signed or unsigned; {@code gt} and {@code ge} with the bound first). So that the prepaid iterations
 * are exactly those the interpreter would charge: nothing else in the body writes {@code v}, branches back to
 * the loop or out of it, returns, calls, polls (bulk memory and table operations, {@code memory.grow}) or opens
 * a nested loop. Every other instruction is allowed: a trap inside ends the call before any further charge.
 *
 * @param end the index of the loop's {@code end}
 * @param variable the induction variable's local
 * @param wide whether the variable is an i64
 * @param step the step: a local's index, or a constant
 * @param stepIsLocal whether {@code step} is a local's index
 * @param bound the bound: a local's index, or a constant
 * @param boundIsLocal whether {@code bound} is a local's index
 * @param boundAt the index of the instruction that pushes the bound, which the prepaid copy replaces by its
 *     chunk's own bound
 * @param writeAt the index of the increment's {@code local.tee} or {@code local.set}
 * @param kind the condition, as a {@link LoopTrips} kind ({@code v KIND bound} loops back)
 */
record CountedLoop(int end, int variable, boolean wide, long step, boolean stepIsLocal, long bound,
                   boolean boundIsLocal, int boundAt, int writeAt, int kind) {

  /** The instructions a prepaid body may hold besides plain computation (whose {@code signature()} is fixed). */
  private static final Set<OpCode> CONTROL = Set.of(OpCode.NOP, OpCode.UNREACHABLE, OpCode.BLOCK, OpCode.IF,
      OpCode.ELSE, OpCode.END, OpCode.BR, OpCode.BR_IF, OpCode.BR_TABLE, OpCode.DROP, OpCode.SELECT,
      OpCode.SELECT_T, OpCode.LOCAL_GET, OpCode.LOCAL_SET, OpCode.LOCAL_TEE, OpCode.GLOBAL_GET, OpCode.GLOBAL_SET);

  /** Fixed-signature instructions that poll, grow or touch tables: not in a prepaid body. */
  private static final Set<OpCode> EXCLUDED = Set.of(OpCode.MEMORY_GROW, OpCode.MEMORY_INIT, OpCode.MEMORY_COPY,
      OpCode.MEMORY_FILL, OpCode.DATA_DROP, OpCode.ELEM_DROP, OpCode.TABLE_INIT, OpCode.TABLE_COPY,
      OpCode.TABLE_SIZE);

  /** The counted loop starting at {@code code[loop]} (a {@code loop}), if it has the shape above. */
  static Optional<CountedLoop> at(List<Instruction> code, int loop) {
    Instruction header = code.get(loop);
    if (header.opcode() != OpCode.LOOP
        || !(((Immediate.Block) header.immediate()).type() instanceof BlockType.Empty)) {
      return Optional.empty();
    }
    int end = matchingEnd(code, loop);
    if (end < 0) {
      return Optional.empty();
    }
    Instruction brIf = code.get(end - 1);
    if (brIf.opcode() != OpCode.BR_IF || index(brIf) != 0) {
      return Optional.empty();
    }
    Optional<CountedLoop> found = boundLast(code, end);
    if (found.isEmpty()) {
      found = boundFirst(code, end);
    }
    // The tail's instructions must all lie in the loop's body, after its header.
    return found.filter(c -> c.writeAt() - 3 > loop && c.boundAt() > loop && bodyIsPlain(code, loop, c));
  }

  /** {@code local.get v, STEP, add, local.tee v | local.set v local.get v, BOUND, CMP, br_if 0}. */
  private static Optional<CountedLoop> boundLast(List<Instruction> code, int end) {
    if (end < 8) {
      return Optional.empty();
    }
    int cmp = end - 2;
    int boundAt = end - 3;
    int write = end - 4;
    int v;
    if (code.get(write).opcode() == OpCode.LOCAL_TEE) {
      v = index(code.get(write));
    } else if (code.get(write).opcode() == OpCode.LOCAL_GET && code.get(write - 1).opcode() == OpCode.LOCAL_SET
        && index(code.get(write - 1)) == index(code.get(write))) {
      v = index(code.get(write));
      write--;
    } else {
      return Optional.empty();
    }
    return make(code, end, write, v, boundAt, kind(code.get(cmp).opcode(), false));
  }

  /** {@code BOUND, local.get v, STEP, add, local.tee v, CMP, br_if 0}. */
  private static Optional<CountedLoop> boundFirst(List<Instruction> code, int end) {
    if (end < 8) {
      return Optional.empty();
    }
    Instruction tee = code.get(end - 3);
    if (tee.opcode() != OpCode.LOCAL_TEE) {
      return Optional.empty();
    }
    return make(code, end, end - 3, index(tee), end - 7, kind(code.get(end - 2).opcode(), true));
  }

  /** From the increment's write at {@code write} ({@code local.get v, STEP, add} before it) and the bound. */
  private static Optional<CountedLoop> make(List<Instruction> code, int end, int write, int v, int boundAt,
                                            int kind) {
    int get = write - 3;
    if (kind < 0 || get < 0 || boundAt < 0) {
      return Optional.empty();
    }
    Instruction read = code.get(get);
    Instruction step = code.get(get + 1);
    Instruction add = code.get(get + 2);
    Instruction bound = code.get(boundAt);
    boolean wide = add.opcode() == OpCode.I64_ADD;
    if (read.opcode() != OpCode.LOCAL_GET || index(read) != v
        || add.opcode() != OpCode.I32_ADD && add.opcode() != OpCode.I64_ADD
        || wide != isWide(code.get(end - 2).opcode())) {
      return Optional.empty();
    }
    Operand s = operand(step, wide);
    Operand b = operand(bound, wide);
    if (s == null || b == null || s.local && s.value == v || b.local && b.value == v) {
      return Optional.empty();
    }
    return Optional.of(new CountedLoop(end, v, wide, s.value, s.local, b.value, b.local, boundAt, write, kind));
  }

  private record Operand(long value, boolean local) {}

  private static Operand operand(Instruction in, boolean wide) {
    return switch (in.opcode()) {
      case LOCAL_GET -> new Operand(index(in), true);
      case I32_CONST -> wide ? null : new Operand(((Immediate.I32) in.immediate()).value(), false);
      case I64_CONST -> wide ? new Operand(((Immediate.I64) in.immediate()).value(), false) : null;
      default -> null;
    };
  }

  /** The {@link LoopTrips} kind of {@code v CMP b} ({@code boundFirst}: {@code b CMP v}), or -1. */
  private static int kind(OpCode cmp, boolean boundFirst) {
    return switch (cmp) {
      case I32_NE, I64_NE -> LoopTrips.NE;
      case I32_LT_S, I64_LT_S -> boundFirst ? -1 : LoopTrips.LT_S;
      case I32_LT_U, I64_LT_U -> boundFirst ? -1 : LoopTrips.LT_U;
      case I32_LE_S, I64_LE_S -> boundFirst ? -1 : LoopTrips.LE_S;
      case I32_LE_U, I64_LE_U -> boundFirst ? -1 : LoopTrips.LE_U;
      case I32_GT_S, I64_GT_S -> boundFirst ? LoopTrips.LT_S : -1;
      case I32_GT_U, I64_GT_U -> boundFirst ? LoopTrips.LT_U : -1;
      case I32_GE_S, I64_GE_S -> boundFirst ? LoopTrips.LE_S : -1;
      case I32_GE_U, I64_GE_U -> boundFirst ? LoopTrips.LE_U : -1;
      default -> -1;
    };
  }

  private static boolean isWide(OpCode cmp) {
    return cmp.name().startsWith("I64_");
  }

  /**
   * Whether the body (from the loop's header to its tail) only computes: no exit, no other back-edge, no write
   * to the variable or to a local step or bound outside the increment, no call, no poll, no nested loop.
   */
  private static boolean bodyIsPlain(List<Instruction> code, int loop, CountedLoop c) {
    int depth = 0;
    for (int i = loop + 1; i < c.end() - 1; i++) {
      Instruction in = code.get(i);
      OpCode op = in.opcode();
      switch (op) {
        case BLOCK, IF -> depth++;
        case END -> depth--;
        case BR, BR_IF -> {
          if (index(in) >= depth) {
            return false;
          }
        }
        case BR_TABLE -> {
          Immediate.BrTable t = (Immediate.BrTable) in.immediate();
          if (t.defaultLabel() >= depth) {
            return false;
          }
          for (int l : t.labels()) {
            if (l >= depth) {
              return false;
            }
          }
        }
        case LOCAL_SET, LOCAL_TEE -> {
          int l = index(in);
          if (i != c.writeAt() && (l == c.variable() || c.stepIsLocal() && l == c.step()
              || c.boundIsLocal() && l == c.bound())) {
            return false;
          }
        }
        default -> {
          if (!CONTROL.contains(op) && (op.signature() == null || EXCLUDED.contains(op))) {
            return false;
          }
        }
      }
    }
    return depth == 0;
  }

  /** The instructions of {@code code} that belong to counted loops: those its method holds twice. */
  static List<Instruction> duplicated(List<Instruction> code) {
    List<Instruction> out = new ArrayList<>();
    for (int i = 0; i < code.size(); i++) {
      if (code.get(i).opcode() == OpCode.LOOP) {
        int loop = i;
        at(code, loop).ifPresent(c -> out.addAll(code.subList(loop, c.end() + 1)));
      }
    }
    return out;
  }

  /** The index of the {@code end} closing the block opened at {@code start}, or -1. */
  static int matchingEnd(List<Instruction> code, int start) {
    int depth = 0;
    for (int i = start; i < code.size(); i++) {
      switch (code.get(i).opcode()) {
        case BLOCK, LOOP, IF -> depth++;
        case END -> {
          if (--depth == 0) {
            return i;
          }
        }
        default -> {}
      }
    }
    return -1;
  }

  private static int index(Instruction in) {
    return ((Immediate.Index) in.immediate()).index();
  }
}
