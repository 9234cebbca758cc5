package dev.isola.compiler.emit;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.WasmModule;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * A module's generated class, defined once as a hidden class in this package (so it reaches the package's
 * runtime support without exporting it, and is unloaded with the module), with a {@link MethodHandle} per
 * defined function. Instances get an {@link InstanceContext} at link time; nothing of theirs is in the class.
 */
public final class GeneratedCode implements ModuleCode {
  final Engine engine;
  final WasmModule model;
  final int importCount;
  /** Canonical type id of each type of the type section, and of each function of the function index space. */
  final int[] typeIds;
  final int[] functionTypeIds;
  /** The static method of each defined function (null for imports). */
  private final MethodHandle[] handles;
  /**
   * Each defined function's handle spread over one {@code Object[]} and returning {@code Object}, made on first
   * use: {@link #invoke} calls it with {@code invokeExact}, about a microsecond cheaper per call from the host
   * than {@code invokeWithArguments}, which re-adapts the handle on every call (portal calls and every export
   * call pay this). A race makes two equal adapters; either is fine.
   */
  private final MethodHandle[] entryPoints;
  private final List<FuncType> functionTypes;
  private final int maxCallDepth;
  private final Class<?> cls;
  /** The method holding each defined function's body, for tail calls ({@link TailCallBuiltins#body}); lazy. */
  private final MethodHandle[] bodies;

  private GeneratedCode(WasmModule model, Engine engine, Class<?> cls) {
    this.engine = engine;
    this.model = model;
    this.importCount = model.importedFunctionCount();
    this.maxCallDepth = engine.config().maxCallDepth();
    this.typeIds = new int[model.types().size()];
    for (int i = 0; i < typeIds.length; i++) {
      typeIds[i] = engine.typeId(model.types().get(i));
    }
    this.functionTypes = model.functionSpaceTypes();
    this.functionTypeIds = new int[functionTypes.size()];
    this.handles = new MethodHandle[functionTypes.size()];
    this.entryPoints = new MethodHandle[functionTypes.size()];
    this.cls = cls;
    this.bodies = new MethodHandle[functionTypes.size()];
    var lookup = MethodHandles.lookup();
    for (int i = 0; i < functionTypeIds.length; i++) {
      functionTypeIds[i] = engine.typeId(functionTypes.get(i));
      if (i >= importCount) {
        try {
          handles[i] = lookup.findStatic(cls, FunctionEmitter.methodName(i),
              Descriptors.functionType(functionTypes.get(i)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("generated class lacks function " + i, e);
        }
      }
    }
  }

  /** Defines {@code classFile} (named {@code className}) for {@code model} and looks up its functions. */
  public static GeneratedCode define(WasmModule model, Engine engine, String className, byte[] classFile) {
    if (!className.equals(ModuleCompilation.CLASS_NAME)) {
      throw new IllegalArgumentException("not a class of this compiler: " + className);
    }
    try {
      Class<?> cls = MethodHandles.lookup().defineHiddenClass(classFile, true).lookupClass();
      return new GeneratedCode(model, engine, cls);
    } catch (IllegalAccessException | LinkageError e) {
      throw new IllegalArgumentException("cannot define the generated class: " + e, e);
    }
  }

  /** The handle of function {@code index} of {@code c}'s instance, taking a context as last argument. */
  MethodHandle handle(int index, InstanceContext c) {
    return index < importCount ? c.imports[index] : handles[index];
  }

  /**
   * The method holding defined function {@code index}'s body, of the convention its trampoline calls: {@code
   * t<i>} for a function with a trampoline, else {@code g<i>} where the countdown is packed with the result
   * ({@link FunctionEmitter#packs}), else {@code f<i>}. Which one exists says which it is, so this needs no
   * record of the options the class was compiled with. A race makes two equal handles; either is fine.
   */
  MethodHandle body(int index) {
    MethodHandle h = bodies[index];
    if (h == null) {
      MethodType type = Descriptors.functionType(functionTypes.get(index));
      try {
        MethodType packed = type.changeReturnType(long.class);
        h = find("t" + index, packed, type);
        if (h == null) {
          h = find("g" + index, packed, null);
        }
        if (h == null) {
          h = MethodHandles.lookup().findStatic(cls, FunctionEmitter.methodName(index), type);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("generated class lacks function " + index, e);
      }
      bodies[index] = h;
    }
    return h;
  }

  /** Static method {@code name} of the generated class with either type, or null if it has none. */
  private MethodHandle find(String name, MethodType first, MethodType second) throws IllegalAccessException {
    for (MethodType type : new MethodType[] {first, second}) {
      if (type != null) {
        try {
          return MethodHandles.lookup().findStatic(cls, name, type);
        } catch (NoSuchMethodException e) {
          // try the other
        }
      }
    }
    return null;
  }

  /** Function {@code index}'s entry point for calls from outside ({@link #entryPoints}); imports are per instance. */
  private MethodHandle entryPoint(int index, InstanceContext c) {
    if (index < importCount) {
      MethodHandle h = c.imports[index];
      return h.asSpreader(Object[].class, h.type().parameterCount()).asType(ENTRY_TYPE);
    }
    MethodHandle e = entryPoints[index];
    if (e == null) {
      MethodHandle h = handles[index];
      e = h.asSpreader(Object[].class, h.type().parameterCount()).asType(ENTRY_TYPE);
      entryPoints[index] = e;
    }
    return e;
  }

  private static final MethodType ENTRY_TYPE = MethodType.methodType(Object.class, Object[].class);

  Trap.Frame frame(int function, int offset) {
    var names = model.names();
    String module = names == null ? null : names.moduleName().orElse(null);
    String name = names == null ? null : names.functionName(function).orElse(null);
    return new Trap.Frame(module, function, name, offset);
  }

  @Override
  public void link(Instance instance) {
    instance.setTierState(new InstanceContext(instance, this));
  }

  @Override
  public Value[] invoke(Instance instance, int functionIndex, Value[] args) {
    InstanceContext c = (InstanceContext) instance.tierState();
    FuncType type = functionTypes.get(functionIndex);
    Object[] jargs = new Object[args.length + 3];
    for (int i = 0; i < args.length; i++) {
      jargs[i] = CallTargets.fromValue(args[i]);
    }
    jargs[args.length] = 0L;
    jargs[args.length + 1] = maxCallDepth;
    jargs[args.length + 2] = c;
    Fuel fuel = c.fuel;
    long savedAllotted = fuel.allotted;
    long savedBudget = fuel.budget;
    // A fresh countdown per invocation from outside, as the interpreter's run(): nothing allotted yet.
    fuel.allotted = 0;
    fuel.budget = 0;
    Object result;
    try {
      result = (Object) entryPoint(functionIndex, c).invokeExact(jargs);
      long consumed = fuel.allotted - fuel.budget;
      Store store = fuel.store;
      if (consumed > 0 && store.fuel() != Long.MAX_VALUE) {
        store.safepoint(consumed);
      }
    } catch (StackOverflowError e) {
      throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("compiled code failed: " + e, e);
    } finally {
      fuel.allotted = savedAllotted;
      fuel.budget = savedBudget;
    }
    var results = type.results();
    return switch (results.size()) {
      case 0 -> new Value[0];
      case 1 -> new Value[] {CallTargets.toValue(results.getFirst(), result)};
      default -> {
        Object[] all = (Object[]) result;
        Value[] out = new Value[all.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = CallTargets.toValue(results.get(i), all[i]);
        }
        yield out;
      }
    };
  }
}
