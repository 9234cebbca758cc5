package dev.isola.wast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.wasm.Feature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs spec testsuite scripts converted by wabt's {@code wast2json}: one JSON file of commands, in order, against
 * a fresh store whose only other module is {@code spectest}. Logs one line per failed command ({@code
 * file:line: command subject: expected ..., got ...}) and returns the counts.
 *
 * <pre>{@code
 * WastRunner runner = new WastRunner(EngineConfig.of(new Interpreter()), System.err, false);
 * Summary s = runner.run(Path.of("wasm-testsuite/json/i32/i32.json"));
 * System.out.println(s.line());   // 460 passed, 0 failed, 2 skipped
 * }</pre>
 *
 * <p>Scripts under a {@code proposals/<name>/} folder run with that proposal's {@link Feature} added to the
 * configuration's features ({@link #featuresFor}); one {@link Engine} is kept per feature set.
 *
 * <p>When {@code simdExecution} is false, SIMD scripts ({@link #isSimd}) only have their modules decoded and
 * validated: {@code module} commands are checked without instantiation, {@code assert_malformed} and {@code
 * assert_invalid} run as usual, and every command that needs execution is counted as skipped. Text-format
 * modules ({@code assert_malformed} of a {@code .wat}) must be rejected by {@link
 * dev.isola.wasm.text.TextParser}.
 *
 * <p>Not thread-safe: use one runner per thread.
 */
public final class WastRunner {
  private final EngineConfig config;
  private final PrintStream log;
  private final boolean simdExecution;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Set<Feature>, Engine> engines = new HashMap<>();

  public WastRunner(EngineConfig config, PrintStream log, boolean simdExecution) {
    this.config = config;
    this.log = log;
    this.simdExecution = simdExecution;
  }

  /**
   * Runs every command of {@code jsonFile}; its module files are read from the same folder.
   *
   * @throws UncheckedIOException if the JSON file cannot be read
   */
  public Summary run(Path jsonFile) {
    JsonNode root;
    try {
      root = json.readTree(jsonFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jsonFile, e);
    }
    Set<Feature> features = EnumSet.noneOf(Feature.class);
    features.addAll(config.features());
    features.addAll(featuresFor(jsonFile));
    Set<Feature> key = Set.copyOf(features);
    String source = displayName(jsonFile, root.path("source_filename").asText(fileName(jsonFile)));
    Path dir = jsonFile.toAbsolutePath().getParent();
    boolean execute = simdExecution || !isSimd(jsonFile);
    // The engine is created on first use, so that a failure to create it is reported against a command.
    ScriptRun script = new ScriptRun(
        source, dir, () -> engines.computeIfAbsent(key, f -> Engine.of(config.withFeatures(f))), key, execute, log);
    for (JsonNode command : root.path("commands")) {
      script.run(command);
    }
    return script.summary();
  }

  /** The proposals a script needs: the one of its {@code proposals/<name>/} folder, or none. */
  public static Set<Feature> featuresFor(Path json) {
    Path p = json.toAbsolutePath().normalize();
    for (int i = 0; i + 1 < p.getNameCount(); i++) {
      if (p.getName(i).toString().equals("proposals")) {
        return switch (p.getName(i + 1).toString()) {
          case "multi-memory" -> Set.of(Feature.MULTI_MEMORY);
          case "extended-const" -> Set.of(Feature.EXTENDED_CONST);
          case "tail-call" -> Set.of(Feature.TAIL_CALL);
          default -> Set.of();
        };
      }
    }
    return Set.of();
  }

  /** Whether a script tests SIMD: it lies in a {@code simd} folder or its name starts with {@code simd_}. */
  public static boolean isSimd(Path json) {
    Path p = json.toAbsolutePath().normalize();
    for (Path name : p) {
      if (name.toString().equals("simd")) {
        return true;
      }
    }
    return fileName(p).startsWith("simd_");
  }

  /**
   * How failure lines name a script: its {@code .wast} name, prefixed with {@code simd/} or {@code
   * proposals/<name>/} so that scripts of the same name in different sets stay apart.
   */
  static String displayName(Path json, String sourceFilename) {
    Path p = json.toAbsolutePath().normalize();
    for (int i = 0; i + 1 < p.getNameCount(); i++) {
      if (p.getName(i).toString().equals("proposals")) {
        return "proposals/" + p.getName(i + 1) + "/" + sourceFilename;
      }
    }
    Path grandParent = p.getParent() == null ? null : p.getParent().getParent();
    if (grandParent != null && grandParent.getFileName() != null && grandParent.getFileName().toString().equals("simd")) {
      return "simd/" + sourceFilename;
    }
    return sourceFilename;
  }

  private static String fileName(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }
}
