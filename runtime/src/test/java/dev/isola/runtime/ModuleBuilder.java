package dev.isola.runtime;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.CustomSection;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link WasmModule} records in tests, without the decoder; every defined function is {@code unreachable}. */
final class ModuleBuilder {
  private final List<FuncType> types = new ArrayList<>();
  private final List<Import> imports = new ArrayList<>();
  private final List<Integer> functionTypes = new ArrayList<>();
  private final List<TableType> tables = new ArrayList<>();
  private final List<MemoryType> memories = new ArrayList<>();
  private final List<dev.isola.wasm.Global> globals = new ArrayList<>();
  private final List<Export> exports = new ArrayList<>();
  private final List<ElementSegment> elements = new ArrayList<>();
  private final List<DataSegment> data = new ArrayList<>();
  private Optional<Integer> start = Optional.empty();
  private String name;

  static FuncType type(List<ValType> params, List<ValType> results) {
    return FuncType.of(params, results);
  }

  static Limits limits(long min, long max) {
    return new Limits(min, max);
  }

  static Limits limits(long min) {
    return new Limits(min, Limits.NO_MAX);
  }

  static ConstExpr i32(int v) {
    return expr(new Instruction(OpCode.I32_CONST, new Immediate.I32(v)));
  }

  static ConstExpr refFunc(int function) {
    return expr(new Instruction(OpCode.REF_FUNC, new Immediate.Index(function)));
  }

  static ConstExpr refNull(ValType type) {
    return expr(new Instruction(OpCode.REF_NULL, new Immediate.RefType(type)));
  }

  static ConstExpr globalGet(int global) {
    return expr(new Instruction(OpCode.GLOBAL_GET, new Immediate.Index(global)));
  }

  static ConstExpr expr(Instruction... instructions) {
    return new ConstExpr(List.of(instructions));
  }

  int type(FuncType type) {
    int index = types.indexOf(type);
    if (index >= 0) {
      return index;
    }
    types.add(type);
    return types.size() - 1;
  }

  ModuleBuilder name(String name) {
    this.name = name;
    return this;
  }

  ModuleBuilder importFunc(String module, String name, FuncType type) {
    imports.add(new Import(module, name, new ImportDesc.Func(type(type))));
    return this;
  }

  ModuleBuilder importTable(String module, String name, TableType type) {
    imports.add(new Import(module, name, new ImportDesc.Table(type)));
    return this;
  }

  ModuleBuilder importMemory(String module, String name, Limits limits) {
    imports.add(new Import(module, name, new ImportDesc.Memory(new MemoryType(limits))));
    return this;
  }

  ModuleBuilder importGlobal(String module, String name, GlobalType type) {
    imports.add(new Import(module, name, new ImportDesc.Global(type)));
    return this;
  }

  /** Defines a function of {@code type}; returns its index in the function index space. */
  int func(FuncType type) {
    functionTypes.add(type(type));
    return (int) imports.stream().filter(i -> i.desc().kind() == ExternKind.FUNC).count() + functionTypes.size() - 1;
  }

  ModuleBuilder table(ValType elementType, Limits limits) {
    tables.add(new TableType(elementType, limits));
    return this;
  }

  ModuleBuilder memory(Limits limits) {
    memories.add(new MemoryType(limits));
    return this;
  }

  ModuleBuilder global(GlobalType type, ConstExpr init) {
    globals.add(new dev.isola.wasm.Global(type, init));
    return this;
  }

  ModuleBuilder export(String name, ExternKind kind, int index) {
    exports.add(new Export(name, kind, index));
    return this;
  }

  ModuleBuilder start(int function) {
    start = Optional.of(function);
    return this;
  }

  ModuleBuilder activeElem(int table, ConstExpr offset, int... functions) {
    List<ConstExpr> init = new ArrayList<>();
    for (int f : functions) {
      init.add(refFunc(f));
    }
    elements.add(new ElementSegment(ValType.FUNCREF, init, new ElementSegment.Active(table, offset)));
    return this;
  }

  ModuleBuilder elem(ElementSegment segment) {
    elements.add(segment);
    return this;
  }

  ModuleBuilder activeData(int memory, ConstExpr offset, byte... bytes) {
    data.add(new DataSegment(bytes, new DataSegment.Active(memory, offset)));
    return this;
  }

  ModuleBuilder passiveData(byte... bytes) {
    data.add(new DataSegment(bytes, new DataSegment.Passive()));
    return this;
  }

  WasmModule build() {
    List<FunctionBody> code = new ArrayList<>();
    for (int i = 0; i < functionTypes.size(); i++) {
      code.add(new FunctionBody(List.of(), List.of(
          new Instruction(OpCode.UNREACHABLE, Immediate.None.INSTANCE),
          new Instruction(OpCode.END, Immediate.None.INSTANCE)), -1));
    }
    NameSection names = name == null ? NameSection.EMPTY : new NameSection(Optional.of(name), Map.of(), Map.of());
    return new WasmModule(types, imports, functionTypes, tables, memories, globals, exports, start, elements,
        Optional.empty(), code, data, List.<CustomSection>of(), names);
  }
}
