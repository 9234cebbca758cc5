package dev.isola.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A module instance: its index spaces (imports first) and exports. The index-space accessors ({@link
 * #function(int)}, {@link #memory(int)}, ...) are for execution tiers and host code.
 *
 * <p>Built by {@link Store#instantiate} (see {@code Instantiation}); the index spaces are complete before the
 * tier's {@code link} runs.
 */
public final class Instance {
  private static final Object[] NO_ELEMENTS = new Object[0];
  private static final byte[] NO_DATA = new byte[0];

  private final Module module;
  private final Store store;
  private final Caller caller;
  final Function[] functions;
  final Table[] tables;
  final Memory[] memories;
  final Global[] globals;
  final Object[][] elementSegments;
  final byte[][] dataSegments;
  final Map<String, Extern> exports = new LinkedHashMap<>();
  private Object tierState;

  Instance(Module module, Store store) {
    var model = module.model();
    this.module = module;
    this.store = store;
    this.functions = new Function[model.functionSpaceTypes().size()];
    this.tables = new Table[model.tableSpace().size()];
    this.memories = new Memory[model.memorySpace().size()];
    this.globals = new Global[model.globalSpace().size()];
    this.elementSegments = new Object[model.elements().size()][];
    this.dataSegments = new byte[model.data().size()][];
    this.caller = new InstanceCaller(this);
  }

  /** The caller of host functions called from this instance's code. */
  private record InstanceCaller(Instance instance) implements Caller {
    public Store store() {
      return instance.store;
    }

    public Memory memory(int index) {
      return index >= 0 && index < instance.memories.length ? instance.memories[index] : null;
    }
  }

  public Module module() {
    return module;
  }

  public Store store() {
    return store;
  }

  /** The {@link Caller} that tiers pass to host functions called from this instance's code (one per instance). */
  public Caller caller() {
    return caller;
  }

  public Map<String, Extern> exports() {
    return Collections.unmodifiableMap(exports);
  }

  public Optional<Extern> export(String name) {
    return Optional.ofNullable(exports.get(name));
  }

  /** @throws IllegalArgumentException if there is no such exported function */
  public Function function(String name) {
    if (exports.get(name) instanceof Function f) {
      return f;
    }
    throw new IllegalArgumentException("no exported function \"" + name + "\"");
  }

  /** The exported memory {@code name}, or null. */
  public Memory memory(String name) {
    return exports.get(name) instanceof Memory m ? m : null;
  }

  /** The exported global {@code name}, or null. */
  public Global global(String name) {
    return exports.get(name) instanceof Global g ? g : null;
  }

  /** The exported table {@code name}, or null. */
  public Table table(String name) {
    return exports.get(name) instanceof Table t ? t : null;
  }

  public Function function(int index) {
    return functions[index];
  }

  public Memory memory(int index) {
    return memories[index];
  }

  public Table table(int index) {
    return tables[index];
  }

  public Global global(int index) {
    return globals[index];
  }

  /** How many functions (imports included) this instance has; likewise for the other index spaces. */
  public int functionCount() {
    return functions.length;
  }

  public int memoryCount() {
    return memories.length;
  }

  public int tableCount() {
    return tables.length;
  }

  public int globalCount() {
    return globals.length;
  }

  /** The canonical type id ({@link Engine#typeId}) of the type at {@code typeIndex} of the module. */
  public int typeId(int typeIndex) {
    return module.typeId(typeIndex);
  }

  /** Element segment {@code index}'s evaluated references; an empty array once dropped. */
  public Object[] elementSegment(int index) {
    return elementSegments[index];
  }

  public void dropElementSegment(int index) {
    elementSegments[index] = NO_ELEMENTS;
  }

  /** Data segment {@code index}'s bytes; an empty array once dropped. */
  public byte[] dataSegment(int index) {
    return dataSegments[index];
  }

  public void dropDataSegment(int index) {
    dataSegments[index] = NO_DATA;
  }

  /** Per-instance state a tier attached with {@link #setTierState} (e.g. resolved call targets). */
  public Object tierState() {
    return tierState;
  }

  public void setTierState(Object state) {
    this.tierState = state;
  }

  @Override
  public String toString() {
    String name = module.name();
    return "instance of " + (name != null ? name : "module") + " " + exports.keySet();
  }
}
