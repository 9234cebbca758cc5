package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code wasi_snapshot_preview1} functions as host functions. Every public method of the call classes whose
 * first parameter is a {@link Caller} is one WASI function of the same name; its Wasm type follows from its Java
 * signature ({@code int} is i32, {@code long} is i64, an {@code int} result is the errno).
 *
 * <p>The methods signal failure by throwing {@link ErrnoException} or a host {@link IOException}; one handler,
 * attached with {@link MethodHandles#catchException}, turns those into the errno result, so no call can crash the
 * host with an I/O failure. Traps and {@link dev.isola.runtime.GuestExit} pass through.
 */
public final class Preview1 {
  public static final String MODULE = "wasi_snapshot_preview1";

  private static final MethodHandle FAIL;

  static {
    try {
      FAIL =
          MethodHandles.lookup()
              .findStatic(Preview1.class, "fail", MethodType.methodType(int.class, Exception.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Preview1() {}

  /** Every preview-1 function, bound to {@code ctx}, sorted by name. */
  public static List<HostFunction> functions(WasiContext ctx) {
    ProcCalls proc = new ProcCalls(ctx);
    Object[] targets = {
      proc, new FdCalls(ctx), new FdIoCalls(ctx), new ReaddirCalls(ctx), new PathCalls(ctx), new PollCalls(ctx, proc)
    };
    List<HostFunction> out = new ArrayList<>();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Object target : targets) {
      for (Method method : target.getClass().getDeclaredMethods()) {
        if (!Modifier.isPublic(method.getModifiers())
            || method.getParameterCount() == 0
            || method.getParameterTypes()[0] != Caller.class) {
          continue;
        }
        out.add(function(lookup, target, method));
      }
    }
    out.sort(Comparator.comparing(HostFunction::name));
    return out;
  }

  private static HostFunction function(MethodHandles.Lookup lookup, Object target, Method method) {
    MethodHandle handle;
    try {
      handle = lookup.unreflect(method).bindTo(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    List<ValType> params = new ArrayList<>();
    Class<?>[] javaParams = method.getParameterTypes();
    for (int i = 1; i < javaParams.length; i++) {
      params.add(valType(javaParams[i]));
    }
    List<ValType> results = new ArrayList<>();
    if (method.getReturnType() == int.class) {
      results.add(ValType.I32);
      MethodHandle handler = MethodHandles.dropArguments(FAIL, 1, handle.type().parameterList());
      handle = MethodHandles.catchException(handle, Exception.class, handler);
    } else if (method.getReturnType() != void.class) {
      throw new IllegalStateException("unexpected result type of " + method);
    }
    return HostFunction.of(MODULE, method.getName(), FuncType.of(params, results), handle);
  }

  private static ValType valType(Class<?> c) {
    if (c == int.class) {
      return ValType.I32;
    }
    if (c == long.class) {
      return ValType.I64;
    }
    throw new IllegalStateException("unexpected parameter type " + c);
  }

  /** The errno for a failed call; anything that is not a host failure (a trap, an exit, a bug) is rethrown. */
  static int fail(Exception e) throws Exception {
    if (e instanceof ErrnoException x) {
      return x.errno().code();
    }
    if (e instanceof IOException x) {
      return Errno.of(x).code();
    }
    if (e instanceof RuntimeException x) {
      Errno errno = x instanceof dev.isola.runtime.Trap ? null : Errno.ofUnchecked(x);
      if (errno != null) {
        return errno.code();
      }
    }
    throw e;
  }
}
