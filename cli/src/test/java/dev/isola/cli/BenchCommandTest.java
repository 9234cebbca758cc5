package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code isola bench}: W+R runs on fresh instances, the output passed through, one STEADY_MS per measured run. */
class BenchCommandTest {
  @TempDir
  Path dir;

  private String module(String name, byte[] bytes) {
    return Cli.write(dir, name, bytes).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "compiled", "auto"})
  void runsWarmupPlusRunsTimesAndPrintsOneLinePerMeasuredRun(String tier) {
    Cli.Result r = Cli.run("bench", "--tier", tier, "--warmup", "2", "--runs", "3",
        module("echo.wasm", TestModules.echo()), "a", "--runs");
    assertEquals(0, r.status(), r.stderr());
    // The program's output, unchanged, once per run: 2 + 3; its arguments (options included) are its own.
    assertArrayEquals("echo.wasm\0a\0--runs\0".repeat(5).getBytes(StandardCharsets.UTF_8), r.stdout(), r.out());
    List<String> lines = TierOptionTest.withoutFallback(r.stderr()).lines().toList();
    assertEquals(4, lines.size(), r.stderr());
    for (String line : lines.subList(0, 3)) {
      assertTrue(line.matches("STEADY_MS \\d+\\.\\d{3}"), line);
    }
    String expectedTier = tier.equals("interp") ? "interp" : "(interp|compiled)";
    assertTrue(lines.get(3).matches("MEDIAN_MS \\d+\\.\\d{3} \\(3 runs after 2 warm-up, min \\d+\\.\\d{3}, max "
        + "\\d+\\.\\d{3}, tier " + expectedTier + "\\)"), lines.get(3));
  }

  @Test
  void medianIsTheMiddleOrTheMeanOfTheTwoMiddles() {
    assertEquals(2.0, BenchCommand.median(new double[] {1, 2, 9}));
    assertEquals(2.5, BenchCommand.median(new double[] {1, 2, 3, 9}));
    assertEquals(4.0, BenchCommand.median(new double[] {4}));
  }

  @Test
  void eachRunGetsAFreshInstance() {
    // The counter module increments a global and exits with its value: 1 every time if each run is fresh.
    WasmBuilder b = new WasmBuilder();
    int procExit = b.importFunc(TestModules.WASI, "proc_exit", new int[] {WasmBuilder.I32}, new int[] {});
    int start = b.func("start", new int[] {}, new int[] {}, new WasmBuilder.Bytes()
        .op(0x23, 0).i32Const(1).op(0x6A).op(0x24, 0) // global.set 0 (global.get 0 + 1)
        .op(0x23, 0).i32Const(1).op(0x47) // global.get 0 != 1
        .call(procExit));
    String file = module("counter.wasm",
        b.memory(1).mutableI32Global(0).export("memory", 2, 0).exportFunc("_start", start).build());
    // Exits with 0 (global == 1) on each of the 4 runs, so the bench completes.
    Cli.Result r = Cli.run("bench", "--tier", "interp", "--warmup", "1", "--runs", "3", file);
    assertEquals(0, r.status(), r.stderr());
    assertEquals(3, r.stderr().lines().filter(l -> l.startsWith("STEADY_MS ")).count(), r.stderr());
  }

  @Test
  void aFailingRunEndsTheBenchWithItsStatus() {
    Cli.Result r = Cli.run("bench", "--warmup", "0", "--runs", "5", module("exit.wasm", TestModules.exiting(3)));
    assertEquals(3, r.status(), r.stderr());
    assertEquals("", TierOptionTest.withoutFallback(r.stderr()));
  }

  @Test
  void aTrapIsReportedAsByExec() {
    Cli.Result r = Cli.run("bench", module("traps.wasm", TestModules.trapping()));
    assertEquals(ExitCode.TRAP.code(), r.status(), r.stderr());
    assertTrue(TierOptionTest.withoutFallback(r.stderr()).startsWith("trap: unreachable\n  at "), r.stderr());
  }

  @Test
  void notACommand() {
    String file = module("lib.wasm", new WasmBuilder().build());
    Cli.Result r = Cli.run("bench", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    assertEquals(file + ": not a WASI command: it exports no function _start\n",
        TierOptionTest.withoutFallback(r.stderr()));
  }

  @Test
  void badCounts() {
    String file = module("ret.wasm", TestModules.returning());
    Cli.Result r = Cli.run("bench", "--runs", "0", file);
    assertEquals(ExitCode.USAGE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().contains("--runs must be at least 1: 0"), r.stderr());
    r = Cli.run("bench", "--warmup", "-1", file);
    assertEquals(ExitCode.USAGE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().contains("--warmup must not be negative: -1"), r.stderr());
  }
}
