package dev.isola.kernel.container;

import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.PortalSpec;
import dev.isola.kernel.config.RegionSpec;
import dev.isola.kernel.region.RegionBinder;
import dev.isola.kernel.region.RegionProblem;
import dev.isola.runtime.Extern;
import dev.isola.runtime.Function;
import dev.isola.runtime.Imports;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a module fits a container's entry in the system file: the check a hot swap runs before it stops
 * anything. It exports the entry points and portal functions the file names with their types, and each of its
 * function imports resolves, with the same type, in the very imports the container would be given (so the
 * check cannot disagree with the link); region imports are checked by {@link RegionBinder}.
 */
final class ModuleFit {
  private ModuleFit() {}

  /** Every reason {@code module} cannot run as {@code spec}, one line each; empty if it fits. */
  static List<String> problems(ContainerSpec spec, WasmModule module, Imports offered,
                               Map<String, RegionSpec> regions) {
    List<String> problems = new ArrayList<>();
    FuncType unit = FuncType.of(List.of(), List.of());
    if (spec.isCommand()) {
      function(module, "_start", unit).ifPresent(why -> problems.add("not a command: " + why));
    }
    spec.contexts().forEach(c -> function(module, c.export(), unit).ifPresent(problems::add));
    for (PortalSpec p : spec.portalExports().values()) {
      p.functions().forEach((fn, sig) -> function(module, fn, sig.coreType())
          .ifPresent(why -> problems.add("portal " + p.name() + ": " + why)));
    }
    for (Import imp : module.imports()) {
      if (imp.module().equals("region")) {
        continue;
      }
      String what = "import " + imp.module() + "." + imp.name();
      Optional<Extern> extern = offered.resolve(imp.module(), imp.name());
      if (extern.isEmpty()) {
        problems.add(what + " is not offered to this container");
      } else if (!(imp.desc() instanceof ImportDesc.Func(int typeIndex))) {
        problems.add(what + " is a " + imp.desc().kind() + "; the kernel offers a function");
      } else if (extern.get() instanceof Function f && !f.type().equals(module.types().get(typeIndex))) {
        problems.add(what + " has type " + module.types().get(typeIndex) + ", but the kernel's has " + f.type());
      }
    }
    for (RegionProblem rp : RegionBinder.check(spec.name(), module, spec.regions(), regions)) {
      problems.add(rp.toString());
    }
    return problems;
  }

  /** Why export {@code name} is not a function of {@code type}, if it is not. */
  private static Optional<String> function(WasmModule module, String name, FuncType type) {
    Export e = module.export(name).orElse(null);
    if (e == null) {
      return Optional.of("no export \"" + name + "\"");
    }
    if (e.kind() != ExternKind.FUNC) {
      return Optional.of("export \"" + name + "\" is not a function");
    }
    FuncType actual = module.functionSpaceTypes().get(e.index());
    return actual.equals(type) ? Optional.empty()
        : Optional.of("export \"" + name + "\" has type " + actual + ", expected " + type);
  }
}
