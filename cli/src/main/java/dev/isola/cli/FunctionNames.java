package dev.isola.cli;

import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Import;
import dev.isola.wasm.WasmModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to call each function of a module in messages: its name from the name section; else, since toolchains
 * often strip that section, its export name, or its import name; else nothing ({@code func[N]} is shown).
 */
record FunctionNames(Map<Integer, String> names) {
  static final FunctionNames NONE = new FunctionNames(Map.of());

  static FunctionNames of(WasmModule module) {
    Map<Integer, String> names = new HashMap<>();
    List<Import> imports = module.imports(ExternKind.FUNC);
    for (int i = 0; i < imports.size(); i++) {
      names.put(i, imports.get(i).name());
    }
    for (Export e : module.exports()) {
      if (e.kind() == ExternKind.FUNC) {
        names.putIfAbsent(e.index(), e.name());
      }
    }
    if (module.names() != null) {
      names.putAll(module.names().functionNames());
    }
    return new FunctionNames(Map.copyOf(names));
  }

  /** The function's name, or null. */
  String name(int functionIndex) {
    return names.get(functionIndex);
  }
}
