package dev.isola.interp;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Function;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;

/** A module's pre-decoded functions, shared by all its instances; per-instance state lives in the instance. */
final class InterpretedModule implements ModuleCode {
  private final WasmModule model;
  private final Engine engine;
  private final CompiledFunction[] functions;
  private final int maxCallDepth;

  InterpretedModule(WasmModule model, Engine engine) {
    this.model = model;
    this.engine = engine;
    this.maxCallDepth = engine.config().maxCallDepth();
    var types = model.functionSpaceTypes();
    this.functions = new CompiledFunction[types.size()];
    PreDecoder decoder = new PreDecoder(model);
    for (int i = model.importedFunctionCount(); i < functions.length; i++) {
      functions[i] = decoder.lower(i, engine.typeId(types.get(i)));
    }
  }

  WasmModule model() {
    return model;
  }

  Engine engine() {
    return engine;
  }

  int maxCallDepth() {
    return maxCallDepth;
  }

  /** The pre-decoded code of function {@code index}, or null for an import. */
  CompiledFunction function(int index) {
    return index >= 0 && index < functions.length ? functions[index] : null;
  }

  @Override
  public void link(Instance instance) {
    instance.setTierState(new InstanceState(instance, this));
  }

  @Override
  public Value[] invoke(Instance instance, int functionIndex, Value[] args) {
    InstanceState state = (InstanceState) instance.tierState();
    CompiledFunction code = state.calleeCode[functionIndex];
    if (code == null) {
      Function f = state.functions[functionIndex];
      return f.call(args);
    }
    return Machine.current().invoke(state.calleeState[functionIndex], code, args);
  }
}
