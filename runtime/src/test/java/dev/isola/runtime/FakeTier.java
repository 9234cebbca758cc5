package dev.isola.runtime;

import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A tier without an interpreter: each function's behaviour is a Java lambda given by the test, and every link
 * and invoke is recorded in {@link #events}, so that tests can see what the runtime did in which order.
 */
final class FakeTier implements ExecutionTier {
  final Map<Integer, BiFunction<Instance, Value[], Value[]>> bodies = new HashMap<>();
  final List<String> events = new ArrayList<>();

  FakeTier body(int functionIndex, BiFunction<Instance, Value[], Value[]> body) {
    bodies.put(functionIndex, body);
    return this;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public ModuleCode prepare(WasmModule module, Engine engine) {
    events.add("prepare");
    return new ModuleCode() {
      @Override
      public void link(Instance instance) {
        events.add("link");
      }

      @Override
      public Value[] invoke(Instance instance, int functionIndex, Value[] args) {
        events.add("invoke " + functionIndex);
        var body = bodies.get(functionIndex);
        return body == null ? new Value[0] : body.apply(instance, args);
      }
    };
  }
}
