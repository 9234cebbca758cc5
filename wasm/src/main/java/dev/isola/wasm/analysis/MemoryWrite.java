package dev.isola.wasm.analysis;

import dev.isola.wasm.OpCode;

/**
 * One way a memory can be written: an instruction in a function of the module, an active data segment at
 * instantiation, or an export that lets others write it.
 */
public sealed interface MemoryWrite {
  /** The index of the memory written, in the module's memory index space (imports first). */
  int memory();

  /**
   * An instruction that can write {@code memory}: in function {@code function} (function index space, imports
   * included), its opcode at byte {@code offset} of the module ({@code -1} if the module was not decoded from
   * bytes and has no offsets).
   */
  record Instruction(int memory, int function, int offset, OpCode opcode) implements MemoryWrite {}

  /**
   * Active data segment {@code segment} (data index) copies its bytes into {@code memory} at instantiation.
   * Empty segments write nothing and are not reported.
   */
  record Data(int memory, int segment) implements MemoryWrite {}

  /** The module exports {@code memory} under {@code name}: any importer may write it. */
  record Export(int memory, String name) implements MemoryWrite {}
}
