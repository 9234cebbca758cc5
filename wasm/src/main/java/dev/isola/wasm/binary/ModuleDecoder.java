package dev.isola.wasm.binary;

import dev.isola.wasm.Feature;
import dev.isola.wasm.WasmModule;
import java.util.Set;

/** Decodes the WebAssembly binary format (2.0, SIMD included) into a {@link WasmModule}. */
public final class ModuleDecoder {
  private ModuleDecoder() {}

  /**
   * Decodes {@code bytes}. Proposals in {@code features} change what is well formed (e.g. a non-zero memory
   * index byte with {@link Feature#MULTI_MEMORY}).
   *
   * @throws MalformedModuleException with the spec's reason and the byte offset
   */
  public static WasmModule decode(byte[] bytes, Set<Feature> features) {
    throw new UnsupportedOperationException("decoder not written yet");
  }

  public static WasmModule decode(byte[] bytes) {
    return decode(bytes, Set.of());
  }
}
