package dev.isola.interp;

import dev.isola.runtime.Memory;
import dev.isola.wasm.OpCode;

/**
 * The scalar and bulk memory instructions on a memory other than memory 0 (the multi-memory proposal), reached
 * through {@link Op#MEMORY_OTHER} and {@link RareOps}. Memory 0 keeps its own op numbers in the dispatch loop;
 * other memories are the kernel's shared regions and the like, where an out-of-line call per access is a fair
 * price for leaving the loop's size, and memory 0's speed, untouched.
 *
 * <p>Operands: the {@link OpCode} ordinal, the memory index, and one more immediate (the offset of a load or
 * store, the source memory of {@code memory.copy}, the data segment of {@code memory.init}, else 0). Accesses go
 * through {@link Memory}'s bounds-checked accessors, which trap {@code out of bounds memory access} themselves.
 */
final class MultiMemoryOps {
  /** How many code operands follow {@link Op#MEMORY_OTHER}. */
  static final int OPERANDS = 3;

  private static final OpCode[] OPCODES = OpCode.values();

  private MultiMemoryOps() {}

  private static long u32(long slot) {
    return slot & 0xFFFF_FFFFL;
  }

  /** Runs the instruction whose operands start at {@code code[pc]}; returns the new stack pointer. */
  static int exec(int[] code, int pc, long[] s, int sp, InstanceState st) {
    Memory m = st.memories[code[pc + 1]];
    int x = code[pc + 2];
    OpCode op = OPCODES[code[pc]];
    switch (op) {
      case MEMORY_SIZE -> {
        s[sp] = m.pages();
        return sp + 1;
      }
      case MEMORY_GROW -> {
        s[sp - 1] = m.grow((int) s[sp - 1]);
        return sp;
      }
      case MEMORY_FILL -> {
        m.fill(u32(s[sp - 3]), (byte) s[sp - 2], u32(s[sp - 1]), st.bulkPoll);
        return sp - 3;
      }
      case MEMORY_COPY -> {
        m.copy(u32(s[sp - 3]), st.memories[x], u32(s[sp - 2]), u32(s[sp - 1]), st.bulkPoll);
        return sp - 3;
      }
      case MEMORY_INIT -> {
        m.init(u32(s[sp - 3]), st.instance.dataSegment(x), u32(s[sp - 2]), u32(s[sp - 1]), st.bulkPoll);
        return sp - 3;
      }
      default -> {}
    }
    if (op.signature().results().isEmpty()) {
      // A store: the value on top, the address under it.
      long at = u32(s[sp - 2]) + u32(x);
      long v = s[sp - 1];
      switch (op.accessWidth()) {
        case 1 -> m.writeI8(at, (byte) v);
        case 2 -> m.writeI16(at, (short) v);
        case 4 -> m.writeI32(at, (int) v);
        default -> m.writeI64(at, v);
      }
      return sp - 2;
    }
    long at = u32(s[sp - 1]) + u32(x);
    // Slots hold i32 and f32 values as the int sign-extended, as the loop's own loads leave them.
    s[sp - 1] = switch (op) {
      case I32_LOAD, F32_LOAD, I64_LOAD32_S -> m.readI32(at);
      case I64_LOAD, F64_LOAD -> m.readI64(at);
      case I32_LOAD8_S, I64_LOAD8_S -> m.readI8(at);
      case I32_LOAD8_U, I64_LOAD8_U -> m.readI8(at) & 0xFF;
      case I32_LOAD16_S, I64_LOAD16_S -> m.readI16(at);
      case I32_LOAD16_U, I64_LOAD16_U -> m.readI16(at) & 0xFFFF;
      case I64_LOAD32_U -> m.readI32(at) & 0xFFFF_FFFFL;
      default -> throw new IllegalStateException(op.textName() + " reached MultiMemoryOps");
    };
    return sp;
  }
}
