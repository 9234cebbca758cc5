package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.ControlSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isola run} and {@code isola swap}, end to end through the command line and the control socket. */
class RunCommandTest {
  @TempDir
  Path dir;

  private static final String LOGGER = """
      (module
        (import "isola:sys" "log" (func $log (param i32 i32 i32)))
        (memory 1)
        (data (i32.const 0) "WORD")
        (func (export "tick") (call $log (i32.const 2) (i32.const 0) (i32.const 2))))
      """;

  private static byte[] wat(String text) {
    return dev.isola.wasm.binary.ModuleEncoder.encode(dev.isola.wasm.text.TextParser.parseModule(text));
  }

  private Path system(String extra) {
    Cli.write(dir, "v1.wasm", wat(LOGGER.replace("WORD", "v1")));
    Cli.write(dir, "v2.wasm", wat(LOGGER.replace("WORD", "v2")));
    Cli.write(dir, "crash.wasm", wat("(module (func (export \"_start\") unreachable))"));
    return Cli.write(dir, "sys.toml", ("""
        [system]
        name = "clitest"
        cpus = 1

        [containers.worker]
        module = "v1.wasm"
        priority = 10
        [[containers.worker.contexts]]
        export = "tick"
        period = "20ms"

        [containers.crasher]
        module = "crash.wasm"
        """ + extra).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void runsForADurationAndPrintsTheSummary() {
    Cli.Result r = Cli.run("run", system("").toString(), "--for", "400ms", "--socket", dir.resolve("s").toString());
    assertEquals(0, r.status(), r.stderr());
    assertTrue(r.stderr().startsWith("isola: system clitest: 2 containers on 1 CPU; control socket "), r.stderr());
    assertTrue(r.out().contains("worker | v1\n"), r.out());
    assertTrue(r.out().contains("crasher | [kernel] trapped in _start"), r.out());
    assertTrue(r.out().contains("system clitest: ran "), r.out());
    String header = r.out().lines().filter(l -> l.startsWith("  container")).findFirst().orElseThrow();
    for (String column : new String[] {"cpu", "budget used", "periods", "deadline misses", "worst lateness",
        "traps", "restarts", "portal calls", "duty cycle"}) {
      assertTrue(header.contains(column), header);
    }
    String crasher = r.out().lines().filter(l -> l.startsWith("  crasher")).findFirst().orElseThrow();
    assertTrue(crasher.matches(".*stopped .* 1 +0 +0 .*"), crasher);
  }

  @Test
  void refusesToStartASystemWithProblemsAndPrintsThemAll() {
    Path file = Cli.write(dir, "bad.toml", """
        [containers.a]
        module = "missing.wasm"
        priority = 200
        """.getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("run", file.toString(), "--for", "1s");
    assertEquals(ExitCode.SYSTEM_FILE.code(), r.status());
    assertEquals("", r.out());
    assertTrue(r.stderr().endsWith("; nothing started\n"), r.stderr());
    assertTrue(r.stderr().contains("containers.a.priority"), r.stderr());
  }

  @Test
  void swapTalksToTheRunningSystem() throws Exception {
    Path sys = system("");
    String socket = dir.resolve("s").toString();
    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(
        () -> Cli.run("run", sys.toString(), "--for", "6s", "--socket", socket, "--swap-grace", "200ms"));
    Path s = dir.resolve("s");
    for (int i = 0; i < 400 && !java.nio.file.Files.exists(s); i++) {
      Thread.sleep(10);
    }
    Cli.Result refused = Cli.run("swap", sys.toString(), "worker", dir.resolve("crash.wasm").toString(),
        "--socket", socket);
    assertEquals(ExitCode.SWAP_FAILED.code(), refused.status(), refused.stderr());
    assertTrue(refused.stderr().startsWith("refused: worker: "), refused.stderr());
    Cli.Result swapped = Cli.run("swap", sys.toString(), "worker", dir.resolve("v2.wasm").toString(),
        "--socket", socket);
    assertEquals(0, swapped.status(), swapped.stderr());
    assertEquals("swapped: worker runs the new module\n", swapped.out());
    Cli.Result r = run.get(60, TimeUnit.SECONDS);
    assertTrue(r.out().contains("worker | v2\n"), r.out());
    Cli.Result nobody = Cli.run("swap", sys.toString(), "worker", dir.resolve("v2.wasm").toString(),
        "--socket", socket);
    assertEquals(ExitCode.IO_ERROR.code(), nobody.status());
    assertTrue(nobody.stderr().startsWith("isola: no running system answers on "), nobody.stderr());
  }

  @Test
  void runAndSwapTakeADirectoryForItsSystemToml() throws Exception {
    Files.copy(system(""), dir.resolve("system.toml"));
    Cli.Result r = Cli.run("run", dir.toString(), "--for", "400ms", "--socket", dir.resolve("s").toString());
    assertEquals(0, r.status(), r.stderr());
    assertTrue(r.out().contains("worker | v1\n"), r.out());
    // swap reads the directory's system.toml for the system's name, hence its default socket: nobody answers there.
    Cli.Result swap = Cli.run("swap", dir.toString(), "worker", dir.resolve("v2.wasm").toString());
    assertEquals(ExitCode.IO_ERROR.code(), swap.status(), swap.stderr());
    assertTrue(swap.stderr().startsWith("isola: no running system answers on " + ControlSocket.defaultPath("clitest")),
        swap.stderr());
  }
}
