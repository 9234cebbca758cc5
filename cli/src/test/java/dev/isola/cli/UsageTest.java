package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line: exit status 2, a message that says what is wrong, never a stack trace. */
class UsageTest {
  @TempDir
  Path dir;

  private static void assertUsageError(Cli.Result r, String expected) {
    assertEquals(ExitCode.USAGE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().contains(expected), () -> "expected '" + expected + "' in: " + r.stderr());
    assertTrue(r.stderr().contains("--help"), r.stderr());
    assertNoStackTrace(r);
  }

  static void assertNoStackTrace(Cli.Result r) {
    assertFalse(r.stderr().contains("\tat "), r.stderr());
    assertFalse(r.stderr().contains("Exception"), r.stderr());
  }

  @Test
  void noCommand() {
    assertUsageError(Cli.run(), "missing command");
  }

  @Test
  void unknownCommand() {
    assertUsageError(Cli.run("frobnicate"), "frobnicate");
  }

  @Test
  void execWithoutModule() {
    assertUsageError(Cli.run("exec"), "MODULE.wasm");
  }

  @Test
  void unknownOption() {
    assertUsageError(Cli.run("validate", "--frob", "m.wasm"), "--frob");
  }

  @Test
  void fuelMustBeANumber() {
    assertUsageError(Cli.run("exec", "--fuel", "lots", "m.wasm"), "--fuel");
  }

  @Test
  void negativeFuel() {
    Path m = Cli.write(dir, "m.wasm", TestModules.returning());
    assertUsageError(Cli.run("exec", "--fuel", "-1", m.toString()), "--fuel must not be negative");
  }

  @Test
  void timeoutNeedsAUnit() {
    assertUsageError(Cli.run("exec", "--timeout", "5", "m.wasm"), "'5' is not a duration");
  }

  @Test
  void envNeedsNameAndValue() {
    assertUsageError(Cli.run("exec", "--env", "NOVALUE", "m.wasm"), "NOVALUE");
  }

  @Test
  void dirMustExist() {
    String missing = dir.resolve("missing").toString();
    assertUsageError(Cli.run("exec", "--dir", missing, "m.wasm"), "is not a directory");
  }

  @Test
  void helpListsTheCommandsAndExitStatuses() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.status());
    for (String command : new String[] {"exec", "wast", "validate", "inspect", "Exit status"}) {
      assertTrue(r.out().contains(command), r.out());
    }
  }

  @Test
  void version() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("isola "), r.out());
  }

  @Test
  void missingFileIsAnIoError() {
    String missing = dir.resolve("nope.wasm").toString();
    Cli.Result r = Cli.run("validate", missing);
    assertEquals(ExitCode.IO_ERROR.code(), r.status());
    assertEquals("isola: " + missing + ": no such file\n", r.stderr());
  }
}
