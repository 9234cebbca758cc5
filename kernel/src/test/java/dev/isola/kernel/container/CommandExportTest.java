package dev.isola.kernel.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.CGuests;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.text.TextParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which exports are wasm-ld's command export wrappers, and what they wrap (see {@link CommandExport}). */
class CommandExportTest {
  @TempDir
  Path dir;

  /** What clang-19 and wasm-ld make of a C guest's exports: every one wrapped, unwrapped to the C function. */
  @Test
  void aCGuestsExportsUnwrapToTheirCFunctions() throws Exception {
    WasmModule module = ModuleDecoder.decode(Files.readAllBytes(CGuests.compile("irq_printf", dir)));
    for (String export : new String[] {"on_tick", "writer"}) {
      OptionalInt wrapped = CommandExport.wrapped(module, export);
      assertTrue(wrapped.isPresent(), export);
      assertEquals(Optional.of(export), module.names().functionName(wrapped.getAsInt()));
    }
    assertEquals(OptionalInt.empty(), CommandExport.wrapped(module, "no_such_export"));
  }

  @Test
  void onlyTheWrappersExactShapeAndNamesCount() {
    WasmModule module = TextParser.parseModule("""
        (module
          (func $__wasm_call_ctors)
          (func $__wasm_call_dtors)
          (func $h (param i32))
          (func $h.command_export (export "h") (param i32) local.get 0 call $h call $__wasm_call_dtors)
          (func $c.command_export (export "c") (param i32) call $__wasm_call_ctors local.get 0 call $h)
          (func $other.command_export (export "other") (param i32) local.get 0 call $h call $__wasm_call_dtors)
          (func $twice.command_export (export "twice") (param i32) local.get 0 call $h call $h)
          (func $more.command_export (export "more") (param i32)
            local.get 0 call $h call $__wasm_call_dtors call $__wasm_call_dtors)
          (func $plain (export "plain") (param i32) local.get 0 call $h call $__wasm_call_dtors)
          (func $k (param i32 i64))
          (func $k.command_export (export "k") (param i32 i64)
            call $__wasm_call_ctors local.get 0 local.get 1 call $k call $__wasm_call_dtors))
        """, SystemCheck.FEATURES);
    assertEquals(OptionalInt.of(2), CommandExport.wrapped(module, "h"));
    assertEquals(Optional.of("k"), module.names().functionName(CommandExport.wrapped(module, "k").orElseThrow()));
    assertEquals(OptionalInt.empty(), CommandExport.wrapped(module, "c"), "wraps h, not a function named c");
    assertEquals(OptionalInt.empty(), CommandExport.wrapped(module, "other"), "wraps h, not other");
    assertEquals(OptionalInt.empty(), CommandExport.wrapped(module, "twice"), "no libc exit work");
    assertEquals(OptionalInt.empty(), CommandExport.wrapped(module, "more"), "more than the wrapper does");
    assertEquals(OptionalInt.empty(), CommandExport.wrapped(module, "plain"), "not named as a wrapper");
  }
}
