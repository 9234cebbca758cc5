package dev.isola.kernel.container;

import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.WasmModule;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * wasm-ld's <em>command export wrapper</em>. In a WASI command (a module linked with {@code _start}, as every C
 * guest built by {@code bin/wasm-cc} is), the linker wraps each exported function {@code F} in a synthetic
 * {@code F.command_export} that runs {@code __wasm_call_ctors} (if the module has constructors), {@code F}, then
 * {@code __wasm_call_dtors}: every call of an export is a whole command run, ending with libc's exit work.
 * That exit work includes {@code __stdio_exit}, which flushes {@code stdout}.
 *
 * <p>An interrupt handler is not a command run: it nests inside the interrupted code, which may be in the middle
 * of {@code fwrite} (at the return of its {@code fd_write}, before libc updated the {@code FILE}). Flushing there
 * writes the bytes the interrupted write just wrote a second time (the greenhouse rogue's duplicated lines),
 * and running constructors again would reset the program's state. So a handler runs the wrapped function {@code
 * F} itself.
 *
 * <p>The wrapper is recognised by its name in the {@code name} section ({@code F.command_export}, with {@code F}
 * and the two libc functions named as wasm-ld names them) <em>and</em> by its exact shape: an optional {@code call
 * __wasm_call_ctors}, {@code local.get} of every parameter in order, {@code call F}, an optional {@code call
 * __wasm_call_dtors}, {@code end}. A module without a name section keeps its wrapper: nothing else tells it from
 * a guest's own function of that shape.
 */
final class CommandExport {
  static final String SUFFIX = ".command_export";
  static final String CTORS = "__wasm_call_ctors";
  static final String DTORS = "__wasm_call_dtors";

  private CommandExport() {}

  /**
   * The function (index in the function index space) that the function export {@code name} wraps, if it is a
   * command export wrapper; empty for any other export, or none.
   */
  static OptionalInt wrapped(WasmModule module, String name) {
    Optional<Export> export = module.export(name);
    if (export.isEmpty() || export.get().kind() != ExternKind.FUNC) {
      return OptionalInt.empty();
    }
    int wrapper = export.get().index();
    int imported = module.importedFunctionCount();
    Optional<String> wrapperName = module.names().functionName(wrapper);
    if (wrapper < imported || wrapperName.isEmpty() || !wrapperName.get().endsWith(SUFFIX)) {
      return OptionalInt.empty();
    }
    String target = wrapperName.get().substring(0, wrapperName.get().length() - SUFFIX.length());
    List<Instruction> code = module.code().get(wrapper - imported).instructions();
    int params = module.functionSpaceTypes().get(wrapper).params().size();
    boolean ctors = calls(module, code, 0, CTORS);
    int at = ctors ? 1 : 0;
    for (int i = 0; i < params; i++, at++) {
      if (at >= code.size() || code.get(at).opcode() != OpCode.LOCAL_GET
          || !(code.get(at).immediate() instanceof Immediate.Index(int local)) || local != i) {
        return OptionalInt.empty();
      }
    }
    if (at >= code.size() || code.get(at).opcode() != OpCode.CALL
        || !(code.get(at).immediate() instanceof Immediate.Index(int callee))
        || !module.names().functionName(callee).equals(Optional.of(target))
        || !module.functionSpaceTypes().get(callee).equals(module.functionSpaceTypes().get(wrapper))) {
      return OptionalInt.empty();
    }
    at++;
    boolean dtors = calls(module, code, at, DTORS);
    if (dtors) {
      at++;
    }
    boolean ends = at == code.size() || at == code.size() - 1 && code.get(at).opcode() == OpCode.END;
    return (ctors || dtors) && ends ? OptionalInt.of(callee) : OptionalInt.empty();
  }

  /** Whether instruction {@code at} of {@code code} is a call of the function named {@code name}. */
  private static boolean calls(WasmModule module, List<Instruction> code, int at, String name) {
    return at < code.size() && code.get(at).opcode() == OpCode.CALL
        && code.get(at).immediate() instanceof Immediate.Index(int callee)
        && module.names().functionName(callee).equals(Optional.of(name));
  }
}
