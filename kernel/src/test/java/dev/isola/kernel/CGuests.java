package dev.isola.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * C guests from {@code kernel/src/test/guests}, compiled with clang-19 through {@code bin/wasm-cc} (the one
 * recipe). A machine without clang-19 skips the tests that need them; CI installs it.
 */
public final class CGuests {
  private static Boolean available;

  private CGuests() {}

  /** The repository's root, from the build's {@code isola.root} (the working directory's parent otherwise). */
  public static Path root() {
    String root = System.getProperty("isola.root");
    return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
  }

  /** Compiles {@code kernel/src/test/guests/NAME.c} into {@code dir/NAME.wasm}, or skips the test. */
  public static Path compile(String name, Path dir) throws IOException, InterruptedException {
    return compile(name, dir, List.of(name));
  }

  /**
   * Compiles the translation units {@code kernel/src/test/guests/SOURCE.c} for each of {@code sources} and links
   * them into {@code dir/NAME.wasm}, or skips the test.
   */
  public static Path compile(String name, Path dir, List<String> sources) throws IOException, InterruptedException {
    assumeTrue(available(), "clang-19 not found: install clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32");
    Path out = dir.resolve(name + ".wasm");
    List<String> command = new ArrayList<>(List.of("bash", root().resolve("bin/wasm-cc").toString(), "-o",
        out.toString()));
    for (String s : sources) {
      command.add(root().resolve("kernel/src/test/guests/" + s + ".c").toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("bin/wasm-cc failed for " + sources + ":\n" + output);
    }
    return out;
  }

  static synchronized boolean available() {
    if (available == null) {
      try {
        Process p = new ProcessBuilder("clang-19", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0
            && Files.isRegularFile(root().resolve("bin/wasm-cc"));
      } catch (IOException e) {
        available = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        available = false;
      }
    }
    return available;
  }
}
