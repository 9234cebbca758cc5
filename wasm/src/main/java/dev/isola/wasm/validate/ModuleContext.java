package dev.isola.wasm.validate;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Global;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.List;
import java.util.Set;

/**
 * The spec's validation context C, built once per module with its index spaces flattened into arrays, so that
 * validating an instruction is a bounds check and an array read.
 *
 * <p>Function types are kept as indices into {@link #typeParams}/{@link #typeResults}; a type index that does
 * not exist is reported where it is declared, so a context is only built after those declarations passed.
 */
final class ModuleContext {
  final WasmModule module;
  final Set<Feature> features;
  /** Parameter and result types of every entry of the type section. */
  final int[][] typeParams;
  final int[][] typeResults;
  /** The type index of every function in the function index space. */
  final int[] funcTypes;
  final int importedFuncs;
  final ValType[] tableTypes;
  final int memories;
  final GlobalType[] globals;
  final int importedGlobals;
  final ValType[] elemTypes;
  /** The number of data segments (the data count section's value when present). */
  final int datas;
  /** C.refs: functions that {@code ref.func} may name inside function bodies. */
  final boolean[] declaredFuncs;

  ModuleContext(WasmModule module, Set<Feature> features) {
    this.module = module;
    this.features = features;
    List<FuncType> types = module.types();
    typeParams = new int[types.size()][];
    typeResults = new int[types.size()][];
    for (int i = 0; i < types.size(); i++) {
      typeParams[i] = OperandTypes.of(types.get(i).params());
      typeResults[i] = OperandTypes.of(types.get(i).results());
    }
    int funcImports = 0;
    int globalImports = 0;
    for (Import i : module.imports()) {
      switch (i.desc()) {
        case ImportDesc.Func f -> funcImports++;
        case ImportDesc.Global g -> globalImports++;
        case ImportDesc.Table t -> {}
        case ImportDesc.Memory m -> {}
      }
    }
    importedFuncs = funcImports;
    importedGlobals = globalImports;
    funcTypes = new int[funcImports + module.functionTypes().size()];
    int f = 0;
    for (Import i : module.imports()) {
      if (i.desc() instanceof ImportDesc.Func func) {
        funcTypes[f++] = func.typeIndex();
      }
    }
    for (int typeIndex : module.functionTypes()) {
      funcTypes[f++] = typeIndex;
    }
    tableTypes = module.tableSpace().stream().map(TableType::elementType).toArray(ValType[]::new);
    memories = module.memorySpace().size();
    globals = module.globalSpace().toArray(GlobalType[]::new);
    elemTypes = module.elements().stream().map(ElementSegment::type).toArray(ValType[]::new);
    datas = module.dataCount().orElse(module.data().size());
    declaredFuncs = new boolean[funcTypes.length];
    collectDeclaredFuncs();
  }

  /** The spec's C.refs: every {@code ref.func} outside function bodies, and every exported function. */
  private void collectDeclaredFuncs() {
    for (Global g : module.globals()) {
      declare(g.init());
    }
    for (ElementSegment e : module.elements()) {
      e.init().forEach(this::declare);
      if (e.mode() instanceof ElementSegment.Active a) {
        declare(a.offset());
      }
    }
    for (DataSegment d : module.data()) {
      if (d.mode() instanceof DataSegment.Active a) {
        declare(a.offset());
      }
    }
    for (Export e : module.exports()) {
      if (e.kind() == ExternKind.FUNC && e.index() >= 0 && e.index() < declaredFuncs.length) {
        declaredFuncs[e.index()] = true;
      }
    }
  }

  private void declare(ConstExpr expr) {
    for (Instruction insn : expr.instructions()) {
      if (insn.opcode() == OpCode.REF_FUNC && insn.immediate() instanceof Immediate.Index(int index)
          && index >= 0 && index < declaredFuncs.length) {
        declaredFuncs[index] = true;
      }
    }
  }

  boolean has(Feature feature) {
    return features.contains(feature);
  }
}
