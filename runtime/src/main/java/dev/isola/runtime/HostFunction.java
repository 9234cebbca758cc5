package dev.isola.runtime;

import dev.isola.wasm.FuncType;
import java.lang.invoke.MethodHandle;

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
 */
public final class HostFunction extends Function {
  private final String module;
  private final String name;
  private final MethodHandle handle;

  private HostFunction(String module, String name, FuncType type, MethodHandle handle) {
    super(type);
    this.module = module;
    this.name = name;
    this.handle = handle;
  }

  /**
   * Creates a host function; the handle's type must match {@code type} as described above.
   *
   * @throws IllegalArgumentException if it does not
   */
  public static HostFunction of(String module, String name, FuncType type, MethodHandle handle) {
    return new HostFunction(module, name, type, handle);
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
    throw new UnsupportedOperationException("runtime: adapted handle");
  }

  @Override
  public Value[] call(Value... args) {
    throw new UnsupportedOperationException("runtime");
  }
}
