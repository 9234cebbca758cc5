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
   * Chooses regions, largest first, each of at most {@code maxInstructions}, until what is left of the body is at
   * most {@code maxInstructions} too (or nothing more qualifies).
   */
  static OutlinePlan of(WasmModule module, List<Instruction> code, int maxInstructions) {
    List<Region> all = candidates(module, code);
    List<Region> chosen = new ArrayList<>();
    int left = code.size();
    while (left > maxInstructions) {
      Region best = null;
      for (Region r : all) {
        if (r.qualifies && r.end >= 0 && r.size() <= maxInstructions && r.size() > 32
            && chosen.stream().noneMatch(c -> c.start <= r.start && r.end <= c.end)
            && (best == null || r.size() > best.size())) {
          best = r;
        }
      }
      if (best == null) {
        break;
      }
      Region b = best;
      // A region inside the chosen one is no longer a separate choice; one containing it no longer may be.
      chosen.removeIf(c -> b.start <= c.start && c.end <= b.end);
      left = code.size();
      chosen.add(b);
      for (Region c : chosen) {
        left -= c.size() - 1;
      }
      all.removeIf(r -> r.start <= b.start && b.end <= r.end);
    }
    Map<Integer, Integer> regions = new TreeMap<>();
    for (Region r : chosen) {
      regions.put(r.start, r.end);
    }
    return new OutlinePlan(regions);
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
