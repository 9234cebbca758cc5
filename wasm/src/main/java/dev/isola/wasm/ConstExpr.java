package dev.isola.wasm;

import java.util.List;

/**
 * A constant expression (global initialiser, segment offset, element item), without its final {@code end}.
 */
public record ConstExpr(List<Instruction> instructions) {
  public ConstExpr {
    instructions = List.copyOf(instructions);
  }
}
