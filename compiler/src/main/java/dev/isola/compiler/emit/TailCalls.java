package dev.isola.compiler.emit;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analysis for constant-stack tail calls ({@code return_call}, {@code return_call_indirect}), which the JVM does
 * not have: which defined functions make them, and what each trampoline may have to run.
 *
 * <p>The scheme: a tail call to a function of the same instance does not call. It leaves the callee and its
 * arguments in the {@link InstanceContext} ({@code tailTarget}, {@code tailArgs}) and returns; the function's
 * <em>trampoline</em>, the method every caller reaches, finds the call pending and runs it through the
 * <em>bounce</em> method of its result types ({@code b<k>}), which calls the callee's body. A chain of tail calls
 * therefore runs in the trampoline's frame, one body at a time, however long it is. Every function of a chain has
 * the same result types (validation requires the callee's results to be the caller's), so one bounce method per
 * result list serves every chain that starts with that list.
 *
 * <p>A tail call to an import, or through a table to another instance or a host, stays a call followed by a
 * return: it leaves the instance, so it cannot come back into this chain without a call of its own.
 */
final class TailCalls {
  /** Defined functions whose bodies make a tail call that can be pending: they get a trampoline. */
  private final BitSet callers = new BitSet();
  /** The result lists of the callers, in order of first appearance: bounce method {@code b<k>} is for the k-th. */
  private final List<List<ValType>> resultLists = new ArrayList<>();
  /** Per result list: the functions a bounce calls directly (an invokestatic HotSpot can inline). */
  private final Map<List<ValType>, Set<Integer>> direct = new LinkedHashMap<>();
  /** Per result list: the (first-equal) type indices of its {@code return_call_indirect}s: the general path. */
  private final Map<List<ValType>, Set<Integer>> indirect = new LinkedHashMap<>();

  /** At most this many functions a bounce method calls directly besides the direct targets. */
  private static final int DIRECT_INDIRECT_TARGETS = 32;

  private TailCalls() {}

  static TailCalls of(WasmModule module) {
    TailCalls t = new TailCalls();
    int imported = module.importedFunctionCount();
    List<FuncType> types = module.functionSpaceTypes();
    BitSet declared = null;
    for (int f = imported; f < imported + module.code().size(); f++) {
      List<ValType> results = types.get(f).results();
      for (Instruction in : module.code().get(f - imported).instructions()) {
        if (in.opcode() == OpCode.RETURN_CALL && ((Immediate.Index) in.immediate()).index() >= imported) {
          t.caller(f, results).add(((Immediate.Index) in.immediate()).index());
        } else if (in.opcode() == OpCode.RETURN_CALL_INDIRECT) {
          int type = typeIndex(module, ((Immediate.CallIndirect) in.immediate()).typeIndex());
          Set<Integer> targets = t.caller(f, results);
          if (t.indirect.computeIfAbsent(results, r -> new LinkedHashSet<>()).add(type)) {
            if (declared == null) {
              declared = declared(module);
            }
            int added = 0;
            for (int g = declared.nextSetBit(imported); g >= 0 && added < DIRECT_INDIRECT_TARGETS;
                g = declared.nextSetBit(g + 1)) {
              if (g < types.size() && types.get(g).equals(module.types().get(type)) && targets.add(g)) {
                added++;
              }
            }
          }
        }
      }
    }
    return t;
  }

  private Set<Integer> caller(int f, List<ValType> results) {
    callers.set(f);
    if (!resultLists.contains(results)) {
      resultLists.add(results);
    }
    return direct.computeIfAbsent(results, r -> new LinkedHashSet<>());
  }

  /** The first index of the type section with the same type: equal types share one case of the general path. */
  static int typeIndex(WasmModule module, int typeIndex) {
    return module.types().indexOf(module.types().get(typeIndex));
  }

  /** The defined functions that can be in a table: named by an element segment or {@code ref.func}. */
  static BitSet declared(WasmModule module) {
    BitSet declared = new BitSet();
    for (var e : module.elements()) {
      for (var expr : e.init()) {
        expr.instructions().forEach(in -> declare(in, declared));
      }
    }
    for (var body : module.code()) {
      body.instructions().forEach(in -> declare(in, declared));
    }
    return declared;
  }

  private static void declare(Instruction in, BitSet declared) {
    if (in.opcode() == OpCode.REF_FUNC && in.immediate() instanceof Immediate.Index i) {
      declared.set(i.index());
    }
  }

  /** Whether defined function {@code f} has a trampoline (its body is {@code t<f>}). */
  boolean isCaller(int f) {
    return callers.get(f);
  }

  /** The bounce method of chains with these results: {@code b<k>}. */
  String bounceName(List<ValType> results) {
    int k = resultLists.indexOf(results);
    if (k < 0) {
      throw new IllegalArgumentException("no tail caller has results " + results);
    }
    return "b" + k;
  }

  List<List<ValType>> resultLists() {
    return resultLists;
  }

  Set<Integer> directTargets(List<ValType> results) {
    return direct.getOrDefault(results, Set.of());
  }

  Set<Integer> indirectTypes(List<ValType> results) {
    return indirect.getOrDefault(results, Set.of());
  }
}
