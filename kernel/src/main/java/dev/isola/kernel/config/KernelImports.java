package dev.isola.kernel.config;

import dev.isola.kernel.io.IsolaIo;
import dev.isola.kernel.irq.IsolaIrq;
import dev.isola.kernel.sys.IsolaSys;
import dev.isola.runtime.HostFunction;
import dev.isola.wasi.Wasi;
import dev.isola.wasi.WasiConfig;
import dev.isola.wasm.FuncType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host functions the kernel offers every container, by import module and name, with their types: taken from
 * the very host functions the kernel links ({@link Wasi}, {@link IsolaSys}, the I/O modules of {@link IsolaIo} and
 * {@link IsolaIrq}), so the check and the run cannot disagree about a name or a type. (Which labels a guest may
 * open is the peripheral check's business: the functions themselves are offered to every container.)
 */
final class KernelImports {
  private static final Map<String, Map<String, FuncType>> OFFERED = offered();

  private KernelImports() {}

  /** Whether {@code module} is an import module the kernel offers to everyone. */
  static boolean offers(String module) {
    return OFFERED.containsKey(module);
  }

  /** The type of {@code module.name}, or null if the kernel offers no such function. */
  static FuncType type(String module, String name) {
    return OFFERED.getOrDefault(module, Map.of()).get(name);
  }

  private static Map<String, Map<String, FuncType>> offered() {
    Map<String, Map<String, FuncType>> all = new HashMap<>();
    // The functions are only read for their names and types: nothing is bound to a host or a file.
    try (Wasi wasi = new Wasi(WasiConfig.builder().build())) {
      add(all, wasi.functions());
    }
    add(all, new IsolaSys(null).functions());
    add(all, IsolaIo.offered());
    add(all, new IsolaIrq(null).functions());
    return all;
  }

  private static void add(Map<String, Map<String, FuncType>> all, List<HostFunction> functions) {
    for (HostFunction f : functions) {
      all.computeIfAbsent(f.module(), m -> new HashMap<>()).put(f.name(), f.type());
    }
  }
}
