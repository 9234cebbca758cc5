package dev.isola.wasm;

import java.util.List;

/**
 * The code of a function defined by the module: its declared locals (expanded, parameters not included), its
 * instructions including the final {@code end}, and the byte offset of the body in the module, for messages.
 */
public record FunctionBody(List<ValType> locals, List<Instruction> instructions, int offset) {
  public FunctionBody {
    locals = List.copyOf(locals);
    instructions = List.copyOf(instructions);
  }
}
