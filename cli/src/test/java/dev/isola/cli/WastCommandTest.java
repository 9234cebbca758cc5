package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.cli.WasmBuilder.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastCommandTest {
  @TempDir
  Path dir;

  /** A script with one module exporting {@code add} and one assertion that {@code add(1, 2)} is {@code sum}. */
  private String script(int sum) {
    WasmBuilder b = new WasmBuilder();
    int[] ii = {WasmBuilder.I32, WasmBuilder.I32};
    int add = b.func("add", ii, new int[] {WasmBuilder.I32}, new Bytes().op(0x20, 0, 0x20, 1, 0x6A));
    Cli.write(dir, "add.0.wasm", b.exportFunc("add", add).build());
    String json = """
        {"source_filename": "add.wast", "commands": [
          {"type": "module", "line": 1, "filename": "add.0.wasm"},
          {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "add",
            "args": [{"type": "i32", "value": "1"}, {"type": "i32", "value": "2"}]},
            "expected": [{"type": "i32", "value": "%d"}]}]}
        """.formatted(sum);
    return Cli.write(dir, "add.json", json.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Test
  void passingScriptEndsWithTheSummary() {
    Cli.Result r = Cli.run("wast", script(3));
    assertEquals(0, r.status(), r.out() + r.stderr());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.getLast().matches("[1-9]\\d* passed, 0 failed, 0 skipped"), r.out());
  }

  @Test
  void failureIsPrintedAndExitsWithOne() {
    Cli.Result r = Cli.run("wast", script(4));
    assertEquals(ExitCode.FAILED.code(), r.status(), r.out() + r.stderr());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.getLast().matches("\\d+ passed, 1 failed, 0 skipped"), r.out());
    assertTrue(lines.get(lines.size() - 2).startsWith("add.wast:2: "), r.out());
  }

  @Test
  void brokenJsonIsOneLine() {
    String file = Cli.write(dir, "broken.json", "{\"commands\": [".getBytes(StandardCharsets.UTF_8)).toString();
    Cli.Result r = Cli.run("wast", file);
    assertEquals(ExitCode.IO_ERROR.code(), r.status());
    assertTrue(r.stderr().startsWith("isola: cannot read " + file + ": "), r.stderr());
    assertEquals(1, r.stderr().lines().count(), r.stderr());
  }

  @Test
  void missingScript() {
    Cli.Result r = Cli.run("wast", dir.resolve("none.json").toString());
    assertEquals(ExitCode.IO_ERROR.code(), r.status());
    assertTrue(r.stderr().endsWith("none.json: no such file\n"), r.stderr());
  }
}
