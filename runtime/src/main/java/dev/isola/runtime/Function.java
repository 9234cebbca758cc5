package dev.isola.runtime;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.util.Arrays;
import java.util.stream.Collectors;

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

  /** @throws IllegalArgumentException unless {@code args} match the parameter types one for one */
  final void checkArguments(Value[] args) {
    boolean ok = args != null && args.length == type.params().size();
    for (int i = 0; ok && i < args.length; i++) {
      ValType expected = type.params().get(i);
      ok = args[i] != null && args[i].type() == expected;
    }
    if (!ok) {
      String actual = args == null ? "null" : Arrays.stream(args)
          .map(a -> a == null ? "null" : a.type().textName())
          .collect(Collectors.joining(" ", "(", ")"));
      throw new IllegalArgumentException("arguments " + actual + " do not match the parameters of " + type);
    }
  }
}
