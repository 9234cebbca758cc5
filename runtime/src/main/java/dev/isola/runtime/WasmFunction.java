package dev.isola.runtime;

import dev.isola.wasm.FuncType;

/** A function defined by a module: its instance and its index in that instance's function index space. */
public final class WasmFunction extends Function {
  private final Instance instance;
  private final int index;

  WasmFunction(FuncType type, Instance instance, int index) {
    super(type);
    this.instance = instance;
    this.index = index;
  }

  public Instance instance() {
    return instance;
  }

  /** Index in the defining instance's function index space (imports included). */
  public int index() {
    return index;
  }

  @Override
  public Value[] call(Value... args) {
    checkArguments(args);
    return instance.module().code().invoke(instance, index, args.clone());
  }

  @Override
  public String toString() {
    String name = instance.module().model().names() == null
        ? null
        : instance.module().model().names().functionName(index).orElse(null);
    return "function " + (name != null ? name : "func[" + index + "]") + " " + type();
  }
}
