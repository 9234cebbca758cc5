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
import picocli.CommandLine;

/**
 * A smoke run of the runner on every kernel with tiny arguments (not a measurement: one run each), so a kernel
 * that prints different output on an engine, or a runner that cannot drive one, fails the build. Skipped without
 * clang-19, which CI installs.
 */
class BenchRunnerTest {
  @TempDir static Path kernels;

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
  void everyKernelAgreesOnEveryContender() {
    var out = new ByteArrayOutputStream();
    var args = new ArrayList<>(List.of("--kernels", kernels.toString(), "--warmup", "0", "--runs", "1"));
    args.addAll(TINY_ARGS);
    int status = new CommandLine(new BenchRunner(new PrintStream(out, true, StandardCharsets.UTF_8)))
        .execute(args.toArray(String[]::new));

    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, text);
    for (String kernel : List.of("crc32", "fib", "mandelbrot", "matmul", "nbody", "quicksort", "sieve")) {
      assertTrue(text.contains("| " + kernel + " |"), kernel + " missing from\n" + text);
    }
    // fib(15) = 610: the checksum column shows the agreed output, not just any output.
    assertTrue(text.contains("| 610 |"), text);
  }

  @Test
  void aKernelWhoseOutputsDifferFailsTheRun() throws IOException {
    // A "kernel" whose native side prints something else than its wasm side must not produce a result.
    Files.copy(kernels.resolve("fib.wasm"), kernels.resolve("liar.wasm"));
    Files.copy(kernels.resolve("sieve"), kernels.resolve("liar"));
    try {
      var out = new ByteArrayOutputStream();
      int status = new CommandLine(new BenchRunner(new PrintStream(out, true, StandardCharsets.UTF_8)))
          .execute("--kernels", kernels.toString(), "--only", "liar", "--contenders", "native,chicory",
              "--warmup", "0", "--runs", "1", "--arg", "liar=20");
      assertEquals(1, status, out.toString(StandardCharsets.UTF_8));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED"));
    } finally {
      Files.delete(kernels.resolve("liar.wasm"));
      Files.delete(kernels.resolve("liar"));
    }
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
