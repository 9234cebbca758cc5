package dev.isola.fuzz;

import dev.isola.compiler.CompiledModule;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Function;
import dev.isola.runtime.Global;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Table;
import dev.isola.runtime.Trap;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.WasmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * Runs a fuzz module on one tier the way binaryen's own harness does: instantiate, then call every function
 * export in order with default (zero) arguments, first re-arming binaryen's hang limit through the
 * {@code hangLimitInitializer} export when the module has one. A trap ends that export's call and the run
 * continues with the next, on the same instance. A second round, beyond binaryen's protocol, calls the exports
 * that take parameters again with edge-value arguments ({@link Arguments}), and a second instance of the same
 * compiled module runs the first round again.
 *
 * <p>Before each step the store gets {@code fuelBudget} units of fuel and a generous deadline. Fuel makes a
 * runaway loop end deterministically (binaryen's hang limit already bounds most); the deadline only guards
 * against a tier that never polls, and a run it stops is reported, not compared.
 */
final class Execution {
  /** Name of binaryen's export that resets its loop and recursion budget; called before every other export. */
  static final String HANG_LIMIT_INITIALIZER = "hangLimitInitializer";
  private static final long DEADLINE_SECONDS = 30;

  private Execution() {}

  /**
   * A run's steps, and whether the tier handed the module to the interpreter instead of running it itself (the
   * compiler's visible fallback), with why: such a module compares the interpreter with itself.
   */
  record Run(List<Call> calls, Optional<String> fallback) {}

  static List<Call> run(byte[] wasm, ExecutionTier tier, long fuelBudget) {
    return execute(wasm, tier, fuelBudget, OptionalLong.empty()).calls();
  }

  /**
   * Runs the module; with {@code argumentSeed}, a second round then calls every export that has parameters
   * again with {@link Arguments} drawn from that seed (the step is named with them). Finally a second instance
   * of the same compiled module, in a fresh store, runs the first round again (steps named {@code #2 ...}).
   */
  static Run execute(byte[] wasm, ExecutionTier tier, long fuelBudget, OptionalLong argumentSeed) {
    var calls = new ArrayList<Call>();
    var support = new FuzzingSupport();
    Engine engine = Engine.of(EngineConfig.of(tier).withFeatures(TailCallRewrite.FEATURES));
    Module module;
    try {
      module = engine.compile(wasm);
    } catch (Throwable e) {
      calls.add(new Call("<compile>", failure(e), List.of(), -1, Map.of(), Map.of(), Map.of()));
      return new Run(calls, Optional.empty());
    }
    Optional<String> fallback = module.code() instanceof CompiledModule compiled
        && compiled.report().interpreted()
        ? Optional.of(compiled.report().fallbacks().getFirst().reason())
        : Optional.empty();
    Instance first = instanceRound("", engine, module, fuelBudget, support, calls, argumentSeed);
    if (first != null) {
      // The compiled code is shared by every instance of a module: a second instance, in a store of its own
      // (another container), must behave as the first one did when it was fresh.
      instanceRound("#2 ", engine, module, fuelBudget, support, calls, OptionalLong.empty());
    }
    return new Run(calls, fallback);
  }

  /**
   * Instantiates {@code module} in a new store and calls its exports (steps named with {@code prefix}); returns
   * the instance, or null if instantiation failed.
   */
  private static Instance instanceRound(String prefix, Engine engine, Module module, long fuelBudget,
      FuzzingSupport support, List<Call> calls, OptionalLong argumentSeed) {
    Store store = new Store(engine);
    Instance[] instance = new Instance[1];
    calls.add(step(prefix + "<instantiate>", store, fuelBudget, support, null, () -> {
      instance[0] = store.instantiate(module, support.imports(module.model(), engine, store));
      return new Value[0];
    }));
    if (instance[0] == null) {
      return null;
    }
    var functions = new LinkedHashMap<String, Function>();
    instance[0].exports().forEach((name, extern) -> {
      if (extern instanceof Function f) {
        functions.put(name, f);
      }
    });
    support.exportsAre(List.copyOf(functions.values()));
    Function hangLimit = functions.get(HANG_LIMIT_INITIALIZER);
    for (var export : functions.entrySet()) {
      if (export.getKey().equals(HANG_LIMIT_INITIALIZER)) {
        continue;
      }
      Function f = export.getValue();
      calls.add(step(prefix + export.getKey(), store, fuelBudget, support, instance[0], () -> {
        if (hangLimit != null) {
          hangLimit.call();
        }
        return f.call(f.type().params().stream().map(Value::zero).toArray(Value[]::new));
      }));
    }
    if (argumentSeed.isPresent()) {
      var arguments = new Arguments(argumentSeed.getAsLong());
      for (var export : functions.entrySet()) {
        Function f = export.getValue();
        if (f.type().params().isEmpty()) {
          continue;
        }
        Value[] args = arguments.forParams(f.type().params());
        String name = prefix + export.getKey() + Arrays.stream(args).map(a -> Observed.of(a).toString())
            .collect(Collectors.joining(", ", "(", ")"));
        calls.add(step(name, store, fuelBudget, support, instance[0], () -> {
          if (hangLimit != null) {
            hangLimit.call();
          }
          return f.call(args.clone());
        }));
      }
    }
    return instance[0];
  }

  private static Call step(String name, Store store, long fuelBudget, FuzzingSupport support, Instance instance,
      Supplier<Value[]> body) {
    store.setFuel(fuelBudget);
    store.setDeadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS));
    Outcome outcome;
    try {
      var results = new ArrayList<Observed>();
      for (Value v : body.get()) {
        results.add(Observed.of(v));
      }
      outcome = new Outcome.Returned(results);
    } catch (Throwable e) {
      outcome = failure(e);
    } finally {
      store.clearDeadline();
    }
    long used = fuelBudget - store.fuel();
    var memories = new LinkedHashMap<String, String>();
    var globals = new LinkedHashMap<String, Observed>();
    var tables = new LinkedHashMap<String, String>();
    if (instance != null) {
      instance.exports().forEach((exportName, extern) -> {
        switch (extern) {
          case Memory m -> memories.put(exportName, digest(m));
          case Global g -> globals.put(exportName, Observed.of(g));
          case Table t -> tables.put(exportName, digest(t));
          case Function f -> { }
        }
      });
    }
    return new Call(name, outcome, support.drainLog(), used, memories, globals, tables);
  }

  /** Classifies what escaped a step; JVM resource exhaustion other than stack overflow is not ours to judge. */
  static Outcome failure(Throwable e) {
    return switch (e) {
      case Trap t -> new Outcome.Trapped(t.kind());
      case FuzzingSupport.Unsupported u -> throw u;
      case WasmException w -> new Outcome.Rejected(w.getMessage());
      case OutOfMemoryError oom -> throw oom;
      default -> new Outcome.Crashed(e.getClass().getName(), String.valueOf(e.getMessage()));
    };
  }

  private static String digest(Memory memory) {
    var crc = new CRC32C();
    crc.update(memory.bytes());
    return memory.pages() + " pages crc32c " + Long.toHexString(crc.getValue());
  }

  private static String digest(Table table) {
    var crc = new CRC32C();
    for (int i = 0; i < table.size(); i++) {
      crc.update(Observed.reference(table.type().elementType(), table.get(i)).ref().getBytes(
          StandardCharsets.UTF_8));
      crc.update(0);
    }
    return table.size() + " elements crc32c " + Long.toHexString(crc.getValue());
  }
}
