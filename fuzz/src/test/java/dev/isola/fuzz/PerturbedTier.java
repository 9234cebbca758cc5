package dev.isola.fuzz;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;
import java.util.Locale;

/**
 * A deliberately broken tier: the interpreter with one fault injected where an export returns, so the
 * harness's own tests can prove that it notices a tier that is wrong in a result or in memory.
 */
final class PerturbedTier implements ExecutionTier {
  enum Fault {
    /** Every i32 result of an exported call has its lowest bit flipped. */
    RESULT,
    /** Every returning call of a function with results flips a bit of memory 0's last byte. */
    MEMORY,
    /**
     * Every returning call flips the sign of each quiet f32 NaN at an aligned address in memory 0's first 64
     * bytes: a difference the spec allows (an arithmetic NaN's sign is nondeterministic), not a bug.
     */
    NAN_SIGN
  }

  private final Interpreter interpreter = new Interpreter();
  private final Fault fault;

  PerturbedTier(Fault fault) {
    this.fault = fault;
  }

  @Override
  public String name() {
    return "perturbed-" + fault.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public ModuleCode prepare(WasmModule module, Engine engine) {
    ModuleCode code = interpreter.prepare(module, engine);
    return new ModuleCode() {
      @Override
      public void link(Instance instance) {
        code.link(instance);
      }

      @Override
      public Value[] invoke(Instance instance, int functionIndex, Value[] args) {
        Value[] results = code.invoke(instance, functionIndex, args);
        switch (fault) {
          case NAN_SIGN -> {
            if (instance.memoryCount() > 0) {
              byte[] bytes = instance.memory(0).bytes();
              for (int a = 0; a + 4 <= Math.min(64, bytes.length); a += 4) {
                int bits = (bytes[a] & 0xff) | (bytes[a + 1] & 0xff) << 8 | (bytes[a + 2] & 0xff) << 16
                    | (bytes[a + 3] & 0xff) << 24;
                if (Observed.isQuietNan32(bits)) {
                  bytes[a + 3] ^= (byte) 0x80;
                }
              }
            }
          }
          case RESULT -> {
            for (int i = 0; i < results.length; i++) {
              if (results[i] instanceof Value.I32(int v)) {
                results[i] = Value.i32(v ^ 1);
              }
            }
          }
          case MEMORY -> {
            if (results.length > 0 && instance.memoryCount() > 0 && instance.memory(0).bytes().length > 0) {
              byte[] bytes = instance.memory(0).bytes();
              bytes[bytes.length - 1] ^= 1;
            }
          }
        }
        return results;
      }
    };
  }
}
