package dev.isola.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.compiler.CompiledModule;
import dev.isola.compiler.Compiler;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The WebAssembly 2.0 spec testsuite (core and SIMD) on both tiers, the interpreter and the compiler: one dynamic
 * test per script and tier, failing if any of its commands failed, with the failures in its message. At the end
 * it prints, alone on a line per tier, {@code spec (interp): N passed, N failed, N skipped} and {@code spec
 * (compiled): ...}, a table of the scripts with failures, and writes every failure line to {@code
 * spec-<tier>-failures.txt} in the build folder.
 *
 * <p>On the compiled tier, a module the compiler cannot translate would run on the interpreter, visibly in its
 * {@code CompileReport}; a second summary line counts the modules prepared and those that fell back (0 today,
 * SIMD included).
 *
 * <p>The interpreter executes SIMD, so every command of every script runs, SIMD scripts included: each
 * script's skipped count is checked against its command types ({@link #expectedSkips}), which leaves none to
 * skip. Text-format {@code assert_malformed} commands run against the text parser.
 *
 * <p>{@code -Dspec.only=NAME} runs only the scripts whose path contains NAME (e.g. {@code i32/});
 * {@code -Dspec.tiers=compiled} (or {@code interp}) runs one tier only.
 */
class SpecSuiteTest {
  private static final Set<String> EXECUTION = Set.of("action", "assert_return", "assert_trap",
      "assert_exhaustion", "assert_unlinkable", "assert_uninstantiable", "register");
  private static final int MAX_LISTED = 40;

  /** The interpreter executes SIMD, so SIMD scripts run in full (a tier without it would pass false). */
  static final boolean SIMD_EXECUTION = true;

  private static final WastRunner RUNNER = new WastRunner(
      EngineConfig.of(new Interpreter()), new PrintStream(PrintStream.nullOutputStream()), SIMD_EXECUTION);
  private static final Map<String, Summary> RESULTS = new TreeMap<>();
  private static final CountingCompiler COMPILER = new CountingCompiler(new Compiler(), new AtomicInteger(),
      new AtomicInteger());
  private static final WastRunner COMPILED_RUNNER = new WastRunner(
      EngineConfig.of(COMPILER), new PrintStream(PrintStream.nullOutputStream()), SIMD_EXECUTION);
  private static final Map<String, Summary> COMPILED_RESULTS = new TreeMap<>();

  static boolean runs(String tier) {
    String tiers = System.getProperty("spec.tiers", "");
    return tiers.isEmpty() || List.of(tiers.split(",")).contains(tier);
  }

  static Path suite() {
    return Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite", "json");
  }

  @TestFactory
  Stream<DynamicTest> spec() throws IOException {
    return runs("interp") ? tests(suite(), RUNNER, RESULTS) : Stream.empty();
  }

  @TestFactory
  Stream<DynamicTest> specCompiled() throws IOException {
    return runs("compiled") ? tests(suite(), COMPILED_RUNNER, COMPILED_RESULTS) : Stream.empty();
  }

  /** One test per script under {@code root} whose path contains {@code -Dspec.only}, in path order. */
  static Stream<DynamicTest> tests(Path root, WastRunner runner, Map<String, Summary> results) throws IOException {
    String only = System.getProperty("spec.only", "");
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(root)) {
      scripts = files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> p.toString().contains(only))
          .sorted()
          .toList();
    }
    assertTrue(only.isEmpty() || !scripts.isEmpty(), "no script under " + root + " matches spec.only=" + only);
    return scripts.stream().map(p -> {
      String name = root.relativize(p.getParent()).toString();
      return DynamicTest.dynamicTest(name, () -> runScript(p, name, runner, results));
    });
  }

  private static void runScript(Path json, String name, WastRunner runner, Map<String, Summary> results) {
    Summary s = runner.run(json);
    synchronized (results) {
      results.put(name, s);
    }
    assertEquals(expectedSkips(json), s.skipped(), name + ": skipped commands");
    if (s.failed() > 0) {
      String listed = s.failures().stream().limit(MAX_LISTED).collect(Collectors.joining("\n  ", "\n  ", ""));
      String more = s.failed() > MAX_LISTED ? "\n  ... and " + (s.failed() - MAX_LISTED) + " more" : "";
      throw new AssertionError(name + ": " + s.line() + listed + more);
    }
  }

  /**
   * What the harness must skip: on a tier without SIMD execution, SIMD scripts' execution commands; nothing
   * else, so nothing at all on the interpreter.
   */
  private static int expectedSkips(Path json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean simd = !SIMD_EXECUTION && WastRunner.isSimd(json);
    int skips = 0;
    for (JsonNode c : root.path("commands")) {
      String type = c.path("type").asText();
      if (simd && EXECUTION.contains(type)) {
        skips++;
      }
    }
    return skips;
  }

  @AfterAll
  static void report() throws IOException {
    if (runs("interp")) {
      report("spec (interp)", "spec-interp-failures.txt", RESULTS);
    }
    if (runs("compiled")) {
      report("spec (compiled)", "spec-compiled-failures.txt", COMPILED_RESULTS);
      System.out.println("spec (compiled): " + COMPILER.modules() + " modules prepared, " + COMPILER.fallbacks()
          + " fell back to the interpreter");
    }
  }

  /** The compiler tier, counting the modules it prepares and those that fall back to the interpreter. */
  private record CountingCompiler(Compiler compiler, AtomicInteger modules, AtomicInteger fallbacks)
      implements ExecutionTier {
    @Override
    public String name() {
      return compiler.name();
    }

    @Override
    public ModuleCode prepare(WasmModule module, Engine engine) {
      CompiledModule code = compiler.prepare(module, engine);
      modules.incrementAndGet();
      if (code.report().interpreted()) {
        fallbacks.incrementAndGet();
      }
      return code;
    }
  }

  /**
   * Prints the table of scripts with failures and {@code title: N passed, N failed, N skipped} alone on a line,
   * and writes every failure line to {@code failuresFile} in the build folder.
   */
  static void report(String title, String failuresFile, Map<String, Summary> results) throws IOException {
    Summary total = results.values().stream().reduce(Summary.EMPTY, Summary::plus);
    StringBuilder table = new StringBuilder("scripts with failures (passed/failed/skipped):\n");
    results.forEach((name, s) -> {
      if (s.failed() > 0) {
        table.append(String.format("  %-28s %6d %6d %6d%n", name, s.passed(), s.failed(), s.skipped()));
      }
    });
    System.out.print(table);
    System.out.println(title + ": " + total.line());
    String buildDir = System.getProperty("isola.buildDir");
    if (buildDir != null) {
      Path out = Path.of(buildDir, failuresFile);
      Files.createDirectories(out.getParent());
      Files.write(out, total.failures());
    }
  }
}
