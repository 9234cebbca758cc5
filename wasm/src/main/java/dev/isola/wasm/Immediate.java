package dev.isola.wasm;

import java.util.Arrays;
import java.util.List;

/** The immediate operands of an instruction; {@link OpCode#immediate()} says which record an opcode has. */
public sealed interface Immediate {
  /** No immediate. */
  record None() implements Immediate {
    public static final None INSTANCE = new None();
  }

  record Block(BlockType type) implements Immediate {}

  /** A label, function, local, global, table, memory, data or element index. */
  record Index(int index) implements Immediate {}

  /** {@code br_table}: the label vector and the default label. The array is not copied; no one writes it. */
  record BrTable(int[] labels, int defaultLabel) implements Immediate {
    @Override
    public String toString() {
      return Arrays.toString(labels) + " " + defaultLabel;
    }
  }

  record CallIndirect(int typeIndex, int tableIndex) implements Immediate {}

  /**
   * A memory argument: alignment exponent, unsigned 32-bit offset (held in a long) and memory index (0 unless
   * the multi-memory encoding names another).
   */
  record MemArg(int align, long offset, int memory) implements Immediate {}

  record MemArgLane(MemArg memArg, int lane) implements Immediate {}

  record I32(int value) implements Immediate {}

  record I64(long value) implements Immediate {}

  /** The raw IEEE-754 bits: NaN payloads survive. */
  record F32(int bits) implements Immediate {}

  /** The raw IEEE-754 bits: NaN payloads survive. */
  record F64(long bits) implements Immediate {}

  /** A 128-bit constant, little-endian: {@code low} holds bytes 0..7. */
  record V128(long low, long high) implements Immediate {}

  record Lane(int lane) implements Immediate {}

  /** The 16 lane indices of {@code i8x16.shuffle}. The array is not copied; no one writes it. */
  record Shuffle(byte[] lanes) implements Immediate {
    @Override
    public String toString() {
      return Arrays.toString(lanes);
    }
  }

  record SelectTypes(List<ValType> types) implements Immediate {}

  record RefType(ValType type) implements Immediate {}

  /** Two indices: (data, memory), (dst memory, src memory), (elem, table) or (dst table, src table). */
  record Pair(int first, int second) implements Immediate {}
}
