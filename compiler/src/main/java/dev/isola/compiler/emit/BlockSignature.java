package dev.isola.compiler.emit;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.List;

/** A block type's parameters and results, for the emitter's type stack and the splitter's operand counts. */
record BlockSignature(List<ValType> params, List<ValType> results) {
  static BlockSignature of(WasmModule module, BlockType bt) {
    return switch (bt) {
      case BlockType.Empty _ -> new BlockSignature(List.of(), List.of());
      case BlockType.Value v -> new BlockSignature(List.of(), List.of(v.type()));
      case BlockType.TypeIndex ti -> {
        FuncType ft = module.types().get(ti.typeIndex());
        yield new BlockSignature(ft.params(), ft.results());
      }
    };
  }

  /** The arity of the label of a {@code loop} ({@code isLoop}: its parameters) or other block (its results). */
  int labelArity(boolean isLoop) {
    return isLoop ? params.size() : results.size();
  }
}
