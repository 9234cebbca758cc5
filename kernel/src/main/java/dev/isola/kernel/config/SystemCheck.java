package dev.isola.kernel.config;

import dev.isola.hal.need.NeedException;
import dev.isola.hal.need.Needs;
import dev.isola.kernel.irq.IsolaIrq;
import dev.isola.kernel.region.RegionBinder;
import dev.isola.kernel.region.RegionProblem;
import dev.isola.toml.Problem;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.analysis.StackPointer;
import dev.isola.wasm.binary.MalformedModuleException;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.validate.InvalidModuleException;
import dev.isola.wasm.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about a system that can be known before it starts, beyond the file's own syntax
 * ({@link SystemFile}): cross-references (regions, portals), budgets that fit the CPUs, and every container's
 * module: it exists, decodes, validates, exports what the file names with the right types, and imports only what
 * the kernel can give it. Every problem is found in one pass and placed at the key that caused it.
 */
public final class SystemCheck {
  /** The proposals the kernel's engines accept: multi-memory, so that modules can import regions. */
  public static final Set<Feature> FEATURES = EnumSet.of(Feature.MULTI_MEMORY);

  private final SystemFile file;
  private final SystemSpec spec;
  private final List<Problem> problems = new ArrayList<>();

  private SystemCheck(SystemFile file) {
    this.file = file;
    this.spec = file.spec();
  }

  /**
   * Reads and checks {@code path}: the file, then the system and its modules.
   *
   * @return the system, known to start as far as a check can tell
   * @throws SystemFileException with every problem, in file order
   */
  public static SystemSpec load(Path path) throws SystemFileException {
    SystemFile file = SystemFile.read(path);
    List<Problem> problems = check(file);
    if (!problems.isEmpty()) {
      throw new SystemFileException(problems);
    }
    return file.spec();
  }

  /** Every problem of the system {@code file} describes, in file order; empty if there is none. */
  public static List<Problem> check(SystemFile file) {
    SystemCheck c = new SystemCheck(file);
    c.crossReferences();
    c.portalCycles();
    c.budgets();
    List<PeripheralCheck.ContainerNeeds> needs = new ArrayList<>();
    for (ContainerSpec container : c.spec.containers().values()) {
      WasmModule module = c.module(container);
      String shown = c.relative(container.module());
      needs.add(new PeripheralCheck.ContainerNeeds(container, shown,
          module == null ? Optional.empty() : c.needs(container, shown, module)));
    }
    List<Problem> board = PeripheralCheck.run(file, needs, c.problems);
    // The board file's own problems come after the system file's: they are about another file.
    List<Problem> all = new ArrayList<>(Problem.sorted(c.problems));
    all.addAll(board);
    return all;
  }

  /** The module's peripheral needs; empty (and a problem at its module key) if its section is malformed. */
  private Optional<Needs> needs(ContainerSpec c, String shown, WasmModule module) {
    try {
      return Optional.of(ModuleNeeds.read(module));
    } catch (NeedException e) {
      problem(key(c, "module"), shown + ": custom section " + Needs.SECTION + " " + e.getMessage());
      return Optional.empty();
    }
  }

  private void problem(String key, String message) {
    problems.add(file.problem(key, message));
  }

  private static String key(ContainerSpec c, String rest) {
    return "containers." + c.name() + "." + rest;
  }

  private void crossReferences() {
    Map<String, String> exporterOf = new LinkedHashMap<>();
    for (ContainerSpec c : spec.containers().values()) {
      for (String portal : c.portalExports().keySet()) {
        String first = exporterOf.putIfAbsent(portal, c.name());
        if (first != null) {
          problem(key(c, "portals.export." + portal), "portal " + portal + " is already exported by container "
              + first + "; a portal has exactly one exporter");
        }
      }
    }
    for (ContainerSpec c : spec.containers().values()) {
      for (String region : c.regions().keySet()) {
        if (!spec.regions().containsKey(region)) {
          problem(key(c, "regions." + region), "no region " + region + " is declared (add [regions." + region
              + "] with a size)");
        }
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < c.portalImports().size(); i++) {
        String portal = c.portalImports().get(i);
        String k = key(c, "portals.import[" + i + "]");
        if (!seen.add(portal)) {
          problem(k, "portal " + portal + " is imported twice");
        } else if (!exporterOf.containsKey(portal)) {
          problem(k, "no container exports portal " + portal);
        } else if (exporterOf.get(portal).equals(c.name())) {
          problem(k, "container " + c.name() + " exports portal " + portal + " itself and cannot import it");
        }
      }
      Set<String> contexts = new HashSet<>();
      for (int i = 0; i < c.contexts().size(); i++) {
        if (!contexts.add(c.contexts().get(i).export())) {
          problem(key(c, "contexts[" + i + "].export"), "export " + c.contexts().get(i).export()
              + " already runs as a context of this container");
        }
      }
    }
  }

  /**
   * Portal imports must not form a cycle (a imports from b, b from a, or longer): a portal call holds the caller's
   * instance while it takes the exporter's, so two calls going opposite ways round a cycle would wait for each
   * other forever. Each cycle is reported once, at the import that closes it.
   */
  private void portalCycles() {
    Map<String, PortalSpec> portals = spec.portals();
    Map<String, List<String>> calls = new LinkedHashMap<>();
    for (ContainerSpec c : spec.containers().values()) {
      List<String> targets = new ArrayList<>();
      for (String p : c.portalImports()) {
        PortalSpec portal = portals.get(p);
        if (portal != null && !portal.exporter().equals(c.name()) && !targets.contains(portal.exporter())) {
          targets.add(portal.exporter());
        }
      }
      calls.put(c.name(), targets);
    }
    Set<String> done = new HashSet<>();
    for (String start : calls.keySet()) {
      cycleFrom(start, new ArrayList<>(), done, calls);
    }
  }

  private void cycleFrom(String node, List<String> path, Set<String> done, Map<String, List<String>> calls) {
    if (done.contains(node)) {
      return;
    }
    int at = path.indexOf(node);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(node);
      String closing = path.getLast();
      ContainerSpec importer = spec.containers().get(closing);
      int index = 0;
      for (int i = 0; i < importer.portalImports().size(); i++) {
        PortalSpec p = spec.portals().get(importer.portalImports().get(i));
        if (p != null && p.exporter().equals(node)) {
          index = i;
          break;
        }
      }
      problem(key(importer, "portals.import[" + index + "]"), "portal imports form a cycle ("
          + String.join(" -> ", cycle) + "): calls going both ways round it could wait for each other forever");
      return;
    }
    path.add(node);
    for (String next : calls.getOrDefault(node, List.of())) {
      cycleFrom(next, path, done, calls);
    }
    path.removeLast();
    done.add(node);
  }

  /** The reserved shares (time / period) of all budgets must fit the system's CPUs. */
  private void budgets() {
    double total = 0;
    ContainerSpec last = null;
    for (ContainerSpec c : spec.containers().values()) {
      if (c.budget().isPresent()) {
        total += c.budget().get().share();
        last = c;
      }
    }
    // A small epsilon: 3 x "1ms per 3ms" is exactly one CPU, whatever the rounding of the shares.
    if (last != null && total > spec.cpus() + 1e-9) {
      StringBuilder shares = new StringBuilder();
      for (ContainerSpec c : spec.containers().values()) {
        c.budget().ifPresent(b -> shares.append(shares.isEmpty() ? "" : ", ").append(c.name()).append(' ')
            .append(String.format(Locale.ROOT, "%.2f", b.share())));
      }
      problem(key(last, "budget"), String.format(Locale.ROOT,
          "budgets reserve %.2f CPUs (%s) but the system has %d (system.cpus)", total, shares, spec.cpus()));
    }
  }

  /** Checks {@code c}'s module; returns it decoded and valid, or null (with its problem reported). */
  private WasmModule module(ContainerSpec c) {
    String moduleKey = key(c, "module");
    Path path = c.module();
    String shown = relative(path);
    if (!Files.isRegularFile(path)) {
      problem(moduleKey, Files.isDirectory(path) ? shown + " is a directory, not a module" : "no such file: " + shown);
      return null;
    }
    WasmModule module;
    try {
      module = ModuleDecoder.decode(Files.readAllBytes(path), FEATURES);
      Validator.validate(module, FEATURES);
    } catch (IOException e) {
      problem(moduleKey, "cannot read " + shown + ": " + e.getMessage());
      return null;
    } catch (MalformedModuleException e) {
      problem(moduleKey, shown + ": " + e.getMessage());
      return null;
    } catch (InvalidModuleException e) {
      problem(moduleKey, shown + ": " + e.getMessage());
      return null;
    }
    new ModuleCheck(this, c, shown, module).run();
    return module;
  }

  private String relative(Path module) {
    Path dir = file.spec().file().getParent();
    Path rel = module.startsWith(dir) ? dir.relativize(module) : module;
    return rel.toString();
  }

  /** The checks of one decoded, valid module against its container's entry in the file. */
  private record ModuleCheck(SystemCheck check, ContainerSpec c, String shown, WasmModule module) {
    void run() {
      entryPoints();
      portalExports();
      imports();
      memory();
    }

    private void entryPoints() {
      FuncType unit = FuncType.of(List.of(), List.of());
      if (c.isCommand()) {
        String why = function("_start", unit);
        if (why != null) {
          check.problem(key(c, "module"), shown + " is not a command: " + why
              + " (give the container contexts to run named exports instead)");
        }
      }
      for (int i = 0; i < c.contexts().size(); i++) {
        String why = function(c.contexts().get(i).export(), unit);
        if (why != null) {
          check.problem(key(c, "contexts[" + i + "].export"), shown + ": " + why);
        }
      }
    }

    private void portalExports() {
      for (PortalSpec p : c.portalExports().values()) {
        p.functions().forEach((fn, sig) -> {
          String why = function(fn, sig.coreType());
          if (why != null) {
            check.problem(key(c, "portals.export." + p.name() + "." + fn), shown + ": " + why
                + (sig.params().stream().anyMatch(x -> x instanceof PortalParam.Buffer)
                    ? " (each buffer is two i32: ptr, len)" : ""));
          }
        });
      }
    }

    /** Why export {@code name} is not a function of {@code type}, or null if it is. */
    private String function(String name, FuncType type) {
      Export e = module.export(name).orElse(null);
      if (e == null) {
        return "no export \"" + name + "\"";
      }
      if (e.kind() != ExternKind.FUNC) {
        return "export \"" + name + "\" is a " + e.kind().name().toLowerCase(Locale.ROOT) + ", not a function";
      }
      FuncType actual = module.functionSpaceTypes().get(e.index());
      return actual.equals(type) ? null
          : "export \"" + name + "\" has type " + actual + ", expected " + type;
    }

    private void imports() {
      String moduleKey = key(c, "module");
      for (Import imp : module.imports()) {
        String m = imp.module();
        String what = shown + " imports " + m + "." + imp.name();
        if (m.equals("region")) {
          continue; // RegionBinder below
        }
        FuncType wanted = imp.desc() instanceof ImportDesc.Func(int typeIndex) ? module.types().get(typeIndex) : null;
        if (KernelImports.offers(m)) {
          FuncType offered = KernelImports.type(m, imp.name());
          if (offered == null) {
            check.problem(moduleKey, what + ", which the kernel does not offer (see sdk/isola.h and WASI preview 1)");
          } else if (wanted == null) {
            check.problem(moduleKey, what + " as a " + imp.desc().kind().name().toLowerCase(Locale.ROOT)
                + "; it is a function " + offered);
          } else if (!wanted.equals(offered)) {
            check.problem(moduleKey, what + " with type " + wanted + ", but it has type " + offered);
          }
        } else if (m.startsWith("portal:")) {
          portalImport(imp, m.substring("portal:".length()), wanted, what);
        } else {
          check.problem(moduleKey, what + ", which the kernel cannot satisfy (it offers wasi_snapshot_preview1, "
              + "isola:sys, the peripheral modules isola:gpio, i2c, spi, uart, adc, pwm, timer and irq, "
              + "portal:NAME for imported portals and region.NAME for mapped regions)");
        }
      }
      for (RegionProblem rp : RegionBinder.check(c.name(), module, c.regions(), check.spec.regions())) {
        String k = c.regions().containsKey(rp.region()) ? key(c, "regions." + rp.region()) : moduleKey;
        StringBuilder where = new StringBuilder(shown);
        rp.function().ifPresent(f -> where.append(": function ").append(f.name()));
        if (rp.offset() >= 0) {
          where.append(" at byte 0x").append(Integer.toHexString(rp.offset()));
        }
        check.problem(k, where + ": region " + rp.region() + ": " + rp.message());
      }
    }

    private void portalImport(Import imp, String portal, FuncType wanted, String what) {
      String moduleKey = key(c, "module");
      if (!c.portalImports().contains(portal)) {
        check.problem(moduleKey, what + " but the container does not import portal " + portal
            + " (add it to portals.import)");
        return;
      }
      PortalSpec spec = check.spec.portals().get(portal);
      if (spec == null) {
        return; // reported at portals.import
      }
      PortalSignature sig = spec.functions().get(imp.name());
      if (sig == null) {
        check.problem(moduleKey, what + ", but portal " + portal + " has no function " + imp.name()
            + " (it has " + String.join(", ", spec.functions().keySet()) + ")");
      } else if (wanted == null) {
        check.problem(moduleKey, what + " as a " + imp.desc().kind().name().toLowerCase(Locale.ROOT)
            + "; portal functions are functions");
      } else if (!wanted.equals(sig.coreType())) {
        check.problem(moduleKey, what + " with type " + wanted + ", but the portal declares " + sig + ", that is "
            + sig.coreType());
      }
    }

    /**
     * The module's own memory must hold what the kernel puts in it at start, within the container's limit and
     * the memory's declared maximum: its initial pages, a stack region for every context after the first (for
     * modules with a stack pointer) and the portal stack of an exporter. A portal with buffers needs the
     * exporter's own memory 0 (not an imported region) to copy them into.
     */
    private void memory() {
      List<MemoryType> space = module.memorySpace();
      boolean ownMemory0 = !space.isEmpty() && module.imports(ExternKind.MEMORY).isEmpty();
      boolean buffers = c.portalExports().values().stream().flatMap(p -> p.functions().values().stream())
          .anyMatch(sig -> sig.params().stream().anyMatch(x -> x instanceof PortalParam.Buffer));
      if (buffers && !ownMemory0) {
        check.problem(key(c, "portals.export"), shown + (space.isEmpty() ? " has no memory" : "'s memory 0 is an"
            + " imported region") + ", so the kernel has nowhere to copy portal buffers (declare its own memory"
            + " and no imported one)");
      }
      int imported = module.imports(ExternKind.MEMORY).size();
      if (imported == space.size()) {
        return; // no memory of its own
      }
      // Its own memory is the first one it defines (after any imported regions); the kernel grows stack regions
      // only when that is memory 0.
      long stackPages = (c.stackBytes() + RegionSpec.PAGE_BYTES - 1) / RegionSpec.PAGE_BYTES;
      // The same regions the kernel grows at start (Incarnation.growStacks): one per context after the first and
      // one for the interrupt task if there is a stack pointer to switch, one for portal calls.
      long contextStacks = ownMemory0 && hasStackPointer() ? Math.max(0, c.contexts().size() - 1) : 0;
      long handlerStacks = ownMemory0 && hasStackPointer() && importsIrq() ? 1 : 0;
      long portalStacks = ownMemory0 && !c.portalExports().isEmpty() ? 1 : 0;
      long stacks = contextStacks + handlerStacks + portalStacks;
      List<String> whose = new ArrayList<>();
      if (contextStacks > 0) {
        whose.add("contexts after the first");
      }
      if (handlerStacks > 0) {
        whose.add("interrupt handlers");
      }
      if (portalStacks > 0) {
        whose.add("portal stack");
      }
      Limits limits = space.get(imported).limits();
      long pages = limits.min() + stacks * stackPages;
      String what = shown + " starts with " + SizeText.format(limits.min() * RegionSpec.PAGE_BYTES) + " of memory"
          + (stacks == 0 ? "" : " and needs " + stacks + " stack region" + (stacks == 1 ? "" : "s") + " of "
          + SizeText.format(stackPages * RegionSpec.PAGE_BYTES) + " (" + String.join(", ", whose) + ")");
      if (pages * RegionSpec.PAGE_BYTES > c.memoryLimitBytes()) {
        check.problem(key(c, "memory"), what + ", more than the limit " + SizeText.format(c.memoryLimitBytes()));
      } else if (limits.hasMax() && pages > limits.max()) {
        check.problem(key(c, "module"), what + ", more than its memory's maximum of "
            + SizeText.format(limits.max() * RegionSpec.PAGE_BYTES));
      }
    }

    /** Whether the module imports {@code isola:irq}: the kernel then gives it an interrupt task with a stack. */
    private boolean importsIrq() {
      return module.imports().stream().anyMatch(i -> i.module().equals(IsolaIrq.MODULE));
    }

    /** Whether the kernel will switch a shadow-stack pointer for this module (the one rule, shared with it). */
    private boolean hasStackPointer() {
      return StackPointer.index(module).isPresent();
    }
  }
}
