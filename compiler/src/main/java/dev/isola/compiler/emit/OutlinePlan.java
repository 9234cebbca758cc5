package dev.isola.compiler.emit;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which regions of a large function become methods of their own, so that every generated method stays under
 * HotSpot's 8,000-byte JIT limit (analyse stage).
 *
 * <p>A region is a {@code block} or {@code loop} of type {@code [] -> []}, from its opening instruction to its
 * {@code end}. The outlined method ({@link FunctionEmitter#regionName}) receives every local of the function in
 * a frame array and writes them back on exit, and returns an exit code: 0 for falling off the region's end, -1
 * for a {@code return} (results in the frame), {@code k + 1} for a branch to the k-th enclosing label outside
 * the region. A region qualifies only if each such branch carries no values (or targets the function, which
 * is a return), so that no operand crosses the method boundary.
 *
 * @param regions the end instruction index of each outlined region, by its start index
 */
record OutlinePlan(Map<Integer, Integer> regions) {
  static final OutlinePlan NONE = new OutlinePlan(Map.of());

  /** A candidate: its instruction range and whether it qualifies. */
  private static final class Region {
    final int start;
    int end = -1;
    final int ctlIndex;
    boolean qualifies;

    Region(int start, int ctlIndex, boolean qualifies) {
      this.start = start;
      this.ctlIndex = ctlIndex;
      this.qualifies = qualifies;
    }

    int size() {
      return end - start + 1;
    }
  }

  /**
   * Chooses regions until what is left of the body is at most {@code maxInstructions} (or nothing more
   * qualifies): the largest of at most {@code maxInstructions} first, then larger ones (or, if {@code
   * largestFirst}, simply the largest); inside a chosen region larger than {@code maxInstructions} the same choice
   * recurses (regions inside regions), so that code around inner regions is split across methods too instead of
   * staying in one method over the JVM's limits (fuzz seed 61042). Which order splits better depends on where a
   * function's code that cannot be outlined lies, so the caller tries both.
   */
  static OutlinePlan of(WasmModule module, List<Instruction> code, int maxInstructions, boolean largestFirst) {
    List<Region> all = candidates(module, code);
    Map<Integer, Integer> regions = new TreeMap<>();
    choose(all, -1, code.size(), maxInstructions, largestFirst, regions);
    return new OutlinePlan(regions);
  }

  /** Chooses disjoint regions strictly inside instructions {@code from..to} (exclusive), recursing as above. */
  private static void choose(List<Region> all, int from, int to, int maxInstructions, boolean largestFirst,
                             Map<Integer, Integer> out) {
    List<Region> inside = new ArrayList<>();
    for (Region r : all) {
      if (r.qualifies && r.end >= 0 && r.start > from && r.end < to && r.size() > 32) {
        inside.add(r);
      }
    }
    List<Region> chosen = new ArrayList<>();
    int left = to - from - 1;
    while (left > maxInstructions) {
      Region small = null;
      Region large = null;
      for (Region r : inside) {
        // Regions nest or are disjoint: one overlapping a chosen region contains it or lies inside it.
        if (chosen.stream().anyMatch(c -> c.start <= r.end && r.start <= c.end)) {
          continue;
        }
        if (r.size() <= maxInstructions || largestFirst) {
          if (small == null || r.size() > small.size()) {
            small = r;
          }
        } else if (large == null || r.size() > large.size()) {
          large = r;
        }
      }
      Region best = small != null ? small : large;
      if (best == null) {
        break;
      }
      chosen.add(best);
      left -= best.size() - 1;
    }
    for (Region c : chosen) {
      out.put(c.start, c.end);
      if (c.size() > maxInstructions) {
        choose(all, c.start, c.end, maxInstructions, largestFirst, out);
      }
    }
  }

  /** Every block and loop of type [] -> [], with whether every branch leaving it carries no values. */
  private static List<Region> candidates(WasmModule module, List<Instruction> code) {
    List<Region> out = new ArrayList<>();
    // Label arity of each open control construct (index 0: the function, whose label is a return).
    List<Integer> arity = new ArrayList<>();
    List<Region> open = new ArrayList<>();
    arity.add(0);
    open.add(null);
    for (int i = 0; i < code.size(); i++) {
      Instruction in = code.get(i);
      OpCode op = in.opcode();
      switch (op) {
        case BLOCK, LOOP, IF -> {
          BlockType bt = ((Immediate.Block) in.immediate()).type();
          boolean empty = bt instanceof BlockType.Empty
              || bt instanceof BlockType.TypeIndex ti && isEmpty(module.types().get(ti.typeIndex()));
          int labelArity = switch (bt) {
            case BlockType.Empty _ -> 0;
            case BlockType.Value _ -> op == OpCode.LOOP ? 0 : 1;
            case BlockType.TypeIndex ti -> op == OpCode.LOOP
                ? module.types().get(ti.typeIndex()).params().size()
                : module.types().get(ti.typeIndex()).results().size();
          };
          arity.add(labelArity);
          Region r = op != OpCode.IF && empty ? new Region(i, arity.size() - 1, true) : null;
          open.add(r);
          if (r != null) {
            out.add(r);
          }
        }
        case END -> {
          Region r = open.removeLast();
          arity.removeLast();
          if (r != null) {
            r.end = i;
          }
          if (arity.isEmpty()) {
            return out;
          }
        }
        case BR, BR_IF -> leave(arity, open, ((Immediate.Index) in.immediate()).index());
        case BR_TABLE -> {
          Immediate.BrTable t = (Immediate.BrTable) in.immediate();
          for (int l : t.labels()) {
            leave(arity, open, l);
          }
          leave(arity, open, t.defaultLabel());
        }
        default -> {}
      }
    }
    return out;
  }

  private static boolean isEmpty(FuncType t) {
    return t.params().isEmpty() && t.results().isEmpty();
  }

  /** A branch to label {@code l}: every open region it leaves is disqualified if it carries values. */
  private static void leave(List<Integer> arity, List<Region> open, int l) {
    int target = arity.size() - 1 - l;
    if (target <= 0 || arity.get(target) == 0) {
      return;
    }
    for (int k = target + 1; k < open.size(); k++) {
      Region r = open.get(k);
      if (r != null) {
        r.qualifies = false;
      }
    }
  }
}
