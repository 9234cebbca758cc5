package dev.isola.runtime;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.WasmException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * A function provided by the host, with a typed {@link MethodHandle}: no argument is boxed.
 *
 * <p>The handle's type is {@code (Caller, P1 .. Pn) R}, where each Pi is the Java type of a parameter
 * ({@code int} for i32, {@code long} for i64, {@code float}, {@code double}, {@code Object} for references; v128
 * is not supported for host functions) and R is {@code void} for no result, the Java type of a single result, or
 * {@code long[]} for several results (raw bits, one slot each, as in {@link #invoke}).
 *
 * <p>Execution tiers call {@link #invoke}, which reads arguments in place from the tier's value stack and writes
 * results back there; it is built once, from method-handle combinators, when the function is created.
 *
 * <p>Raw slot encoding, shared by all tiers: i32, i64, f32, f64 are one {@code long} slot each (i32 sign-extended
 * or not: only the low 32 bits count; floats as raw IEEE bits); a reference is one slot whose value lives in
 * the parallel {@code Object[]} at the same index.
 *
 * <p>Exceptions: a {@link Trap} (or any other {@link WasmException}), a {@link GuestExit} and JVM {@link Error}s
 * pass through {@link #invoke} unchanged; any other exception becomes a {@link Trap} of kind {@link
 * TrapKind#HOST_FAILURE} with the exception as its cause.
 */
public final class HostFunction extends Function {
  /** The caller seen by a host function invoked from the embedder ({@link #call}): no instance, no memory. */
  private static final Caller EMBEDDER = new Caller() {
    public Instance instance() {
      return null;
    }

    public Store store() {
      return null;
    }

    public Memory memory(int index) {
      return null;
    }
  };

  private final String module;
  private final String name;
  private final MethodHandle handle;
  /** {@code (Caller, long[], Object[], int) void}. */
  private final MethodHandle invoker;

  private HostFunction(String module, String name, FuncType type, MethodHandle handle) {
    super(type);
    this.module = module;
    this.name = name;
    this.handle = handle;
    this.invoker = HostCallAdapter.adapt(type, handle);
  }

  /**
   * Creates a host function; the handle's type must match {@code type} as described above.
   *
   * @throws IllegalArgumentException if it does not
   */
  public static HostFunction of(String module, String name, FuncType type, MethodHandle handle) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    MethodType expected = HostCallAdapter.javaType(type);
    if (!handle.type().equals(expected)) {
      throw new IllegalArgumentException("host function " + module + "." + name + " of type " + type
          + " needs a handle of type " + expected + ", got " + handle.type());
    }
    return new HostFunction(module, name, type, handle);
  }

  /**
   * Finds the host method {@code result name(Caller, params...)} of {@code owner} through {@code lookup}: the
   * usual shape of a host function written as an instance method, its caller first (bind the receiver, then pass
   * the handle to {@link #of}).
   */
  public static MethodHandle findMethod(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> result,
                                        Class<?>... params) throws ReflectiveOperationException {
    Class<?>[] all = new Class<?>[params.length + 1];
    all[0] = Caller.class;
    System.arraycopy(params, 0, all, 1, params.length);
    return lookup.findVirtual(owner, name, MethodType.methodType(result, all));
  }

  public String module() {
    return module;
  }

  public String name() {
    return name;
  }

  /** The typed handle, {@code (Caller, P1 .. Pn) R}. */
  public MethodHandle handle() {
    return handle;
  }

  /**
   * Calls the function with its n arguments in {@code stack[sp .. sp+n)} (references in {@code refs}) and writes
   * its results to {@code stack[sp ..]} ({@code refs}). Allocation-free for single results.
   */
  public void invoke(Caller caller, long[] stack, Object[] refs, int sp) {
    try {
      invoker.invokeExact(caller, stack, refs, sp);
    } catch (WasmException | GuestExit | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new Trap(TrapKind.HOST_FAILURE, e);
    }
  }

  @Override
  public Value[] call(Value... args) {
    FuncType type = type();
    checkArguments(args);
    int slots = Math.max(1, Math.max(args.length, type.results().size()));
    long[] stack = new long[slots];
    Object[] refs = new Object[slots];
    for (int i = 0; i < args.length; i++) {
      stack[i] = args[i].raw();
      refs[i] = args[i].ref();
    }
    invoke(EMBEDDER, stack, refs, 0);
    Value[] results = new Value[type.results().size()];
    for (int i = 0; i < results.length; i++) {
      results[i] = Value.fromRaw(type.results().get(i), stack[i], refs[i]);
    }
    return results;
  }

  @Override
  public String toString() {
    return "host function " + module + "." + name + " " + type();
  }
}
