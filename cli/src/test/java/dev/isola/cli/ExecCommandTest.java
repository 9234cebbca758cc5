package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.cli.WasmBuilder.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecCommandTest {
  @TempDir
  Path dir;

  private String module(String name, byte[] bytes) {
    return Cli.write(dir, name, bytes).toString();
  }

  @Test
  void procExitStatusPassesThrough() {
    Cli.Result r = Cli.run("exec", module("exit.wasm", TestModules.exiting(7)));
    assertEquals(7, r.status(), r.stderr());
    assertEquals("", r.stderr());
  }

  @Test
  void procExitZero() {
    assertEquals(0, Cli.run("exec", module("exit.wasm", TestModules.exiting(0))).status());
  }

  @Test
  void returningFromStartIsSuccess() {
    Cli.Result r = Cli.run("exec", module("ret.wasm", TestModules.returning()));
    assertEquals(0, r.status(), r.stderr());
  }

  @Test
  void argvZeroIsTheFileNameAndOptionsAfterTheModuleBelongToTheGuest() {
    Cli.Result r = Cli.run("exec", "--env", "A=1", "--env", "B=x=y", module("echo.wasm", TestModules.echo()),
        "a", "--fuel", "-b");
    assertEquals(0, r.status(), r.stderr());
    assertArrayEquals(bytes("echo.wasm\0a\0--fuel\0-b\0" + "A=1\0B=x=y\0"), r.stdout(), r.out());
  }

  @Test
  void environmentIsEmptyWithoutEnv() {
    Cli.Result r = Cli.run("exec", module("echo.wasm", TestModules.echo()));
    assertEquals(0, r.status(), r.stderr());
    assertArrayEquals(bytes("echo.wasm\0"), r.stdout(), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "compiled"})
  void trapPrintsKindAndStackWithFunctionNames(String tier) {
    Cli.Result r = Cli.run("exec", "--tier", tier, module("traps.wasm", TestModules.trapping()));
    assertEquals(ExitCode.TRAP.code(), r.status(), r.stderr());
    List<String> lines = TierOptionTest.withoutFallback(r.stderr()).lines().toList();
    assertEquals("trap: unreachable", lines.get(0), r.stderr());
    assertEquals(4, lines.size(), r.stderr());
    // Both tiers name the trapping instruction's byte offset and each caller's call site.
    String offset = " @0x[0-9a-f]+";
    assertTrue(Pattern.matches("  at (traps!)?inner" + offset, lines.get(1)), r.stderr());
    assertTrue(Pattern.matches("  at (traps!)?middle" + offset, lines.get(2)), r.stderr());
    assertTrue(Pattern.matches("  at (traps!)?start" + offset, lines.get(3)), r.stderr());
  }

  @Test
  void trapTraceIsTheSameOnBothTiers() {
    byte[] wasm = TestModules.trapping();
    Cli.Result interp = Cli.run("exec", "--tier", "interp", module("traps.wasm", wasm));
    Cli.Result compiled = Cli.run("exec", "--tier", "compiled", module("traps.wasm", wasm));
    assertEquals(TierOptionTest.withoutFallback(interp.stderr()), TierOptionTest.withoutFallback(compiled.stderr()));
  }

  @Test
  void deepStackIsShortened() {
    Cli.Result r = Cli.run("exec", module("deep.wasm", TestModules.recursing()));
    assertEquals(ExitCode.TRAP.code(), r.status(), r.stderr());
    List<String> lines = r.stderr().lines().toList();
    assertEquals("trap: call stack exhausted", lines.get(0));
    // 20 innermost frames, the count of those left out, 10 outermost frames.
    assertEquals(1 + 20 + 1 + 10, lines.size(), r.stderr());
    assertTrue(lines.get(1).startsWith("  at recurse"), r.stderr());
    assertTrue(lines.get(21).matches("  \\.\\.\\. \\d+ more frames"), r.stderr());
    assertTrue(lines.getLast().startsWith("  at start"), r.stderr());
  }

  @Test
  void fuelEndsAnInfiniteLoop() {
    Cli.Result r = Cli.run("exec", "--fuel", "100000", module("spin.wasm", TestModules.infiniteLoop()));
    assertEquals(ExitCode.TRAP.code(), r.status(), r.stderr());
    assertTrue(r.stderr().startsWith("trap: out of fuel\n  at spin"), r.stderr());
  }

  @Test
  void timeoutEndsAnInfiniteLoop() {
    Cli.Result r = Cli.run("exec", "--timeout", "100ms", module("spin.wasm", TestModules.infiniteLoop()));
    assertEquals(ExitCode.TRAP.code(), r.status(), r.stderr());
    assertTrue(r.stderr().startsWith("trap: deadline exceeded\n  at spin"), r.stderr());
  }

  @Test
  void malformedModuleNamesTheByteOffsetAndSection() {
    String file = module("bad.wasm", TestModules.malformed());
    Cli.Result r = Cli.run("exec", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    assertTrue(Pattern.matches(Pattern.quote(file) + ": malformed module at byte \\d+ \\(0x[0-9a-f]+\\) in the type section: .+\n",
        r.stderr()), r.stderr());
    UsageTest.assertNoStackTrace(r);
  }

  @Test
  void invalidModuleNamesTheFunction() {
    String file = module("invalid.wasm", TestModules.invalid());
    Cli.Result r = Cli.run("exec", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    // exec decodes before it validates, so the function's name is known when validation fails
    assertTrue(r.stderr().startsWith(file + ": invalid module in func 1 ($bad) at byte "), r.stderr());
    assertTrue(r.stderr().endsWith(": type mismatch\n"), r.stderr());
    assertEquals(1, r.stderr().lines().count(), r.stderr());
  }

  @Test
  void moduleWithoutStartIsNotACommand() {
    String file = module("lib.wasm", new WasmBuilder().build());
    Cli.Result r = Cli.run("exec", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    assertEquals(file + ": not a WASI command: it exports no function _start\n", r.stderr());
  }

  @Test
  void startWithParametersIsNotACommand() {
    WasmBuilder b = new WasmBuilder();
    int start = b.func("start", new int[] {WasmBuilder.I32}, new int[] {}, new Bytes());
    String file = module("param.wasm", b.exportFunc("_start", start).build());
    Cli.Result r = Cli.run("exec", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    assertEquals(file + ": not a WASI command: its _start has type (i32) -> (), not () -> ()\n", r.stderr());
  }

  @Test
  void directoryIsNamedInTheError() {
    Cli.Result r = Cli.run("exec", dir.toString());
    assertEquals(ExitCode.IO_ERROR.code(), r.status(), r.stderr());
    assertEquals("isola: " + dir + ": is a directory, not a module file\n", r.stderr());
  }

  @Test
  void unlinkableModuleNamesTheImport() {
    WasmBuilder b = new WasmBuilder();
    b.importFunc("env", "missing_function", new int[] {}, new int[] {});
    int start = b.func("start", new int[] {}, new int[] {}, new Bytes());
    String file = module("unlinkable.wasm", b.exportFunc("_start", start).build());
    Cli.Result r = Cli.run("exec", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().startsWith(file + ": unlinkable module: unknown import"), r.stderr());
    assertTrue(r.stderr().contains("env.missing_function"), r.stderr());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
