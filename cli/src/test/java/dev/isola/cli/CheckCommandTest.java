package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir
  Path dir;

  private static Path demo() {
    String root = System.getProperty("isola.root");
    return (root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize())
        .resolve("examples/systems/demo/system.toml");
  }

  @Test
  void theDemoSystemIsSummarised() {
    Cli.Result r = Cli.run("check", demo().toString());
    assertEquals(0, r.status(), r.stderr());
    assertEquals("", r.stderr());
    assertTrue(r.out().startsWith(demo() + ": ok: system demo, 2 CPUs, slice 5ms, tier auto, 0.65 CPU reserved"),
        r.out());
    assertTrue(r.out().contains("sensor     50    high    4ms/10ms   1MiB    on-failure  sample every 10ms, report"),
        r.out());
    assertTrue(r.out().contains("  region frames: 64KiB, mapped by camera rw, viewer ro\n"), r.out());
    assertTrue(r.out().contains("  portal thermo: exported by sensor (read_celsius, read_raw), imported by display\n"),
        r.out());
  }

  @Test
  void everyProblemIsOneLineAndTheStatusIsSeven() {
    Path file = Cli.write(dir, "bad.toml", """
        [system]
        cpus = "two"

        [containers.a]
        module = "missing.wasm"
        priority = 200
        """.getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("check", file.toString());
    assertEquals(ExitCode.SYSTEM_FILE.code(), r.status());
    assertEquals("", r.out());
    assertEquals(file + ":2:1: system.cpus: expected an integer, found a string \"two\"\n"
        + file + ":6:1: containers.a.priority: must be between 0 and 99, found 200\n"
        + "2 problems\n", r.stderr());
  }

  @Test
  void moduleProblemsComeAfterTheFileIsClean() {
    Path file = Cli.write(dir, "sys.toml", """
        [containers.a]
        module = "missing.wasm"
        """.getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("check", file.toString());
    assertEquals(ExitCode.SYSTEM_FILE.code(), r.status());
    assertEquals(file + ":2:1: containers.a.module: no such file: missing.wasm\n1 problem\n", r.stderr());
  }

  @Test
  void aMissingFileIsOneLine() {
    Cli.Result r = Cli.run("check", dir.resolve("none.toml").toString());
    assertEquals(ExitCode.SYSTEM_FILE.code(), r.status());
    assertEquals(dir.resolve("none.toml") + ": no such file\n1 problem\n", r.stderr());
  }

  @Test
  void aDirectoryStandsForItsSystemToml() {
    Cli.Result r = Cli.run("check", demo().getParent().toString());
    assertEquals(0, r.status(), r.stderr());
    assertTrue(r.out().startsWith(demo() + ": ok: system demo"), r.out());
    Cli.Result empty = Cli.run("check", dir.toString());
    assertEquals(ExitCode.SYSTEM_FILE.code(), empty.status());
    assertEquals(dir.resolve("system.toml") + ": no such file\n1 problem\n", empty.stderr());
  }
}
