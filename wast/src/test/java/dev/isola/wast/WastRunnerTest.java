package dev.isola.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on a small hand-made script whose modules only have globals, so it needs the decoder, validator and
 * runtime but no execution tier: a tier that refuses every call stands in.
 */
class WastRunnerTest {
  /** Prepares nothing and refuses to run code: none of these modules has a function. */
  private static final class NoCodeTier implements ExecutionTier {
    public String name() {
      return "no code";
    }

    public ModuleCode prepare(WasmModule module, Engine engine) {
      return (Instance instance, int functionIndex, Value[] args) -> {
        throw new UnsupportedOperationException("no code");
      };
    }
  }

  private static final String HEADER = "0061736d01000000";

  @TempDir Path dir;

  private void wasm(String name, String hex) throws IOException {
    Files.write(dir.resolve(name), HexFormat.of().parseHex((HEADER + hex).replace(" ", "")));
  }

  @Test
  void runsCommandsInOrderAndReportsEachFailure() throws IOException {
    // (module (global (export "g") i32 (i32.const 42)))
    wasm("t.0.wasm", "06 06 01 7f 00 41 2a 0b  07 05 01 01 67 03 00");
    // (module (import "M" "g" (global i32)) (global (export "h") i32 (global.get 0)))
    wasm("t.1.wasm", "02 08 01 01 4d 01 67 03 7f 00  06 06 01 7f 00 23 00 0b  07 05 01 01 68 03 01");
    // (module (import "spectest" "global_i32" (global i32)) (export "s" (global 0)))
    wasm("t.2.wasm", "02 18 01 08 7370656374657374 0a 676c6f62616c5f693332 03 7f 00  07 05 01 01 73 03 00");
    // (module (global i32 (i64.const 0))): type mismatch
    wasm("t.3.wasm", "06 06 01 7f 00 42 00 0b");
    // (module (import "spectest" "unknown" (global i32)))
    wasm("t.4.wasm", "02 15 01 08 7370656374657374 07 756e6b6e6f776e 03 7f 00");
    Files.write(dir.resolve("t.5.wasm"), HexFormat.of().parseHex("0061736d02000000"));
    Files.writeString(dir.resolve("t.6.wat"), "(module quote \"(func\")");
    // well formed: an assert_malformed of it must fail
    Files.writeString(dir.resolve("t.7.wat"), "(func (result i32) (i32.const 1))");
    String script = """
        {"source_filename": "t.wast", "commands": [
          {"type": "module", "line": 1, "name": "$M", "filename": "t.0.wasm"},
          {"type": "assert_return", "line": 2, "action": {"type": "get", "field": "g"}, "expected": [{"type": "i32", "value": "42"}]},
          {"type": "assert_return", "line": 3, "action": {"type": "get", "field": "g"}, "expected": [{"type": "i32", "value": "43"}]},
          {"type": "register", "line": 4, "name": "$M", "as": "M"},
          {"type": "module", "line": 5, "filename": "t.1.wasm"},
          {"type": "assert_return", "line": 6, "action": {"type": "get", "field": "h"}, "expected": [{"type": "i32", "value": "42"}]},
          {"type": "assert_return", "line": 7, "action": {"type": "get", "module": "$M", "field": "g"}, "expected": [{"type": "i32", "value": "42"}]},
          {"type": "module", "line": 8, "filename": "t.2.wasm"},
          {"type": "assert_return", "line": 9, "action": {"type": "get", "field": "s"}, "expected": [{"type": "i32", "value": "666"}]},
          {"type": "assert_invalid", "line": 10, "filename": "t.3.wasm", "text": "type mismatch", "module_type": "binary"},
          {"type": "assert_unlinkable", "line": 11, "filename": "t.4.wasm", "text": "unknown import", "module_type": "binary"},
          {"type": "assert_malformed", "line": 12, "filename": "t.5.wasm", "text": "unknown binary version", "module_type": "binary"},
          {"type": "assert_malformed", "line": 13, "filename": "t.6.wat", "text": "unexpected end", "module_type": "text"},
          {"type": "assert_invalid", "line": 14, "filename": "t.0.wasm", "text": "type mismatch", "module_type": "binary"},
          {"type": "assert_malformed", "line": 16, "filename": "t.7.wat", "text": "unexpected token", "module_type": "text"},
          {"type": "assert_return", "line": 15, "action": {"type": "get", "module": "$Nope", "field": "g"}, "expected": []}
        ]}
        """;
    Path json = dir.resolve("t.json");
    Files.writeString(json, script);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    WastRunner runner =
        new WastRunner(EngineConfig.of(new NoCodeTier()), new PrintStream(log, true, StandardCharsets.UTF_8), true);

    Summary s = runner.run(json);

    assertEquals(List.of(
        "t.wast:3: assert_return get \"g\": expected (i32:0x2b(43)), got (i32:0x2a(42))",
        "t.wast:14: assert_invalid t.0.wasm: expected InvalidModuleException \"type mismatch\", got a valid module",
        "t.wast:16: assert_malformed t.7.wat: expected MalformedModuleException \"unexpected token\", "
            + "got a well-formed text module",
        "t.wast:15: assert_return get $Nope.\"g\": expected (), but there is no module named $Nope"), s.failures());
    assertEquals("12 passed, 4 failed, 0 skipped", s.line());
    assertEquals(String.join(System.lineSeparator(), s.failures()) + System.lineSeparator(),
        log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutSimdExecutionSimdScriptsOnlyDecodeAndValidate() throws IOException {
    Path simd = Files.createDirectories(dir.resolve("simd").resolve("simd_x"));
    Files.write(simd.resolve("simd_x.0.wasm"), HexFormat.of().parseHex(HEADER + "060601 7f00412a0b 0705010167 0300".replace(" ", "")));
    Files.write(simd.resolve("simd_x.1.wasm"), HexFormat.of().parseHex(HEADER + "0606017f0042000b"));
    Path json = simd.resolve("simd_x.json");
    Files.writeString(json, """
        {"source_filename": "simd_x.wast", "commands": [
          {"type": "module", "line": 1, "filename": "simd_x.0.wasm"},
          {"type": "assert_return", "line": 2, "action": {"type": "get", "field": "g"}, "expected": [{"type": "i32", "value": "0"}]},
          {"type": "register", "line": 3, "as": "x"},
          {"type": "assert_invalid", "line": 4, "filename": "simd_x.1.wasm", "text": "type mismatch", "module_type": "binary"}
        ]}
        """);
    Summary s = new WastRunner(EngineConfig.of(new NoCodeTier()), new PrintStream(PrintStream.nullOutputStream()), false)
        .run(json);
    assertEquals("2 passed, 0 failed, 2 skipped", s.line(), String.join("\n", s.failures()));
    assertTrue(s.failures().isEmpty());
  }

  @Test
  void summariesAdd() {
    Summary a = new Summary(1, 2, 3, List.of("x", "y"));
    Summary b = new Summary(10, 0, 30, List.of());
    assertEquals(new Summary(11, 2, 33, List.of("x", "y")), a.plus(b));
    assertEquals("11 passed, 2 failed, 33 skipped", a.plus(b).line());
    assertEquals("0 passed, 0 failed, 0 skipped", Summary.EMPTY.line());
  }
}
