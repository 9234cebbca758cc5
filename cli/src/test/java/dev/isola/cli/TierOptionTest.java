package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.cli.WasmBuilder.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --tier} of {@code exec} and {@code wast}: every tier gives the program the same behaviour. */
class TierOptionTest {
  @TempDir
  Path dir;

  private String module(String name, byte[] bytes) {
    return Cli.write(dir, name, bytes).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "compiled", "auto"})
  void everyTierRunsTheProgramAlike(String tier) {
    Cli.Result r = Cli.run("exec", "--tier", tier, "--env", "A=1", module("echo.wasm", TestModules.echo()), "x");
    assertEquals(0, r.status(), r.stderr());
    assertEquals("", withoutFallback(r.stderr()));
    assertArrayEquals("echo.wasm\0x\0A=1\0".getBytes(StandardCharsets.UTF_8), r.stdout(), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "compiled", "auto"})
  void everyTierPassesTheExitStatusAndTraps(String tier) {
    assertEquals(7, Cli.run("exec", "--tier", tier, module("exit.wasm", TestModules.exiting(7))).status());
    Cli.Result r = Cli.run("exec", "--tier", tier, module("traps.wasm", TestModules.trapping()));
    assertEquals(ExitCode.TRAP.code(), r.status(), r.stderr());
    assertTrue(withoutFallback(r.stderr()).startsWith("trap: unreachable\n"), r.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "compiled", "auto"})
  void fuelStopsEveryTier(String tier) {
    Cli.Result r = Cli.run("exec", "--tier", tier, "--fuel", "100000", module("spin.wasm", TestModules.infiniteLoop()));
    assertEquals(ExitCode.TRAP.code(), r.status(), r.stderr());
    assertTrue(withoutFallback(r.stderr()).startsWith("trap: out of fuel\n"), r.stderr());
  }

  /**
   * {@code stderr} without the warning that the compiler fell back to the interpreter: these tests are about the
   * command line, and hold whether or not the compiler translates their modules yet.
   */
  static String withoutFallback(String stderr) {
    return stderr.lines()
        .filter(l -> !l.matches("isola: warning: .+: runs on the interpreter: the compiler cannot translate .+"))
        .map(l -> l + "\n")
        .collect(java.util.stream.Collectors.joining());
  }

  @Test
  void fallbackIsNeverSilent() {
    Cli.Result r = Cli.run("exec", "--tier", "compiled", module("echo.wasm", TestModules.echo()));
    assertEquals(0, r.status(), r.stderr());
    assertEquals("", withoutFallback(r.stderr()));
    // Either the compiler translated it (nothing said) or one line says that it did not.
    assertTrue(r.stderr().isEmpty() || r.stderr().lines().count() == 1, r.stderr());
  }

  @Test
  void unknownTierIsAUsageErrorNamingTheChoices() {
    Cli.Result r = Cli.run("exec", "--tier", "jit", module("ret.wasm", TestModules.returning()));
    assertEquals(ExitCode.USAGE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().contains("unknown tier 'jit' (choose interp, compiled, auto)"), r.stderr());
    UsageTest.assertNoStackTrace(r);
  }

  @Test
  void helpNamesTheDefaultTier() {
    Cli.Result r = Cli.run("exec", "--help");
    assertTrue(r.out().contains("--tier=TIER"), r.out());
    assertTrue(r.out().contains("(default: auto)"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "compiled", "auto"})
  void wastRunsOnEveryTier(String tier) {
    WasmBuilder b = new WasmBuilder();
    int[] ii = {WasmBuilder.I32, WasmBuilder.I32};
    int sub = b.func("sub", ii, new int[] {WasmBuilder.I32}, new Bytes().op(0x20, 0, 0x20, 1, 0x6B));
    Cli.write(dir, "sub.0.wasm", b.exportFunc("sub", sub).build());
    String json = """
        {"source_filename": "sub.wast", "commands": [
          {"type": "module", "line": 1, "filename": "sub.0.wasm"},
          {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "sub",
            "args": [{"type": "i32", "value": "1"}, {"type": "i32", "value": "2"}]},
            "expected": [{"type": "i32", "value": "4294967295"}]}]}
        """;
    Path script = Cli.write(dir, "sub.json", json.getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("wast", "--tier", tier, script.toString());
    assertEquals(0, r.status(), r.out() + r.stderr());
    assertEquals("2 passed, 0 failed, 0 skipped", r.out().lines().toList().getLast(), r.out());
  }
}
