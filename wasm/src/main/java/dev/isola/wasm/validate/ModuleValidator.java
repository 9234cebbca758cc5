package dev.isola.wasm.validate;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Feature;
import dev.isola.wasm.Global;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.HashSet;
import java.util.Set;

/**
 * The module-level rules, in the order of the spec's reference interpreter (imports, function types, tables,
 * memories, globals, element and data segments, code, start, exports), so that a module with several faults
 * reports the one the testsuite expects.
 */
final class ModuleValidator {
  private static final long TABLE_RANGE = 0xFFFF_FFFFL;

  private final WasmModule module;
  private final Set<Feature> features;

  ModuleValidator(WasmModule module, Set<Feature> features) {
    this.module = module;
    this.features = features;
  }

  void validate() {
    int types = module.types().size();
    for (int i = 0; i < module.imports().size(); i++) {
      Import imp = module.imports().get(i);
      String where = "import " + i;
      switch (imp.desc()) {
        case ImportDesc.Func f -> {
          if (f.typeIndex() < 0 || f.typeIndex() >= types) {
            throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(f.typeIndex()), -1, where);
          }
        }
        case ImportDesc.Table t -> checkTable(t.type(), where);
        case ImportDesc.Memory m -> checkMemory(m.type(), where);
        case ImportDesc.Global g -> {}
      }
    }
    if (module.functionTypes().size() != module.code().size()) {
      // The decoder rejects such binaries; this guards modules built by hand.
      throw new InvalidModuleException("function and code section have inconsistent lengths", -1, null);
    }
    for (int i = 0; i < module.functionTypes().size(); i++) {
      int type = module.functionTypes().get(i);
      if (type < 0 || type >= types) {
        throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(type),
            module.code().get(i).offset(), "func " + (module.importedFunctionCount() + i));
      }
    }
    ModuleContext ctx = new ModuleContext(module, features);
    ConstExprValidator constExprs = new ConstExprValidator(ctx);
    int tableImports = ctx.tableTypes.length - module.tables().size();
    for (int i = 0; i < module.tables().size(); i++) {
      checkTable(module.tables().get(i), "table " + (tableImports + i));
    }
    int memoryImports = ctx.memories - module.memories().size();
    for (int i = 0; i < module.memories().size(); i++) {
      checkMemory(module.memories().get(i), "memory " + (memoryImports + i));
    }
    for (int i = 0; i < module.globals().size(); i++) {
      Global g = module.globals().get(i);
      constExprs.check(g.init(), g.type().type(), "global " + (ctx.importedGlobals + i), firstOffset(g.init()));
    }
    for (int i = 0; i < module.elements().size(); i++) {
      checkElem(ctx, constExprs, module.elements().get(i), "elem " + i);
    }
    for (int i = 0; i < module.data().size(); i++) {
      if (module.data().get(i).mode() instanceof DataSegment.Active a) {
        String where = "data " + i;
        if (a.memory() < 0 || a.memory() >= ctx.memories) {
          throw new InvalidModuleException("unknown memory " + Integer.toUnsignedString(a.memory()),
              firstOffset(a.offset()), where);
        }
        constExprs.check(a.offset(), ValType.I32, where, firstOffset(a.offset()));
      }
    }
    FunctionValidator functions = new FunctionValidator(ctx);
    for (int i = 0; i < module.code().size(); i++) {
      functions.validate(ctx.importedFuncs + i, module.code().get(i));
    }
    module.start().ifPresent(start -> checkStart(ctx, start));
    checkExports(ctx);
    if (ctx.memories > 1 && !features.contains(Feature.MULTI_MEMORY)) {
      throw new InvalidModuleException("multiple memories", -1, "memory 1");
    }
  }

  private static void checkTable(TableType type, String where) {
    checkLimits(type.limits(), TABLE_RANGE, "table size must be at most 2^32-1", where);
  }

  private static void checkMemory(MemoryType type, String where) {
    checkLimits(type.limits(), MemoryType.MAX_PAGES, "memory size must be at most 65536 pages (4GiB)", where);
  }

  private static void checkLimits(Limits limits, long range, String tooLarge, String where) {
    if (limits.min() < 0 || limits.min() > range) {
      throw new InvalidModuleException(tooLarge, -1, where);
    }
    if (limits.hasMax()) {
      if (limits.max() < 0 || limits.max() > range) {
        throw new InvalidModuleException(tooLarge, -1, where);
      }
      if (limits.min() > limits.max()) {
        throw new InvalidModuleException("size minimum must not be greater than maximum", -1, where);
      }
    }
  }

  private static void checkElem(ModuleContext ctx, ConstExprValidator constExprs, ElementSegment e, String where) {
    for (ConstExpr item : e.init()) {
      constExprs.check(item, e.type(), where, firstOffset(item));
    }
    if (e.mode() instanceof ElementSegment.Active a) {
      if (a.table() < 0 || a.table() >= ctx.tableTypes.length) {
        throw new InvalidModuleException("unknown table " + Integer.toUnsignedString(a.table()),
            firstOffset(a.offset()), where);
      }
      constExprs.check(a.offset(), ValType.I32, where, firstOffset(a.offset()));
      if (ctx.tableTypes[a.table()] != e.type()) {
        throw new InvalidModuleException("type mismatch", firstOffset(a.offset()), where);
      }
    }
  }

  private static void checkStart(ModuleContext ctx, int start) {
    if (start < 0 || start >= ctx.funcTypes.length) {
      throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(start), -1, "start");
    }
    int type = ctx.funcTypes[start];
    if (ctx.typeParams[type].length != 0 || ctx.typeResults[type].length != 0) {
      throw new InvalidModuleException("start function", -1, "start");
    }
  }

  private static void checkExports(ModuleContext ctx) {
    Set<String> names = new HashSet<>();
    for (Export e : ctx.module.exports()) {
      String where = "export \"" + e.name() + "\"";
      int size = switch (e.kind()) {
        case FUNC -> ctx.funcTypes.length;
        case TABLE -> ctx.tableTypes.length;
        case MEMORY -> ctx.memories;
        case GLOBAL -> ctx.globals.length;
      };
      if (e.index() < 0 || e.index() >= size) {
        String space = e.kind() == ExternKind.FUNC ? "function" : e.kind().textName();
        throw new InvalidModuleException("unknown " + space + " " + Integer.toUnsignedString(e.index()), -1, where);
      }
      if (!names.add(e.name())) {
        throw new InvalidModuleException("duplicate export name", -1, where);
      }
    }
  }

  private static long firstOffset(ConstExpr expr) {
    for (Instruction insn : expr.instructions()) {
      return insn.offset();
    }
    return -1;
  }
}
