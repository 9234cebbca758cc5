package dev.isola.cli.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The C compilers the corpus tests need: {@code clang-19} for wasm32-wasi (Debian's clang-19, lld-19, wasi-libc
 * and libclang-rt-19-dev-wasm32) and the host's {@code cc}. Tests call {@link #assumeAvailable()} so a machine
 * without them skips rather than fails; CI installs them. Public for the other end-to-end tests that rebuild
 * committed modules (the greenhouse's).
 */
public final class Toolchain {
  private static Boolean available;

  private Toolchain() {}

  static synchronized boolean available() {
    if (available == null) {
      available = runs("clang-19", "--version") && runs("cc", "--version");
    }
    return available;
  }

  public static void assumeAvailable() {
    assumeTrue(available(), "clang-19 or cc not found: install clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32"
        + " (CI does) to compile the C corpus");
  }

  /** The repository's root, from the build's {@code isola.root} (the working directory's parent otherwise). */
  public static Path root() {
    String root = System.getProperty("isola.root");
    return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
  }

  /** This module's build folder ({@code target}, or whatever {@code -Disola.target} named). */
  static Path buildDir() {
    try {
      Path testClasses = Path.of(Toolchain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void compileWasm(Path source, Path output) throws IOException, InterruptedException {
    // bin/wasm-cc: the one recipe, shared with examples/hello/build.sh and bench/run.sh
    check(List.of("bash", root().resolve("bin/wasm-cc").toString(), "-o", output.toString(), source.toString(),
        "-lm"));
  }

  static void compileNative(Path source, Path output) throws IOException, InterruptedException {
    check(List.of("cc", "-O2", "-Wall", "-Werror", "-o", output.toString(), source.toString(), "-lm"));
  }

  /** Runs {@code command} in {@code dir} with exactly {@code env} and {@code stdin}; returns status and stdout. */
  static Result run(List<String> command, Path dir, Map<String, String> env, String stdin)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    // Written from another thread: a program that prints while it reads could otherwise fill the pipe and block.
    Thread feeder = Thread.ofVirtual().start(() -> {
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The program exited without reading everything: what it printed is still compared.
      }
    });
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    feeder.join();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return new Result(process.exitValue(), stdout);
  }

  record Result(int status, String stdout) {}

  /** Runs a build command; throws with its output if it fails. */
  public static void check(List<String> command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
