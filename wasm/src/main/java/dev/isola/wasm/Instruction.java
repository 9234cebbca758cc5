package dev.isola.wasm;

/**
 * One instruction: its opcode, its immediate ({@link Immediate.None} if it has none) and the byte offset of its
 * opcode in the module, so that every later stage can say where a problem is.
 */
public record Instruction(OpCode opcode, Immediate immediate, int offset) {
  public Instruction(OpCode opcode, Immediate immediate) {
    this(opcode, immediate, -1);
  }

  @Override
  public String toString() {
    return immediate instanceof Immediate.None ? opcode.textName() : opcode.textName() + " " + immediate;
  }
}
