package dev.isola.runtime;

import dev.isola.wasm.FuncType;

/**
 * A function instance: defined by a module instance ({@link WasmFunction}) or by the host ({@link
 * HostFunction}). {@link #call} is the embedding boundary: boxed {@link Value}s, checked against the type.
 */
public abstract sealed class Function implements Extern permits WasmFunction, HostFunction {
  private final FuncType type;

  protected Function(FuncType type) {
    this.type = type;
  }

  public final FuncType type() {
    return type;
  }

  /**
   * Calls the function with {@code args} (checked against the parameter types) and returns its results.
   *
   * @throws Trap if execution traps
   * @throws GuestExit if the guest exits
   * @throws IllegalArgumentException if the arguments do not match the type
   */
  public abstract Value[] call(Value... args);
}
