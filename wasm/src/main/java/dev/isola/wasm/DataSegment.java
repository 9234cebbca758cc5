package dev.isola.wasm;

/**
 * A data segment. {@link #bytes()} returns the decoder's array itself: no one writes to it (the runtime copies
 * out of it), and copying every segment of a large module would double its footprint.
 */
public record DataSegment(byte[] bytes, Mode mode) {
  /** How the segment is used at instantiation. */
  public sealed interface Mode {}

  /** Available to {@code memory.init} until dropped. */
  public record Passive() implements Mode {}

  /** Copied into {@code memory} at {@code offset} at instantiation, then dropped. */
  public record Active(int memory, ConstExpr offset) implements Mode {}
}
