package dev.isola.wasm.binary;

import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The code section: each entry is a sized function body, its local declarations, then its instructions. */
final class CodeSectionDecoder {
  /**
   * Isola's limit on the locals of one function. The spec only requires the sum to fit in a u32; real
   * compilers stay far below this, and expanding billions of locals would exhaust the heap.
   */
  static final int MAX_LOCALS = 50_000;

  private CodeSectionDecoder() {}

  static List<FunctionBody> decode(ByteReader r, InstructionDecoder instructions) {
    int n = r.len();
    List<FunctionBody> bodies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int size = r.len();
      int start = r.pos();
      List<ValType> locals = locals(r);
      List<Instruction> code = instructions.body();
      if (r.pos() != start + size) {
        throw r.error("section size mismatch", start);
      }
      bodies.add(new FunctionBody(locals, code, start));
    }
    return bodies;
  }

  /** All declarations are read before the sum is checked, so that a malformed count wins, as in the spec. */
  private static List<ValType> locals(ByteReader r) {
    int start = r.pos();
    int groups = r.len();
    if (groups == 0) {
      return List.of();
    }
    long[] counts = new long[groups];
    ValType[] types = new ValType[groups];
    long total = 0;
    for (int g = 0; g < groups; g++) {
      counts[g] = r.u32();
      types[g] = TypeReader.valType(r);
      total += counts[g];
    }
    if (total > MAX_LOCALS) {
      throw r.error("too many locals", start);
    }
    ValType[] all = new ValType[(int) total];
    int at = 0;
    for (int g = 0; g < groups; g++) {
      Arrays.fill(all, at, at + (int) counts[g], types[g]);
      at += (int) counts[g];
    }
    return Arrays.asList(all);
  }
}
