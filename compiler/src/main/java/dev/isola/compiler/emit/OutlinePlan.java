package dev.isola.compiler.emit;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which regions of a large function become methods of their own, so that every generated method stays under
 * HotSpot's 8,000-byte JIT limit (analyse stage).
 *
 * <p>A region is a {@code block}, {@code loop} or {@code if} of any type, from its opening instruction to its
 * {@code end}. The outlined method ({@link FunctionEmitter#regionName}) receives every local of the function in
 * a frame array and writes them back on exit, and returns an exit code: 0 for falling off the region's end, -1
 * for a {@code return} (results in the frame), {@code k + 1} for a branch to the k-th enclosing label outside
 * the region. The block's parameters (and an {@code if}'s condition) go in through the frame after the locals,
 * and its results come back through it on exit code 0: a typed block or an {@code if} is outlined like any
 * other (fuzz seed 61042 had most of its code in them). A region qualifies only if each branch leaving it
 * carries no values (or targets the function, which is a return), so that no operand crosses the method
 * boundary but the block's own.
 *
 * <p>{@code framed}: the function's locals live in the frame arrays for the whole invocation instead of in JVM
 * locals copied in and out at each region call. Copying is faster in loops (JVM locals are registers) but costs
 * bytes per local at every call site and region entry and exit, and zeroing at entry: with hundreds of locals
 * (fuzz seed 61042 has functions with 1,500) the copies alone exceed the limit, so such functions are framed.
 *
 * <p>A <b>run</b> is a region that is not a block: consecutive instructions of one block, between two points where
 * that block's part of the operand stack is empty, so that it takes and leaves no operands. Runs are chosen only
 * when no block is left to outline, for straight-line code (fuzz seeds have top-level code of thousands of
 * instructions with hardly a block); its branches out follow the same rule as a region's.
 *
 * @param regions the end instruction index of each outlined region, by its start index
 * @param framed whether locals live in the frame ({@link FunctionEmitter})
 * @param runs the start indices of the regions that are runs
 */
record OutlinePlan(Map<Integer, Integer> regions, boolean framed, Set<Integer> runs) {
  static final OutlinePlan NONE = new OutlinePlan(Map.of(), false, Set.of());

  /** Whether the region starting at {@code start} is a run rather than a block, loop or if. */
  boolean isRun(int start) {
    return runs.contains(start);
  }

  /** A candidate: its instruction range and whether it qualifies. */
  private static final class Region {
    final int start;
    int end = -1;
    boolean qualifies = true;
    boolean run;

    Region(int start) {
      this.start = start;
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
  static OutlinePlan of(WasmModule module, List<Instruction> code, int maxInstructions, boolean largestFirst,
                        boolean framed) {
    List<Region> all = candidates(module, code);
    List<Region> runs = runs(module, code, maxInstructions);
    Map<Integer, Integer> regions = new TreeMap<>();
    Set<Integer> runStarts = new TreeSet<>();
    choose(all, runs, -1, code.size(), maxInstructions, largestFirst, regions, runStarts);
    return new OutlinePlan(regions, framed, runStarts);
  }

  /** Chooses disjoint regions strictly inside instructions {@code from..to} (exclusive), recursing as above. */
  private static void choose(List<Region> all, List<Region> runs, int from, int to, int maxInstructions,
                             boolean largestFirst, Map<Integer, Integer> out, Set<Integer> runStarts) {
    List<Region> inside = new ArrayList<>();
    for (Region r : all) {
      if (r.qualifies && r.end >= 0 && r.start > from && r.end < to && r.size() > 32) {
        inside.add(r);
      }
    }
    List<Region> chosen = new ArrayList<>();
    int left = to - from - 1;
    boolean withRuns = false;
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
      if (best == null && !withRuns) {
        // No block left: straight-line code, in runs (which are never larger than maxInstructions).
        withRuns = true;
        for (Region r : runs) {
          if (r.start > from && r.end < to) {
            inside.add(r);
          }
        }
        continue;
      }
      if (best == null) {
        break;
      }
      chosen.add(best);
      left -= best.size() - 1;
    }
    for (Region c : chosen) {
      out.put(c.start, c.end);
      if (c.run) {
        runStarts.add(c.start);
      }
      if (c.size() > maxInstructions) {
        choose(all, runs, c.start, c.end, maxInstructions, largestFirst, out, runStarts);
      }
    }
  }

  /** Every block, loop and if, with whether every branch leaving it carries no values. */
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
          arity.add(BlockSignature.of(module, ((Immediate.Block) in.immediate()).type())
              .labelArity(op == OpCode.LOOP));
          // Any block, loop or if: its parameters (and an if's condition) go in through the frame, its results
          // come back through it (FunctionEmitter.callRegion).
          Region r = new Region(i);
          open.add(r);
          out.add(r);
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

  /** An open construct while computing runs: where its operands start, its label's arity, its types. */
  private record Open(int base, int labelArity, int params, int results, int segment) {}

  /**
   * The runs of every block (see the class comment), each at most {@code maxInstructions} long and more than 32:
   * the boundaries are the live instructions before which the innermost block's operand stack is empty, found
   * by replaying each instruction's stack effect (dead code, as the emitter skips it, has none).
   */
  private static List<Region> runs(WasmModule module, List<Instruction> code, int maxInstructions) {
    int n = code.size();
    // Per instruction: its segment (a block's body, or an if's else part) if it is a boundary, else -1.
    int[] boundary = new int[n + 1];
    Arrays.fill(boundary, -1);
    // Per instruction: the depth (open constructs, function included) before it, and for a branch the smallest
    // depth index (>= 1) of a target whose label carries values, else MAX_VALUE.
    int[] depthAt = new int[n + 1];
    int[] valueTarget = new int[n + 1];
    Arrays.fill(valueTarget, Integer.MAX_VALUE);
    List<FuncType> functionTypes = module.functionSpaceTypes();
    List<Open> open = new ArrayList<>();
    open.add(new Open(0, 0, 0, 0, 0));
    int segments = 1;
    int height = 0;
    boolean unreachable = false;
    int skip = 0;
    for (int i = 0; i < n && !open.isEmpty(); i++) {
      Instruction in = code.get(i);
      Open top = open.getLast();
      if (unreachable) {
        int skipped = FuelWeights.skipDead(in, skip);
        if (skipped >= 0) {
          skip = skipped;
          continue;
        }
      } else if (height == top.base()) {
        // A run may start before this instruction or end just before it (also before its block's else or end).
        boundary[i] = top.segment();
      }
      depthAt[i] = open.size();
      OpCode op = in.opcode();
      switch (op) {
        case BLOCK, LOOP, IF -> {
          if (op == OpCode.IF) {
            height--;
          }
          BlockSignature sig = BlockSignature.of(module, ((Immediate.Block) in.immediate()).type());
          int params = sig.params().size();
          open.add(new Open(height - params, sig.labelArity(op == OpCode.LOOP), params, sig.results().size(),
              segments++));
        }
        case ELSE -> {
          open.set(open.size() - 1, new Open(top.base(), top.labelArity(), top.params(), top.results(),
              segments++));
          height = top.base() + top.params();
          unreachable = false;
        }
        case END -> {
          open.removeLast();
          height = top.base() + top.results();
          unreachable = false;
        }
        case BR, BR_IF -> {
          valueTarget[i] = valueTarget(open, ((Immediate.Index) in.immediate()).index());
          if (op == OpCode.BR_IF) {
            height--;
          } else {
            unreachable = true;
          }
        }
        case BR_TABLE -> {
          Immediate.BrTable t = (Immediate.BrTable) in.immediate();
          int min = valueTarget(open, t.defaultLabel());
          for (int l : t.labels()) {
            min = Math.min(min, valueTarget(open, l));
          }
          valueTarget[i] = min;
          unreachable = true;
        }
        case UNREACHABLE, RETURN, RETURN_CALL, RETURN_CALL_INDIRECT -> unreachable = true;
        case CALL -> {
          FuncType t = functionTypes.get(((Immediate.Index) in.immediate()).index());
          height += t.results().size() - t.params().size();
        }
        case CALL_INDIRECT -> {
          FuncType t = module.types().get(((Immediate.CallIndirect) in.immediate()).typeIndex());
          height += t.results().size() - t.params().size() - 1;
        }
        case DROP, LOCAL_SET, GLOBAL_SET, TABLE_GROW -> height--;
        case SELECT, SELECT_T, TABLE_SET -> height -= 2;
        case TABLE_FILL -> height -= 3;
        case LOCAL_GET, GLOBAL_GET, REF_NULL, REF_FUNC -> height++;
        case NOP, LOCAL_TEE, TABLE_GET, REF_IS_NULL -> {}
        default -> {
          OpCode.Signature sig = op.signature();
          if (sig == null) {
            // An instruction this replay does not know: no runs at all rather than wrong ones.
            return List.of();
          }
          height += sig.results().size() - sig.params().size();
        }
      }
    }
    // Runs: consecutive boundaries of one segment, grown while at most maxInstructions long and free of branches
    // that leave with values.
    List<Region> out = new ArrayList<>();
    Map<Integer, List<Integer>> bySegment = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (boundary[i] >= 0) {
        bySegment.computeIfAbsent(boundary[i], k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> points : bySegment.values()) {
      int first = 0;
      while (first < points.size() - 1) {
        int start = points.get(first);
        int depth = depthAt[start];
        int last = first;
        for (int k = first + 1; k < points.size(); k++) {
          int end = points.get(k) - 1;
          if (end - start + 1 > maxInstructions || !leavesWithoutValues(valueTarget, points.get(k - 1), end, depth)) {
            break;
          }
          last = k;
        }
        if (last == first) {
          first++;
          continue;
        }
        int end = points.get(last) - 1;
        if (end - start + 1 > 32) {
          Region r = new Region(start);
          r.end = end;
          r.run = true;
          out.add(r);
        }
        first = last;
      }
    }
    return out;
  }

  /** The depth index of label {@code l}'s construct if its label carries values (the function's excepted). */
  private static int valueTarget(List<Open> open, int l) {
    int target = open.size() - 1 - l;
    return target >= 1 && open.get(target).labelArity() > 0 ? target : Integer.MAX_VALUE;
  }

  /** Whether no branch in {@code from..to} leaves a run entered at {@code depth} with values. */
  private static boolean leavesWithoutValues(int[] valueTarget, int from, int to, int depth) {
    for (int i = from; i <= to; i++) {
      if (valueTarget[i] < depth) {
        return false;
      }
    }
    return true;
  }
}
