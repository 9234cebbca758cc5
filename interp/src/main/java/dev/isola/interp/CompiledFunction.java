package dev.isola.interp;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.util.Arrays;

/**
 * One defined function, pre-decoded once per module and shared by all its instances.
 *
 * <p>Frame layout on the value stack: {@code [fp, fp + paramSlots)} are the arguments, {@code [fp + paramSlots,
 * fp + localSlots)} the declared locals (zeroed on entry), operands above; a v128 takes two slots (low, high),
 * everything else one. {@code maxSlots} bounds the whole frame, so one capacity check on entry covers it.
 *
 * <p>{@code index} is the function's index in the module's function index space (imports included); {@code
 * code} holds the pre-decoded instructions ({@link Op} numbers followed by their operands), padded at the end
 * so that rare-instruction handlers may read two operands unconditionally; {@code instructionPcs} is the code
 * index of each instruction's start, ascending, and {@code instructionOffsets} the byte offset of that
 * instruction in the module, for trap stack traces; {@code entryWeight} is the fuel charged on entry.
 */
final class CompiledFunction {
  final int index;
  final FuncType type;
  final int typeId;
  final int paramSlots;
  final int localSlots;
  final int resultSlots;
  final int maxSlots;
  final int[] code;
  final int[] instructionPcs;
  final int[] instructionOffsets;
  final int entryWeight;

  // A class, not a record: the dispatch loop reads these fields directly, because accessor calls are not
  // inlined once the loop has used up HotSpot's inlining budget (DesiredMethodLimit).
  CompiledFunction(int index, FuncType type, int typeId, int paramSlots, int localSlots, int resultSlots,
                   int maxSlots, int[] code, int[] instructionPcs, int[] instructionOffsets, int entryWeight) {
    this.index = index;
    this.type = type;
    this.typeId = typeId;
    this.paramSlots = paramSlots;
    this.localSlots = localSlots;
    this.resultSlots = resultSlots;
    this.maxSlots = maxSlots;
    this.code = code;
    this.instructionPcs = instructionPcs;
    this.instructionOffsets = instructionOffsets;
    this.entryWeight = entryWeight;
  }

  /** The byte offset in the module of the instruction that contains code index {@code pc - 1}. */
  int offsetAt(int pc) {
    int i = Arrays.binarySearch(instructionPcs, pc - 1);
    if (i < 0) {
      i = -i - 2;
    }
    if (i < 0) {
      // Before the first instruction: the poll at function entry. Its place is the function's first instruction.
      return instructionOffsets.length > 0 ? instructionOffsets[0] : -1;
    }
    return instructionOffsets[i];
  }

  static int slots(ValType type) {
    return type == ValType.V128 ? 2 : 1;
  }

  static int slots(Iterable<ValType> types) {
    int n = 0;
    for (ValType t : types) {
      n += slots(t);
    }
    return n;
  }
}
