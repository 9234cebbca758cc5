package dev.isola.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's checks of what contenders report, without starting any process. */
class MeasurementTest {
  private static final Kernel FIB = new Kernel("fib", Path.of("fib.wasm"), Path.of("fib"), List.of());

  @Test
  void theFirstContenderSetsTheExpectedOutputFromItsRepeatedRuns() {
    var expected = new String[1];
    BenchRunner.check(FIB, 0, "fib\n610\n".repeat(3), 3, expected);
    assertEquals("fib\n610\n", expected[0]);
    BenchRunner.check(FIB, 0, "fib\n610\n", 1, expected);
  }

  @Test
  void anyRunThatPrintedSomethingElseOrExitedNonZeroFails() {
    var expected = new String[] {"610\n"};
    assertThrows(IllegalStateException.class, () -> BenchRunner.check(FIB, 0, "610\n611\n", 2, expected));
    assertThrows(IllegalStateException.class, () -> BenchRunner.check(FIB, 0, "610\n", 2, expected));
    assertThrows(IllegalStateException.class, () -> BenchRunner.check(FIB, 3, "610\n", 1, expected));
    // The first contender's runs must agree among themselves too.
    assertThrows(IllegalStateException.class, () -> BenchRunner.check(FIB, 0, "610\n611\n", 2, new String[1]));
  }

  @Test
  void aLaunchedSteadyStateReportsItsMeasuredRunsAndMode() {
    var child = new ChildProcess(List.of("isola"), "610\n610\n",
        "warming up\nMODE GraalVM CE\nSTEADY_MS 12.5\nMEDIAN_MS 12.5\n", 0, 1);
    SteadyRuns runs = LaunchedContender.parse(child, 1);
    assertArrayEquals(new long[] {12_500_000}, runs.nanos());
    assertEquals("GraalVM CE", runs.mode());
    assertEquals("610\n610\n", runs.stdout());
  }

  @Test
  void aLaunchedSteadyStateWithTooFewRunsOrThatRanNothingFails() {
    var tooFew = new ChildProcess(List.of("isola"), "610\n", "STEADY_MS 1.0\n", 0, 1);
    assertThrows(IllegalStateException.class, () -> LaunchedContender.parse(tooFew, 2));
    var broken = new ChildProcess(List.of("isola"), "", "isola: no such command bench\n", 2, 1);
    var e = assertThrows(IllegalStateException.class, () -> LaunchedContender.parse(broken, 1));
    assertEquals("exited with status 2: isola: no such command bench", e.getMessage());
  }

  @Test
  void graalWasmGetsJvmciOnlyWhenTheCompilerJarsAreThere(@org.junit.jupiter.api.io.TempDir Path jars) {
    var jvm = new ChildJvm("java", "cp", ChildJvm.DEFAULT_OPTIONS);
    List<String> with = jvm.withGraalCompiler(jars).steadyStatePrefix("graalwasm");
    assertEquals(true, with.contains("-XX:+EnableJVMCI"), with.toString());
    assertEquals(true, with.contains("--upgrade-module-path=" + jars.toAbsolutePath()), with.toString());
    List<String> without = jvm.withGraalCompiler(jars.resolve("missing")).steadyStatePrefix("graalwasm");
    assertEquals(false, without.contains("-XX:+EnableJVMCI"), without.toString());
    assertEquals(List.of("--contender", "graalwasm"), without.subList(without.size() - 2, without.size()));
  }
}
