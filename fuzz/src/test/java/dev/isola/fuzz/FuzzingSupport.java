package dev.isola.fuzz;

import dev.isola.runtime.Caller;
import dev.isola.runtime.Engine;
import dev.isola.runtime.Function;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.text.TextParser;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of binaryen's {@code fuzzing-support} module, as its own harnesses provide it
 * ({@code src/tools/execution-results.h}, {@code scripts/fuzz_shell.js}): the {@code log-*} functions record
 * their arguments; {@code call-export} and {@code call-export-catch} (newer binaryen) call an export by its
 * position among the function exports, with default arguments, the latter returning 1 if it trapped.
 *
 * <p>Host functions cannot take v128 ({@link HostFunction}), so an import with v128 parameters is provided by
 * a tiny Wasm adapter, instantiated in the same store on the tier under test, that splits each v128 into two
 * i64 and calls a host function. Every other import makes the module {@link Unsupported}.
 */
final class FuzzingSupport {
  static final String MODULE = "fuzzing-support";

  /** The module imports something this harness does not provide: the seed is skipped and counted. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Observed> log = new ArrayList<>();
  private List<Function> exports = List.of();

  /** The values logged since the last call, which it also clears. */
  List<Observed> drainLog() {
    var drained = List.copyOf(log);
    log.clear();
    return drained;
  }

  /** The instance's function exports, in order, for {@code call-export}. */
  void exportsAre(List<Function> functions) {
    exports = List.copyOf(functions);
  }

  /** The imports {@code module} needs, created in {@code store} (adapters run on the store's tier). */
  Imports imports(WasmModule module, Engine engine, Store store) {
    var imports = new Imports();
    for (Import imp : module.imports()) {
      if (!(imp.desc() instanceof ImportDesc.Func(int typeIndex)) || !imp.module().equals(MODULE)) {
        throw new Unsupported("import " + imp.module() + "." + imp.name() + " (" + imp.desc().kind() + ")");
      }
      FuncType type = module.types().get(typeIndex);
      imports.define(MODULE, imp.name(), function(imp.name(), type, engine, store));
    }
    return imports;
  }

  private Function function(String name, FuncType type, Engine engine, Store store) {
    if (name.startsWith("log-") && type.results().isEmpty()) {
      return type.params().contains(ValType.V128) ? v128Adapter(name, type, engine, store) : logger(name, type);
    }
    if (name.equals("call-export") && type.results().isEmpty() && allI32(type)) {
      return host(name, type, "callExport", false);
    }
    if (name.equals("call-export-catch") && type.results().equals(List.of(ValType.I32)) && allI32(type)) {
      return host(name, type, "callExport", true);
    }
    throw new Unsupported("import " + MODULE + "." + name + " " + type);
  }

  private static boolean allI32(FuncType type) {
    return !type.params().isEmpty() && type.params().stream().allMatch(t -> t == ValType.I32);
  }

  /** A host function that logs its arguments (typed by {@code type}, so floats keep their bits). */
  private HostFunction logger(String name, FuncType type) {
    MethodHandle log = bound("log", MethodType.methodType(void.class, FuncType.class, Object[].class))
        .bindTo(type);
    int n = type.params().size();
    MethodHandle collected = MethodHandles.dropArguments(log.asCollector(Object[].class, n), 0, Caller.class);
    MethodType javaType = MethodType.methodType(void.class, Caller.class);
    for (ValType p : type.params()) {
      javaType = javaType.appendParameterTypes(javaClass(p));
    }
    return HostFunction.of(MODULE, name, type, collected.asType(javaType));
  }

  @SuppressWarnings("unused") // called through a method handle
  private void log(FuncType type, Object[] args) {
    for (int i = 0; i < args.length; i++) {
      log.add(switch (type.params().get(i)) {
        case I32 -> Observed.scalar(ValType.I32, (Integer) args[i] & 0xffffffffL);
        case I64 -> Observed.scalar(ValType.I64, (Long) args[i]);
        case F32 -> Observed.scalar(ValType.F32, Float.floatToRawIntBits((Float) args[i]) & 0xffffffffL);
        case F64 -> Observed.scalar(ValType.F64, Double.doubleToRawLongBits((Double) args[i]));
        case FUNCREF, EXTERNREF -> Observed.reference(type.params().get(i), args[i]);
        case V128 -> throw new IllegalStateException("v128 goes through the adapter");
      });
    }
  }

  /**
   * A Wasm function of {@code type} that forwards to a host function taking each v128 as (low i64, high i64),
   * which logs the reassembled values.
   */
  private Function v128Adapter(String name, FuncType type, Engine engine, Store store) {
    var split = new ArrayList<ValType>();
    var params = new StringBuilder();
    var forward = new StringBuilder();
    for (int i = 0; i < type.params().size(); i++) {
      ValType p = type.params().get(i);
      params.append(' ').append(p.textName());
      if (p == ValType.V128) {
        split.add(ValType.I64);
        split.add(ValType.I64);
        forward.append(" (i64x2.extract_lane 0 (local.get ").append(i).append("))")
            .append(" (i64x2.extract_lane 1 (local.get ").append(i).append("))");
      } else {
        split.add(p);
        forward.append(" (local.get ").append(i).append(')');
      }
    }
    FuncType splitType = new FuncType(split, List.of());
    String wat = "(module (import \"host\" \"log\" (func $log (param" + typeList(split) + ")))"
        + " (func (export \"log\") (param" + params + ") (call $log" + forward + ")))";
    MethodHandle log = bound("logSplit", MethodType.methodType(void.class, FuncType.class, Object[].class))
        .bindTo(type);
    MethodType javaType = MethodType.methodType(void.class, Caller.class);
    for (ValType p : split) {
      javaType = javaType.appendParameterTypes(javaClass(p));
    }
    MethodHandle collected = MethodHandles.dropArguments(log.asCollector(Object[].class, split.size()), 0,
        Caller.class).asType(javaType);
    var host = HostFunction.of("host", "log", splitType, collected);
    var adapter = store.instantiate(engine.compile(TextParser.parseModule(wat)), new Imports().define(host));
    return adapter.function("log");
  }

  @SuppressWarnings("unused") // called through a method handle
  private void logSplit(FuncType type, Object[] args) {
    int a = 0;
    for (ValType p : type.params()) {
      if (p == ValType.V128) {
        log.add(Observed.v128((Long) args[a], (Long) args[a + 1]));
        a += 2;
      } else {
        log(new FuncType(List.of(p), List.of()), new Object[] {args[a]});
        a++;
      }
    }
  }

  private HostFunction host(String name, FuncType type, String method, boolean catching) {
    MethodHandle call = MethodHandles.insertArguments(
        bound(method, MethodType.methodType(int.class, boolean.class, int[].class)), 0, catching);
    int n = type.params().size();
    MethodHandle collected = MethodHandles.dropArguments(call.asCollector(int[].class, n), 0, Caller.class);
    if (!catching) {
      collected = MethodHandles.dropReturn(collected);
    }
    return HostFunction.of(MODULE, name, type, collected);
  }

  /**
   * Calls function export {@code args[0]} with default arguments. Binaryen's harness traps on an index past
   * the end; we do the same with a host failure, which both tiers report alike.
   */
  @SuppressWarnings("unused") // called through a method handle
  private int callExport(boolean catching, int[] args) {
    int index = args[0];
    if (index < 0 || index >= exports.size()) {
      throw new Trap(TrapKind.HOST_FAILURE, "call-export: no export " + index);
    }
    Function f = exports.get(index);
    try {
      f.call(f.type().params().stream().map(Value::zero).toArray(Value[]::new));
      return 0;
    } catch (Trap e) {
      if (!catching) {
        throw e;
      }
      return 1;
    }
  }

  private MethodHandle bound(String method, MethodType type) {
    try {
      return MethodHandles.lookup().findVirtual(FuzzingSupport.class, method, type).bindTo(this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> javaClass(ValType type) {
    return switch (type) {
      case I32 -> int.class;
      case I64 -> long.class;
      case F32 -> float.class;
      case F64 -> double.class;
      case FUNCREF, EXTERNREF -> Object.class;
      case V128 -> throw new IllegalArgumentException("v128");
    };
  }

  private static String typeList(List<ValType> types) {
    var out = new StringBuilder();
    types.forEach(t -> out.append(' ').append(t.textName()));
    return out.toString();
  }
}
