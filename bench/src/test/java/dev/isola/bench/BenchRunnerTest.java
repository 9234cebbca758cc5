package dev.isola.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke runs of the runner with tiny arguments (not a measurement: one run each), so a kernel that prints
 * different output on an engine, or a runner that cannot drive one, fails the build. The in-JVM engines run every
 * kernel; the contenders that start processes of their own (GraalWasm, node, whole-process times) run one kernel,
 * which keeps the test to seconds. Skipped without clang-19, which CI installs.
 */
class BenchRunnerTest {
  @TempDir static Path kernels;

  private static final List<String> KERNELS =
      List.of("crc32", "fib", "mandelbrot", "matmul", "nbody", "quicksort", "sieve");
  private static final List<String> TINY_ARGS = List.of(
      "--arg", "crc32=1", "--arg", "fib=15", "--arg", "mandelbrot=40", "--arg", "matmul=12",
      "--arg", "nbody=100", "--arg", "quicksort=500", "--arg", "sieve=5000");

  @BeforeAll
  static void buildKernels() throws IOException, InterruptedException {
    assumeTrue(runs("clang-19", "--version") && runs("cc", "--version"),
        "clang-19 or cc not found: install clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 (CI does)");
    Path sources = Path.of(System.getProperty("isola.root", ".."), "bench/kernels");
    try (var files = Files.list(sources)) {
      for (Path source : files.filter(p -> p.toString().endsWith(".c")).toList()) {
        String name = source.getFileName().toString().replaceFirst("\\.c$", "");
        build(List.of("clang-19", "--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-Wl,--strip-debug",
            "-o", kernels.resolve(name + ".wasm").toString(), source.toString(), "-lm"));
        build(List.of("cc", "-O2", "-o", kernels.resolve(name).toString(), source.toString(), "-lm"));
      }
    }
  }

  @Test
  void everyKernelAgreesOnEveryJvmEngine() {
    Result result = bench("--contenders", "native,isola-interp,chicory-compiled,chicory-interp", "--measure", "steady");
    assertEquals(0, result.status(), result.text());
    for (String kernel : KERNELS) {
      assertTrue(result.text().contains("| " + kernel + " |"), kernel + " missing from\n" + result.text());
    }
    // fib(15) = 610: the checksum column shows the agreed output, not just any output.
    assertTrue(result.text().contains("| 610 |"), result.text());
  }

  @Test
  void theCompiledTierAgreesOnEveryKernel() {
    Result result = bench("--contenders", "native,isola-compiled", "--measure", "steady");
    assertEquals(0, result.status(), result.text());
    assertTrue(result.text().contains("| 610 |"), result.text());
  }

  @Test
  void graalWasmAndNodeRunInProcessesOfTheirOwnAndGraalWasmSaysHowItRan() {
    String contenders = runs("node", "--version") ? "native,graalwasm,node" : "native,graalwasm";
    Result result = bench("--contenders", contenders, "--only", "fib");
    assertEquals(0, result.status(), result.text());
    assertTrue(result.text().contains("Steady state:"), result.text());
    assertTrue(result.text().contains("Whole process:"), result.text());
    // Without --graal-compiler, GraalWasm cannot reach the Graal compiler: the runner must say so, not hide it.
    assertTrue(result.text().contains("graalwasm ran in mode: " + GraalWasmContender.FALLBACK), result.text());
    assertEquals(2, result.text().lines().filter(l -> l.startsWith("| fib |") && l.contains("| 610 |")).count(),
        result.text());
  }

  @Test
  void aContenderThatFailsIsReportedAndTheOthersStillRun() {
    Result result = bench("--contenders", "native,node,chicory-interp", "--only", "fib", "--measure", "steady",
        "--node", kernels.resolve("no-such-node").toString());
    assertEquals(1, result.status(), result.text());
    assertTrue(result.text().lines().anyMatch(l -> l.startsWith("fib") && l.contains("node") && l.contains("FAILED")),
        result.text());
    // The row has native's and Chicory's times, and a dash for node's time and ratio.
    String row = result.text().lines().filter(l -> l.startsWith("| fib |")).findFirst().orElseThrow();
    assertTrue(row.matches("\\| fib \\| [0-9.]+ \\| - \\| - \\| [0-9.]+ \\| [0-9.]+x \\| 610 \\|"), row);
  }

  @Test
  void aKernelWhoseOutputsDifferFailsTheRun() throws IOException {
    // A "kernel" whose native side prints something else than its wasm side must not produce a result.
    Files.copy(kernels.resolve("fib.wasm"), kernels.resolve("liar.wasm"));
    Files.copy(kernels.resolve("sieve"), kernels.resolve("liar"));
    try {
      Result result = bench("--only", "liar", "--contenders", "native,chicory-interp", "--measure", "steady",
          "--arg", "liar=20");
      assertEquals(1, result.status(), result.text());
      assertTrue(result.text().contains("FAILED"), result.text());
    } finally {
      Files.delete(kernels.resolve("liar.wasm"));
      Files.delete(kernels.resolve("liar"));
    }
  }

  private record Result(int status, String text) {}

  /** Runs the runner on the tiny kernels: no warm-up run and one measured run of each. */
  private static Result bench(String... options) {
    var out = new ByteArrayOutputStream();
    var args = new ArrayList<>(List.of("--kernels", kernels.toString(), "--warmup", "0", "--runs", "1"));
    args.addAll(TINY_ARGS);
    args.addAll(List.of(options));
    int status = BenchRunner.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8))
        .execute(args.toArray(String[]::new));
    return new Result(status, out.toString(StandardCharsets.UTF_8));
  }

  private static void build(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
