package dev.isola.compiler.emit;

import dev.isola.runtime.Function;
import dev.isola.runtime.GuestExit;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.runtime.WasmFunction;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Method handles of the compiled calling convention ({@link Descriptors#functionType}) for every callee that is
 * not a function of the calling instance: host functions (their typed handle, with the caller bound), functions
 * of other compiled instances (their static method, with their own context bound) and anything else, such as
 * interpreted instances (boxed through {@link Function#call}). Built at link time or on the first indirect call.
 */
final class CallTargets {
  private static final MethodHandle CALL_BOXED;
  private static final MethodHandle HOST_FAILURE;
  private static final MethodHandle UNPACK;

  static {
    var lookup = MethodHandles.lookup();
    try {
      CALL_BOXED = lookup.findStatic(CallTargets.class, "callBoxed",
          MethodType.methodType(Object.class, Function.class, Object[].class));
      HOST_FAILURE = lookup.findStatic(CallTargets.class, "hostFailure",
          MethodType.methodType(Object.class, Throwable.class));
      UNPACK = lookup.findStatic(CallTargets.class, "unpack",
          MethodType.methodType(Object[].class, FuncType.class, long[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private CallTargets() {}

  /** The handle for imported function {@code index} of the context's instance. */
  static MethodHandle imported(InstanceContext c, int index) {
    Function f = c.functions[index];
    if (f instanceof WasmFunction w && w.instance().tierState() instanceof InstanceContext callee) {
      return bound(callee, w.index());
    }
    // Host functions have no typed handle for v128: any with v128 in its type is called boxed.
    if (f instanceof HostFunction h && !h.type().params().contains(ValType.V128)
        && !h.type().results().contains(ValType.V128)) {
      return host(c, h);
    }
    return boxed(f);
  }

  /** Function {@code index} of {@code callee}, ignoring the caller's context and using its own. */
  static MethodHandle bound(InstanceContext callee, int index) {
    MethodHandle b = callee.bound[index];
    if (b == null) {
      FuncType type = callee.functions[index].type();
      int n = type.params().size();
      MethodHandle h = callee.code.handle(index, callee);
      b = MethodHandles.dropArguments(MethodHandles.insertArguments(h, n + 2, callee), n + 2, InstanceContext.class);
      callee.bound[index] = b;
    }
    return b;
  }

  private static MethodHandle host(InstanceContext c, HostFunction f) {
    FuncType type = f.type();
    MethodHandle h = MethodHandles.insertArguments(f.handle(), 0, c.instance.caller());
    if (type.results().size() > 1) {
      h = MethodHandles.filterReturnValue(h, UNPACK.bindTo(type));
    }
    // As HostFunction.invoke: traps, exits and JVM errors pass; any other exception is the host's failure.
    MethodHandle failure = MethodHandles.dropArguments(
        HOST_FAILURE.asType(MethodType.methodType(h.type().returnType(), Throwable.class)), 1,
        h.type().parameterList());
    h = MethodHandles.catchException(h, Throwable.class, failure);
    return MethodHandles.dropArguments(h, type.params().size(), long.class, int.class, InstanceContext.class);
  }

  /** Calls {@code f} through {@link Function#call}, boxing: for callees of other tiers. */
  static MethodHandle boxed(Function f) {
    FuncType type = f.type();
    MethodHandle h = CALL_BOXED.bindTo(f).asCollector(Object[].class, type.params().size())
        .asType(Descriptors.plainType(type));
    return MethodHandles.dropArguments(h, type.params().size(), long.class, int.class, InstanceContext.class);
  }

  private static Object hostFailure(Throwable e) throws Throwable {
    if (e instanceof WasmException || e instanceof GuestExit || e instanceof Error) {
      throw e;
    }
    throw new Trap(TrapKind.HOST_FAILURE, e);
  }

  private static Object[] unpack(FuncType type, long[] raw) {
    List<ValType> results = type.results();
    Object[] out = new Object[results.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = box(results.get(i), raw[i]);
    }
    return out;
  }

  private static Object box(ValType t, long raw) {
    return switch (t) {
      case I32 -> (int) raw;
      case I64 -> raw;
      case F32 -> Float.intBitsToFloat((int) raw);
      case F64 -> Double.longBitsToDouble(raw);
      case V128, FUNCREF, EXTERNREF -> throw new IllegalArgumentException("no raw " + t + " result from a host");
    };
  }

  private static Object callBoxed(Function f, Object[] args) {
    FuncType type = f.type();
    Value[] values = new Value[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = toValue(type.params().get(i), args[i]);
    }
    Value[] results = f.call(values);
    return switch (results.length) {
      case 0 -> null;
      case 1 -> fromValue(results[0]);
      default -> {
        Object[] out = new Object[results.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = fromValue(results[i]);
        }
        yield out;
      }
    };
  }

  /** A Java value of the compiled convention (boxed) as a {@link Value}. */
  static Value toValue(ValType t, Object v) {
    return switch (t) {
      case I32 -> Value.i32((Integer) v);
      case I64 -> Value.i64((Long) v);
      case F32 -> Value.f32((Float) v);
      case F64 -> Value.f64((Double) v);
      case FUNCREF -> Value.funcref((Function) v);
      case EXTERNREF -> Value.externref(v);
      case V128 -> (Value.V128) v;
    };
  }

  /** A {@link Value} as a (boxed) Java value of the compiled convention. */
  static Object fromValue(Value v) {
    return switch (v) {
      case Value.I32 x -> x.value();
      case Value.I64 x -> x.value();
      case Value.F32 x -> Float.intBitsToFloat(x.bits());
      case Value.F64 x -> Double.longBitsToDouble(x.bits());
      case Value.FuncRef x -> x.function();
      case Value.ExternRef x -> x.value();
      case Value.V128 x -> x;
    };
  }
}
