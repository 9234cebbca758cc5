package dev.isola.compiler.emit;

import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyse stage: the static fuel weight of each poll of a function, computed exactly as the interpreter's
 * pre-decoder does (interp {@code PreDecoder.lower}), so that both tiers charge the same fuel. Every reachable
 * instruction counts towards its innermost enclosing loop (charged at that loop's header on every iteration)
 * or, outside loops, towards the function's entry weight, which starts at 1; a loop weighs at least 1. Code
 * after an unconditional transfer of control up to the end of its block is dead, counts for nothing, and is
 * not emitted either ({@link #dead}). Keep this in sync with the interpreter.
 *
 * @param entryWeight charged at function entry
 * @param loopWeights the weight of each loop, by the index of its {@code loop} instruction
 */
record FuelWeights(int entryWeight, Map<Integer, Integer> loopWeights) {
  private static final int BLOCK = 0;
  private static final int LOOP = 1;
  private static final int FUNC = 2;

  private static final class Ctl {
    final int kind;
    final int start;
    final Ctl enclosingLoop;
    boolean unreachable;
    int weight;

    Ctl(int kind, int start, Ctl enclosingLoop) {
      this.kind = kind;
      this.start = start;
      this.enclosingLoop = enclosingLoop;
    }
  }

  static FuelWeights of(FunctionBody body) {
    List<Ctl> ctls = new ArrayList<>();
    ctls.add(new Ctl(FUNC, -1, null));
    Map<Integer, Integer> loops = new HashMap<>();
    int entry = 1;
    int skip = 0;
    List<Instruction> code = body.instructions();
    for (int i = 0; i < code.size(); i++) {
      Instruction in = code.get(i);
      Ctl top = ctls.getLast();
      if (top.unreachable) {
        int skipped = skipDead(in, skip);
        if (skipped >= 0) {
          skip = skipped;
          continue;
        }
      }
      Ctl loop = top.kind == LOOP ? top : top.enclosingLoop;
      if (loop != null) {
        loop.weight++;
      } else {
        entry++;
      }
      switch (in.opcode()) {
        case BLOCK, IF -> ctls.add(new Ctl(BLOCK, i, loop));
        case LOOP -> ctls.add(new Ctl(LOOP, i, loop));
        case ELSE -> top.unreachable = false;
        case END -> {
          ctls.removeLast();
          if (top.kind == LOOP) {
            loops.put(top.start, Math.max(1, top.weight));
          }
          if (top.kind == FUNC) {
            return new FuelWeights(entry, loops);
          }
        }
        case UNREACHABLE, BR, BR_TABLE, RETURN, RETURN_CALL, RETURN_CALL_INDIRECT -> top.unreachable = true;
        default -> {}
      }
    }
    return new FuelWeights(entry, loops);
  }

  /**
   * The dead-code rule shared by analysis and emission, for an instruction met while the innermost block is
   * unreachable: the new count of blocks opened in dead code ({@code skip}) if the instruction is skipped, or -1
   * if it is live (that block's own {@code else} or {@code end}).
   */
  static int skipDead(Instruction in, int skip) {
    return switch (in.opcode()) {
      case BLOCK, LOOP, IF -> skip + 1;
      case END -> skip > 0 ? skip - 1 : -1;
      case ELSE -> skip > 0 ? skip : -1;
      default -> skip;
    };
  }
}
