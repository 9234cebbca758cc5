package dev.isola.wasm;

/**
 * Proposals beyond WebAssembly 2.0 that the decoder and validator accept when asked. Wasm 2.0 itself
 * (reference types, bulk memory, SIMD, multi-value, sign extension, saturating conversions) is always on.
 */
public enum Feature {
  MULTI_MEMORY,
  EXTENDED_CONST,
  TAIL_CALL
}
