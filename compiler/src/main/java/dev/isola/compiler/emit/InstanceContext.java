package dev.isola.compiler.emit;

import dev.isola.runtime.ChunkPoll;
import dev.isola.runtime.Function;
import dev.isola.runtime.Global;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Table;
import java.lang.invoke.MethodHandle;

/**
 * One instance's state as generated code sees it: plain arrays and fields resolved at link time, passed to every
 * generated method as its last argument. Generated classes hold no instance state, so one class serves every
 * instance of a module. Fields are read with {@code getfield} by generated code (same package): keep names and
 * types in sync with {@link FunctionEmitter}.
 */
final class InstanceContext {
  final Instance instance;
  final GeneratedCode code;
  /** Memory 0 (the fast path), or null; its {@code bytes()} is cached in a local of every method. */
  final Memory memory0;
  final Memory[] memories;
  final Global[] globals;
  final Table[] tables;
  final Function[] functions;
  /** For each imported function, a handle of the compiled convention ({@link Descriptors#functionType}). */
  final MethodHandle[] imports;
  /** For each defined function, its handle with this context bound (for callers from other instances); lazy. */
  final MethodHandle[] bound;
  /** Canonical type id of each type of the module's type section. */
  final int[] typeIds;
  final Fuel fuel;
  final ChunkPoll bulkPoll;
  /**
   * A pending tail call ({@link TailCalls}): the defined function to run next, or -1, and the first index of its
   * type in the type section. Set by a body just before it returns to its trampoline, which takes it at once;
   * one thread runs the store at a time, so plain fields.
   */
  int tailTarget = -1;
  int tailType;
  /** The pending tail call's arguments: numbers in {@code tailArgs}, references and v128s in {@code tailRefs}. */
  long[] tailArgs = new long[8];
  Object[] tailRefs = new Object[8];

  InstanceContext(Instance instance, GeneratedCode code) {
    this.instance = instance;
    this.code = code;
    this.memories = new Memory[instance.memoryCount()];
    for (int i = 0; i < memories.length; i++) {
      memories[i] = instance.memory(i);
    }
    this.memory0 = memories.length > 0 ? memories[0] : null;
    this.globals = new Global[instance.globalCount()];
    for (int i = 0; i < globals.length; i++) {
      globals[i] = instance.global(i);
    }
    this.tables = new Table[instance.tableCount()];
    for (int i = 0; i < tables.length; i++) {
      tables[i] = instance.table(i);
    }
    this.functions = new Function[instance.functionCount()];
    for (int i = 0; i < functions.length; i++) {
      functions[i] = instance.function(i);
    }
    this.typeIds = code.typeIds;
    this.fuel = Fuel.of(instance.store());
    this.bound = new MethodHandle[functions.length];
    var store = instance.store();
    // The same charge as the interpreter's: one unit per 1024 bytes or elements, on the slow path.
    this.bulkPoll = length -> {
      long weight = length >>> 10;
      if (weight > 0) {
        store.safepoint(weight);
      }
    };
    this.imports = new MethodHandle[code.importCount];
    for (int i = 0; i < imports.length; i++) {
      imports[i] = CallTargets.imported(this, i);
    }
  }
}
