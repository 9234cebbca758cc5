package dev.isola.wasm.analysis;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.OptionalInt;

/**
 * Where a C (or Rust) guest keeps its shadow-stack pointer: the global {@code __stack_pointer}. Found as an
 * export of that name if the module has one, else as the first mutable i32 global the module defines (what
 * wasm-ld emits: the name section carries no global names that Isola reads), if its initial value looks like a
 * stack top. A module without one needs no stack switching, and gets none. The kernel switches it between
 * contexts; the system-file check counts the stack regions it will need by the same rule.
 */
public final class StackPointer {
  public static final String NAME = "__stack_pointer";

  private StackPointer() {}

  /** The index, in the global index space, of the module's stack pointer, if it has one. */
  public static OptionalInt index(WasmModule module) {
    for (Export e : module.exports()) {
      if (e.kind() == ExternKind.GLOBAL && e.name().equals(NAME) && isStackPointer(module, e.index())) {
        return OptionalInt.of(e.index());
      }
    }
    int imported = module.globalSpace().size() - module.globals().size();
    for (int i = 0; i < module.globals().size(); i++) {
      dev.isola.wasm.Global g = module.globals().get(i);
      if (isStackPointerType(g.type())) {
        // The first mutable i32 only counts if it looks like a stack top: a positive multiple of 16 inside the
        // initial memory 0, as wasm-ld writes it. A hand-written counter (say, starting at 0) is left alone.
        return looksLikeStackTop(module, g.init()) ? OptionalInt.of(imported + i) : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  private static boolean looksLikeStackTop(WasmModule module, ConstExpr init) {
    if (init.instructions().size() != 1 || module.memorySpace().isEmpty()
        || !(init.instructions().getFirst().immediate() instanceof Immediate.I32(int value))) {
      return false;
    }
    long memoryBytes = module.memorySpace().getFirst().limits().min() * MemoryType.PAGE_SIZE;
    return value > 0 && value % 16 == 0 && value <= memoryBytes;
  }

  private static boolean isStackPointer(WasmModule module, int index) {
    return isStackPointerType(module.globalSpace().get(index));
  }

  private static boolean isStackPointerType(GlobalType type) {
    return type.mutable() && type.type() == ValType.I32;
  }
}
