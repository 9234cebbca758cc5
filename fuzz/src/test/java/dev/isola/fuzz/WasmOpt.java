package dev.isola.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The module generator: binaryen's {@code wasm-opt --translate-to-fuzz} (Debian package {@code binaryen})
 * turns random bytes into a valid module. The bytes come from {@link SplittableRandom} seeded with the seed, so a
 * seed names one module for a given binaryen version.
 *
 * <p>Features are limited to what Isola runs: MVP plus the Wasm 2.0 proposals (sign extension, non-trapping
 * float-to-int, bulk memory, multi-value, reference types, SIMD, mutable globals). Everything else
 * (threads, exceptions, GC, tail calls, memory64, strings, relaxed SIMD, extended const) stays off because
 * {@code --mvp-features} disables all before the list enables ours. (Isola runs tail calls, but binaryen 108's
 * translate-to-fuzz never emits {@code return_call}: {@link TailCallRewrite} adds them.) Half the seeds also
 * get {@code --fuzz-passes}, so optimised code shapes are tested too, and half leave SIMD out (see {@link
 * #generate}).
 */
final class WasmOpt {
  static final List<String> FEATURES = List.of("--mvp-features", "--enable-sign-ext",
      "--enable-nontrapping-float-to-int", "--enable-bulk-memory", "--enable-multivalue",
      "--enable-reference-types", "--enable-simd", "--enable-mutable-globals");

  private final String executable;

  WasmOpt(String executable) {
    this.executable = executable;
  }

  /** The configured wasm-opt ({@code -Dfuzz.wasmopt}, default {@code wasm-opt} on the PATH). */
  static WasmOpt configured() {
    String exe = System.getProperty("fuzz.wasmopt", "");
    return new WasmOpt(exe.isBlank() ? "wasm-opt" : exe);
  }

  /** Its version line, or null if it cannot be run. */
  String version() {
    try {
      Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * The module for {@code seed}, written to {@code dir/seed-<seed>.wasm}; {@code referenceTypes} false adds
   * {@code --disable-reference-types} (see {@link Campaign} for why).
   */
  Path generate(long seed, Path dir, boolean referenceTypes) throws IOException, InterruptedException {
    var random = new SplittableRandom(seed);
    // Binaryen sizes the module by the input: a few KB gives a handful of functions of a few hundred ops; one
    // seed in 16 gets 32 to 128 KB, dozens of functions of which some grow past HotSpot's 8,000-byte limit
    // once compiled. -Dfuzz.inputKb fixes the size, for exploring.
    int size = random.nextInt(16) == 0 ? (32 + random.nextInt(96)) * 1024 : 1024 + random.nextInt(7 * 1024);
    String fixed = System.getProperty("fuzz.inputKb", "");
    byte[] input = new byte[fixed.isBlank() ? size : Integer.parseInt(fixed.trim()) * 1024];
    random.nextBytes(input);
    Files.createDirectories(dir);
    Path data = dir.resolve("seed-" + seed + ".dat");
    Path wasm = dir.resolve("seed-" + seed + ".wasm");
    Files.write(data, input);
    // Half the seeds leave SIMD out: their modules then use no v128 at all (not even binaryen's log-v128
    // import), which keeps a tier that does not compile SIMD yet under test, and scalar code denser.
    boolean simd = random.nextBoolean();
    // Binaryen's own assertions sometimes fail in a --fuzz-passes pass: then the plain translation is used.
    boolean passes = random.nextBoolean();
    try {
      run(command(data, wasm, referenceTypes, simd, passes));
    } catch (IOException e) {
      if (!passes) {
        throw e;
      }
      run(command(data, wasm, referenceTypes, simd, false));
    } finally {
      Files.deleteIfExists(data);
    }
    return wasm;
  }

  /**
   * {@code module} with binaryen's {@code --denan} applied (every float result that is NaN becomes 0 at run
   * time), written beside it as {@code NAME.denan.wasm}.
   */
  Path denan(Path module) throws IOException, InterruptedException {
    Path out = module.resolveSibling(module.getFileName().toString().replace(".wasm", ".denan.wasm"));
    var command = new ArrayList<>(List.of(executable, module.toString(), "--denan", "-o", out.toString()));
    command.addAll(FEATURES);
    // The module may have tail calls by now (TailCallRewrite).
    command.add("--enable-tail-call");
    run(command);
    return out;
  }

  private List<String> command(Path data, Path wasm, boolean referenceTypes, boolean simd, boolean passes) {
    var command = new ArrayList<>(List.of(executable, data.toString(), "-ttf", "-o", wasm.toString()));
    command.addAll(FEATURES);
    if (passes) {
      command.add("--fuzz-passes");
    }
    if (!referenceTypes) {
      command.add("--disable-reference-types");
    }
    if (!simd) {
      command.add("--disable-simd");
    }
    // Extra flags for exploring (e.g. -Dfuzz.wasmopt.flags=--disable-simd); later flags win in wasm-opt.
    String extra = System.getProperty("fuzz.wasmopt.flags", "");
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    return command;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("wasm-opt failed: " + String.join(" ", command) + "\n" + out);
    }
  }
}
