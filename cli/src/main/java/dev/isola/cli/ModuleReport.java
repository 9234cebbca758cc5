package dev.isola.cli;

import dev.isola.hal.need.Need;
import dev.isola.hal.need.NeedException;
import dev.isola.hal.need.Needs;
import dev.isola.kernel.config.ModuleNeeds;
import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.TableType;
import dev.isola.wasm.WasmModule;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of {@code isola inspect}: one block per part of the module, each an aligned table. The module may be
 * invalid, so every index is checked before it is looked up.
 */
final class ModuleReport {
  private final WasmModule module;
  private final NameSection names;
  private final List<SectionHeader> sections;
  /** Export names by kind and index, e.g. "func 5" -> "_start", to mark what is exported. */
  private final Map<String, String> exported = new HashMap<>();

  ModuleReport(WasmModule module, NameSection names, List<SectionHeader> sections) {
    this.module = module;
    this.names = names;
    this.sections = sections;
    for (Export e : module.exports()) {
      exported.merge(e.kind().textName() + " " + e.index(), e.name(), (a, b) -> a + ", " + b);
    }
  }

  void print(PrintStream out, String title) {
    out.println(title);
    names.moduleName().ifPresent(n -> out.println("module name: " + n));

    TextTable t = new TextTable(0, 2, 3);
    t.row("id", "section", "offset", "size", "");
    for (SectionHeader s : sections) {
      t.row(Integer.toString(s.id()), s.name(), hex(s.offset()), Long.toString(s.size()),
          s.customName() == null ? "" : "\"" + s.customName() + "\"");
    }
    block(out, "sections", sections.size(), t);

    t = new TextTable();
    for (Import i : module.imports()) {
      t.row(i.desc().kind().textName(), i.module() + "." + i.name(), describe(i.desc()));
    }
    block(out, "imports", module.imports().size(), t);

    t = new TextTable();
    for (Export e : module.exports()) {
      String type = switch (e.kind()) {
        case FUNC -> funcType(e.index());
        case TABLE -> at(module.tableSpace(), e.index(), ModuleReport::table);
        case MEMORY -> at(module.memorySpace(), e.index(), ModuleReport::memory);
        case GLOBAL -> at(module.globalSpace(), e.index(), ModuleReport::global);
      };
      t.row(e.kind().textName(), e.name(), e.kind().textName() + "[" + e.index() + "]", type);
    }
    block(out, "exports", module.exports().size(), t);

    List<MemoryType> memories = module.memorySpace();
    t = new TextTable();
    for (int i = 0; i < memories.size(); i++) {
      t.row("memory[" + i + "]", memory(memories.get(i)), origin("memory", i, module.imports(ExternKind.MEMORY).size()));
    }
    block(out, "memories", memories.size(), t);

    List<TableType> tables = module.tableSpace();
    t = new TextTable();
    for (int i = 0; i < tables.size(); i++) {
      t.row("table[" + i + "]", table(tables.get(i)), origin("table", i, module.imports(ExternKind.TABLE).size()));
    }
    block(out, "tables", tables.size(), t);

    List<GlobalType> globals = module.globalSpace();
    int importedGlobals = module.imports(ExternKind.GLOBAL).size();
    t = new TextTable();
    for (int i = 0; i < globals.size(); i++) {
      String init = i < importedGlobals ? "" : "= " + constExpr(module.globals().get(i - importedGlobals).init());
      t.row("global[" + i + "]", global(globals.get(i)), init, origin("global", i, importedGlobals));
    }
    block(out, "globals", globals.size(), t);

    t = new TextTable(1);
    for (var c : module.customSections()) {
      t.row(c.name(), c.payload().length + " bytes");
    }
    block(out, "custom sections", module.customSections().size(), t);

    try {
      Needs declared = ModuleNeeds.read(module);
      t = new TextTable();
      for (Need n : declared.all()) {
        t.row(n.kind().keyword(), n.label(), n.constraintText(), n.canInterrupt() ? "interrupt line" : "");
      }
      block(out, "peripherals", declared.all().size(), t);
    } catch (NeedException e) {
      // The section's first mistake; the rest of the module is still shown (inspecting is how one finds out why).
      out.println();
      out.println("peripherals: custom section " + Needs.SECTION + " " + e.getMessage());
    }

    List<FuncType> functions = module.functionSpaceTypes();
    int importedFunctions = module.importedFunctionCount();
    t = new TextTable();
    List<Import> funcImports = module.imports(ExternKind.FUNC);
    for (int i = 0; i < functions.size(); i++) {
      // Without a name section, an import is still known by its import name.
      String fallback = i < importedFunctions ? funcImports.get(i).name() : "-";
      t.row("func[" + i + "]", names.functionName(i).orElse(fallback), functions.get(i).toString(),
          origin("func", i, importedFunctions));
    }
    block(out, "functions (" + names.functionNames().size() + " named)", functions.size(), t);
  }

  private static void block(PrintStream out, String heading, int count, TextTable table) {
    out.println();
    out.println(heading + ": " + count);
    table.print(out, "  ");
  }

  /** "import" for imported entries, the export names for exported ones. */
  private String origin(String kind, int index, int importedCount) {
    String exportNames = exported.get(kind + " " + index);
    String imported = index < importedCount ? "imported" : "";
    if (exportNames == null) {
      return imported;
    }
    return (imported.isEmpty() ? "" : imported + ", ") + "exported as " + exportNames;
  }

  private String describe(ImportDesc desc) {
    return switch (desc) {
      case ImportDesc.Func f -> f.typeIndex() < module.types().size()
          ? module.types().get(f.typeIndex()).toString() : "type[" + f.typeIndex() + "]?";
      case ImportDesc.Table tb -> table(tb.type());
      case ImportDesc.Memory m -> memory(m.type());
      case ImportDesc.Global g -> global(g.type());
    };
  }

  private String funcType(int index) {
    return at(module.functionSpaceTypes(), index, FuncType::toString);
  }

  private static <T> String at(List<T> list, int index, java.util.function.Function<T, String> show) {
    return index >= 0 && index < list.size() ? show.apply(list.get(index)) : "(no such index)";
  }

  private static String memory(MemoryType m) {
    return limits(m.limits()) + " pages";
  }

  private static String table(TableType t) {
    return t.elementType().textName() + " " + limits(t.limits());
  }

  private static String global(GlobalType g) {
    return (g.mutable() ? "mut " : "") + g.type().textName();
  }

  private static String limits(Limits l) {
    return "min " + l.min() + (l.hasMax() ? " max " + l.max() : "");
  }

  private static String constExpr(ConstExpr e) {
    return e.instructions().stream().map(ModuleReport::instruction).collect(Collectors.joining(" "));
  }

  private static String instruction(Instruction i) {
    String imm = switch (i.immediate()) {
      case Immediate.None n -> "";
      case Immediate.I32 v -> Integer.toString(v.value());
      case Immediate.I64 v -> Long.toString(v.value());
      case Immediate.F32 v -> Float.toString(Float.intBitsToFloat(v.bits()));
      case Immediate.F64 v -> Double.toString(Double.longBitsToDouble(v.bits()));
      case Immediate.Index v -> Integer.toString(v.index());
      case Immediate.RefType v -> v.type().textName();
      // Constant expressions hold only the immediates above (and v128.const, shown as the model prints it).
      default -> i.immediate().toString();
    };
    return imm.isEmpty() ? i.opcode().textName() : i.opcode().textName() + " " + imm;
  }

  private static String hex(long offset) {
    return "0x" + Long.toHexString(offset);
  }
}
