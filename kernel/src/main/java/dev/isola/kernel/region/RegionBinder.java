package dev.isola.kernel.region;

import dev.isola.kernel.config.RegionAccess;
import dev.isola.kernel.config.RegionSpec;
import dev.isola.runtime.Imports;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.analysis.MemoryWrite;
import dev.isola.wasm.analysis.MemoryWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Binds a container's module to the system's regions: checks that its {@code region.*} imports fit what the
 * system file declares and the container maps, and defines the regions into the container's {@link Imports}.
 */
public final class RegionBinder {
  private RegionBinder() {}

  /**
   * Every problem with how {@code module} uses regions, in import order; empty if it may be bound.
   *
   * <p>Checked: every import from module {@code "region"} is a memory, names a region of the system, which
   * the container maps, with a memory type the region's size matches (the spec's import matching against
   * min = max = the region's pages); a region mapped read-only is written by no instruction and no active
   * data segment of the module, and not re-exported. A region the container maps but does not import is no problem: it is simply unused.
   *
   * @param container the container's name, for the messages
   * @param module the container's decoded module (decoded with multi-memory on, so it may import several)
   * @param mapped the container's {@code regions = { NAME = "ro" | "rw" }}
   * @param regions the system's regions by name
   */
  public static List<RegionProblem> check(String container, WasmModule module, Map<String, RegionAccess> mapped,
                                          Map<String, RegionSpec> regions) {
    List<RegionProblem> problems = new ArrayList<>();
    MemoryWrites writes = null;
    int memoryIndex = 0;
    for (Import imp : module.imports()) {
      int index = memoryIndex;
      if (imp.desc() instanceof ImportDesc.Memory) {
        memoryIndex++;
      }
      if (!imp.module().equals(Region.IMPORT_MODULE)) {
        continue;
      }
      String name = imp.name();
      if (!(imp.desc() instanceof ImportDesc.Memory(MemoryType wanted))) {
        problems.add(problem(container, name, "imported as a " + kindWord(imp.desc().kind())
            + "; a region is a memory: (import \"region\" \"" + name + "\" (memory P P))"));
        continue;
      }
      RegionSpec spec = regions.get(name);
      if (spec == null) {
        problems.add(problem(container, name, "no such region in the system file"
            + (regions.isEmpty() ? " (it declares none)" : " (it declares " + String.join(", ",
                new TreeSet<>(regions.keySet())) + ")")));
        continue;
      }
      RegionAccess access = mapped.get(name);
      if (access == null) {
        problems.add(problem(container, name, "imported but not mapped by the container: add regions = { "
            + name + " = \"ro\" } or \"rw\""));
        continue;
      }
      Limits offered = new Limits(spec.pages(), spec.pages());
      if (!offered.matches(wanted.limits())) {
        problems.add(problem(container, name, "size mismatch: the module imports (memory " + wanted.limits()
            + ") but the region is " + spec.pages() + (spec.pages() == 1 ? " page" : " pages")
            + " (" + spec.sizeBytes() + " bytes)"));
        continue;
      }
      if (access == RegionAccess.READ_ONLY) {
        if (writes == null) {
          writes = MemoryWrites.of(module);
        }
        for (MemoryWrite w : writes.forMemory(index)) {
          problems.add(switch (w) {
            case MemoryWrite.Instruction i -> new RegionProblem(container, name,
                Optional.of(function(module, i.function())), i.offset(),
                "mapped read-only, but " + i.opcode().textName() + " writes it (memory " + index + ")");
            case MemoryWrite.Data d -> problem(container, name,
                "mapped read-only, but active data segment " + d.segment() + " writes it at instantiation");
            case MemoryWrite.Export e -> problem(container, name,
                "mapped read-only, but the module exports it as '" + e.name() + "', which lets others write it");
          });
        }
      }
    }
    return problems;
  }

  /**
   * Defines every region the container maps (and the system has) into {@code imports} as {@code region.NAME}.
   * Call it after {@link #check} found nothing: it does not check again.
   *
   * @return {@code imports}
   */
  public static Imports define(Imports imports, Map<String, RegionAccess> mapped, Map<String, Region> regions) {
    for (String name : mapped.keySet()) {
      Region region = regions.get(name);
      if (region != null) {
        imports.define(Region.IMPORT_MODULE, name, region.memory());
      }
    }
    return imports;
  }

  /** The function's name from the name section, else an export's name, else {@code func[INDEX]}. */
  static RegionProblem.FunctionRef function(WasmModule module, int index) {
    String name = module.names().functionName(index)
        .or(() -> module.exports().stream()
            .filter(e -> e.kind() == ExternKind.FUNC && e.index() == index)
            .map(Export::name).findFirst())
        .orElse("func[" + index + "]");
    return new RegionProblem.FunctionRef(index, name);
  }

  private static RegionProblem problem(String container, String region, String message) {
    return new RegionProblem(container, region, Optional.empty(), -1, message);
  }

  private static String kindWord(ExternKind kind) {
    return switch (kind) {
      case FUNC -> "function";
      case TABLE -> "table";
      case MEMORY -> "memory";
      case GLOBAL -> "global";
    };
  }
}
