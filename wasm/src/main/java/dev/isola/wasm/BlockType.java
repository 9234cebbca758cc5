package dev.isola.wasm;

/** The type of a {@code block}, {@code loop} or {@code if}. */
public sealed interface BlockType {
  /** {@code []->[]}. */
  record Empty() implements BlockType {}

  /** {@code []->[type]}. */
  record Value(ValType type) implements BlockType {}

  /** The function type at {@code typeIndex}. */
  record TypeIndex(int typeIndex) implements BlockType {}
}
