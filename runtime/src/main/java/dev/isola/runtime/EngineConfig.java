package dev.isola.runtime;

import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.Feature;
import java.util.Set;

/**
 * How an {@link Engine} compiles and runs modules.
 *
 * @param tier the execution tier (the interpreter, later the compiler)
 * @param features proposals beyond Wasm 2.0 to accept (none by default)
 * @param maxCallDepth the deepest nesting of Wasm calls before the trap {@code call stack exhausted}; the tiers
 *     count frames themselves, so the limit does not depend on the thread's stack size
 */
public record EngineConfig(ExecutionTier tier, Set<Feature> features, int maxCallDepth) {
  public static final int DEFAULT_MAX_CALL_DEPTH = 10_000;

  public EngineConfig {
    features = Set.copyOf(features);
    if (maxCallDepth < 1) {
      throw new IllegalArgumentException("maxCallDepth must be positive: " + maxCallDepth);
    }
  }

  public static EngineConfig of(ExecutionTier tier) {
    return new EngineConfig(tier, Set.of(), DEFAULT_MAX_CALL_DEPTH);
  }

  public EngineConfig withFeatures(Set<Feature> features) {
    return new EngineConfig(tier, features, maxCallDepth);
  }

  public EngineConfig withMaxCallDepth(int maxCallDepth) {
    return new EngineConfig(tier, features, maxCallDepth);
  }
}
