package dev.isola.wasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded module, immutable: the sections of the binary format as lists. Function, table, memory and global
 * index spaces start with the imports of that kind, then the module's own definitions ({@link #functionTypes()}
 * lists the type index of each defined function, in the order of {@link #code()}).
 *
 * <p>Nothing here is validated: {@code dev.isola.wasm.validate.Validator} does that.
 */
public record WasmModule(
    List<FuncType> types,
    List<Import> imports,
    List<Integer> functionTypes,
    List<TableType> tables,
    List<MemoryType> memories,
    List<Global> globals,
    List<Export> exports,
    Optional<Integer> start,
    List<ElementSegment> elements,
    Optional<Integer> dataCount,
    List<FunctionBody> code,
    List<DataSegment> data,
    List<CustomSection> customSections,
    NameSection names) {

  public WasmModule {
    types = List.copyOf(types);
    imports = List.copyOf(imports);
    functionTypes = List.copyOf(functionTypes);
    tables = List.copyOf(tables);
    memories = List.copyOf(memories);
    globals = List.copyOf(globals);
    exports = List.copyOf(exports);
    elements = List.copyOf(elements);
    code = List.copyOf(code);
    data = List.copyOf(data);
    customSections = List.copyOf(customSections);
  }

  /** Imports of one kind, in index-space order. */
  public List<Import> imports(ExternKind kind) {
    return imports.stream().filter(i -> i.desc().kind() == kind).toList();
  }

  public int importedFunctionCount() {
    return (int) imports.stream().filter(i -> i.desc().kind() == ExternKind.FUNC).count();
  }

  /** The type of every function in the function index space: imports first, then definitions. */
  public List<FuncType> functionSpaceTypes() {
    List<FuncType> all = new ArrayList<>();
    for (Import i : imports) {
      if (i.desc() instanceof ImportDesc.Func f) {
        all.add(types.get(f.typeIndex()));
      }
    }
    for (int typeIndex : functionTypes) {
      all.add(types.get(typeIndex));
    }
    return all;
  }

  /** Every table in the table index space: imports first, then definitions. */
  public List<TableType> tableSpace() {
    List<TableType> all = new ArrayList<>();
    for (Import i : imports) {
      if (i.desc() instanceof ImportDesc.Table t) {
        all.add(t.type());
      }
    }
    all.addAll(tables);
    return all;
  }

  /** Every memory in the memory index space: imports first, then definitions. */
  public List<MemoryType> memorySpace() {
    List<MemoryType> all = new ArrayList<>();
    for (Import i : imports) {
      if (i.desc() instanceof ImportDesc.Memory m) {
        all.add(m.type());
      }
    }
    all.addAll(memories);
    return all;
  }

  /** Every global in the global index space: imports first, then definitions. */
  public List<GlobalType> globalSpace() {
    List<GlobalType> all = new ArrayList<>();
    for (Import i : imports) {
      if (i.desc() instanceof ImportDesc.Global g) {
        all.add(g.type());
      }
    }
    for (Global g : globals) {
      all.add(g.type());
    }
    return all;
  }

  public Optional<CustomSection> customSection(String name) {
    return customSections.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<Export> export(String name) {
    return exports.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
