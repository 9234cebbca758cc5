package dev.isola.wasm.analysis;

import dev.isola.wasm.DataSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Every write of every memory of a module, by memory index: the instructions that can write it, the active data
 * segments that initialise it and the exports that let others write it. See the package documentation for what
 * counts.
 *
 * @param writes for each memory index of the module's memory space, its writes in module order: instructions
 *     by function then offset, then data segments, then exports
 */
public record MemoryWrites(List<List<MemoryWrite>> writes) {
  public MemoryWrites {
    writes = writes.stream().map(List::copyOf).toList();
  }

  /** Analyses {@code module}, which should be valid (immediates naming absent memories are still reported). */
  public static MemoryWrites of(WasmModule module) {
    int memories = module.memorySpace().size();
    List<List<MemoryWrite>> writes = new ArrayList<>();
    for (int i = 0; i < memories; i++) {
      writes.add(new ArrayList<>());
    }
    int firstDefined = module.importedFunctionCount();
    List<FunctionBody> code = module.code();
    for (int f = 0; f < code.size(); f++) {
      for (Instruction insn : code.get(f).instructions()) {
        OptionalInt written = writtenMemory(insn);
        if (written.isPresent() && written.getAsInt() < memories) {
          writes.get(written.getAsInt())
              .add(new MemoryWrite.Instruction(written.getAsInt(), firstDefined + f, insn.offset(), insn.opcode()));
        }
      }
    }
    List<DataSegment> data = module.data();
    for (int d = 0; d < data.size(); d++) {
      if (data.get(d).mode() instanceof DataSegment.Active(int memory, _)
          && data.get(d).bytes().length > 0 && memory < memories) {
        writes.get(memory).add(new MemoryWrite.Data(memory, d));
      }
    }
    for (Export e : module.exports()) {
      if (e.kind() == ExternKind.MEMORY && e.index() < memories) {
        writes.get(e.index()).add(new MemoryWrite.Export(e.index(), e.name()));
      }
    }
    return new MemoryWrites(writes);
  }

  /** The writes of memory {@code index}; empty for an index the module does not have. */
  public List<MemoryWrite> forMemory(int index) {
    return index >= 0 && index < writes.size() ? writes.get(index) : List.of();
  }

  /** Whether nothing in the module, nor an export of it, can write memory {@code index}. */
  public boolean isReadOnly(int index) {
    return forMemory(index).isEmpty();
  }

  /** The memory {@code insn} can write, if it writes one. */
  static OptionalInt writtenMemory(Instruction insn) {
    OpCode op = insn.opcode();
    return switch (insn.immediate()) {
      case Immediate.MemArg m when isStore(op) -> OptionalInt.of(m.memory());
      case Immediate.MemArgLane m when isStore(op) -> OptionalInt.of(m.memArg().memory());
      case Immediate.Index i when op == OpCode.MEMORY_FILL || op == OpCode.MEMORY_GROW -> OptionalInt.of(i.index());
      // memory.init's pair is (data, memory); memory.copy's is (destination, source).
      case Immediate.Pair p when op == OpCode.MEMORY_INIT -> OptionalInt.of(p.second());
      case Immediate.Pair p when op == OpCode.MEMORY_COPY -> OptionalInt.of(p.first());
      default -> OptionalInt.empty();
    };
  }

  /** A memory access without a result is a store: the opcode table's signature says so for every width. */
  private static boolean isStore(OpCode op) {
    return op.accessWidth() > 0 && op.signature() != null && op.signature().results().isEmpty();
  }
}
