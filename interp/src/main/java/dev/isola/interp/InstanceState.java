package dev.isola.interp;

import dev.isola.runtime.ChunkPoll;
import dev.isola.runtime.Function;
import dev.isola.runtime.Global;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Store;
import dev.isola.runtime.Table;
import dev.isola.runtime.WasmFunction;

/**
 * What the dispatch loop needs of one instance, resolved once at link time into plain arrays: the loop reads
 * {@code globals[i]} instead of asking the instance on every {@code global.get}.
 *
 * <p>{@code calleeCode[i]} is non-null when function {@code i} can run inside the loop (defined here, or an
 * import defined by another interpreted instance, whose state is {@code calleeState[i]}); otherwise the call
 * leaves the loop through {@code functions[i]} (a host function or another tier's code).
 */
final class InstanceState {
  final Instance instance;
  final InterpretedModule module;
  /** Memory 0, or null: the loop's fast memory cases use only this one. */
  final Memory memory;
  /** Every memory of the memory index space (multi-memory): MultiMemoryOps and SimdOps index it. */
  final Memory[] memories;
  final Global[] globals;
  final Table[] tables;
  final Function[] functions;
  final CompiledFunction[] calleeCode;
  final InstanceState[] calleeState;
  /** The engine's canonical type id of each type of the module's type section. */
  final int[] typeIds;
  /**
   * The poll between chunks of a bulk operation: one fuel unit per 1024 bytes or elements of the chunk (chunks
   * are multiples of 1024 but the last, so the total is the operation's length / 1024, as before chunking),
   * charged through a slow-path safepoint before the chunk is written. Shorter chunks are free and skip it.
   */
  final ChunkPoll bulkPoll;

  InstanceState(Instance instance, InterpretedModule module) {
    this.instance = instance;
    this.module = module;
    var model = module.model();
    this.memories = new Memory[model.memorySpace().size()];
    for (int i = 0; i < memories.length; i++) {
      memories[i] = instance.memory(i);
    }
    this.memory = memories.length == 0 ? null : memories[0];
    this.globals = new Global[model.globalSpace().size()];
    for (int i = 0; i < globals.length; i++) {
      globals[i] = instance.global(i);
    }
    this.tables = new Table[model.tableSpace().size()];
    for (int i = 0; i < tables.length; i++) {
      tables[i] = instance.table(i);
    }
    int count = model.functionSpaceTypes().size();
    int imported = model.importedFunctionCount();
    this.functions = new Function[count];
    this.calleeCode = new CompiledFunction[count];
    this.calleeState = new InstanceState[count];
    for (int i = 0; i < count; i++) {
      functions[i] = instance.function(i);
      if (i >= imported) {
        calleeCode[i] = module.function(i);
        calleeState[i] = this;
      } else if (functions[i] instanceof WasmFunction w && w.instance().tierState() instanceof InstanceState other) {
        // Already linked: follow its resolution, so a re-exported import also runs in the loop.
        calleeCode[i] = other.calleeCode[w.index()];
        calleeState[i] = other.calleeState[w.index()];
      }
    }
    Store store = instance.store();
    this.bulkPoll = length -> {
      long weight = length >>> 10;
      if (weight > 0) {
        store.safepoint(weight);
      }
    };
    this.typeIds = new int[model.types().size()];
    for (int i = 0; i < typeIds.length; i++) {
      typeIds[i] = instance.typeId(i);
    }
  }

  /** The canonical type id of any function, cheaply for interpreted ones. */
  int typeIdOf(Function f) {
    if (f instanceof WasmFunction w && w.instance().tierState() instanceof InstanceState other) {
      CompiledFunction c = other.module.function(w.index());
      if (c != null) {
        return c.typeId;
      }
    }
    return module.engine().typeId(f.type());
  }
}
