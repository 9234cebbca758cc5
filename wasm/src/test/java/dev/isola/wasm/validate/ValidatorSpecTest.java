package dev.isola.wasm.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.wasm.Feature;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official testsuite's validation commands, one dynamic test per script: every {@code module} must decode
 * and validate, every {@code assert_invalid} module must decode and then fail validation with a reason that
 * starts with the command's text, and {@code assert_unlinkable}/{@code assert_uninstantiable} modules must
 * validate (they fail later). The proposal folders run with their feature on.
 */
class ValidatorSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Assertions whose reason the binary cannot carry. wast2json encodes {@code select (result)} (no types) as the
   * untyped {@code select} opcode, so the binary holds a plain select on an empty stack: "type mismatch", where
   * the reference interpreter, reading the text, says "invalid result arity".
   */
  private static final Set<String> NOT_IN_BINARY = Set.of("select.json:324 select.2.wasm");

  private static int passed;
  private static int failed;

  @TestFactory
  Stream<DynamicTest> core() throws IOException {
    return scripts(suite().resolve("json"), Set.of());
  }

  @TestFactory
  Stream<DynamicTest> multiMemory() throws IOException {
    return scripts(suite().resolve("proposals/multi-memory/json"), EnumSet.of(Feature.MULTI_MEMORY));
  }

  @TestFactory
  Stream<DynamicTest> extendedConst() throws IOException {
    return scripts(suite().resolve("proposals/extended-const/json"), EnumSet.of(Feature.EXTENDED_CONST));
  }

  @TestFactory
  Stream<DynamicTest> tailCall() throws IOException {
    return scripts(suite().resolve("proposals/tail-call/json"), EnumSet.of(Feature.TAIL_CALL));
  }

  @AfterAll
  static void summary() {
    System.out.println("validator: " + passed + " passed, " + failed + " failed");
  }

  private static Path suite() {
    return Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite");
  }

  private static Stream<DynamicTest> scripts(Path root, Set<Feature> features) throws IOException {
    List<Path> jsons;
    try (Stream<Path> files = Files.walk(root)) {
      jsons = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(!jsons.isEmpty(), "no scripts under " + root);
    return jsons.stream()
        .map(json -> DynamicTest.dynamicTest(root.relativize(json).toString(), () -> run(json, features)));
  }

  private static void run(Path json, Set<Feature> features) throws IOException {
    List<String> failures = new ArrayList<>();
    for (JsonNode cmd : JSON.readTree(json.toFile()).get("commands")) {
      String type = cmd.get("type").asText();
      boolean binary = !"text".equals(cmd.path("module_type").asText("binary"));
      if (!cmd.has("filename") || !binary) {
        continue;
      }
      String where = json.getFileName() + ":" + cmd.get("line").asInt() + " " + cmd.get("filename").asText();
      if (NOT_IN_BINARY.contains(where)) {
        continue;
      }
      String failure = switch (type) {
        case "module", "assert_unlinkable", "assert_uninstantiable" -> expectValid(json, cmd, features);
        case "assert_invalid" -> expectInvalid(json, cmd, features);
        default -> "";
      };
      if (failure == null) {
        passed++;
      } else if (!failure.isEmpty()) {
        failed++;
        failures.add(where + ": " + failure);
      }
    }
    failures.forEach(System.out::println);
    assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.getFirst());
  }

  /** Returns {@code null} when the module validates, else what went wrong. */
  private static String expectValid(Path json, JsonNode cmd, Set<Feature> features) throws IOException {
    WasmModule module;
    try {
      module = decode(json, cmd, features);
    } catch (RuntimeException e) {
      return "decode failed: " + e;
    }
    try {
      Validator.validate(module, features);
      return null;
    } catch (InvalidModuleException e) {
      return "expected valid, got " + e.getMessage();
    } catch (RuntimeException e) {
      return "validator crashed: " + e;
    }
  }

  /** Returns {@code null} when validation fails with the expected reason, else what went wrong. */
  private static String expectInvalid(Path json, JsonNode cmd, Set<Feature> features) throws IOException {
    String text = cmd.get("text").asText();
    WasmModule module;
    try {
      module = decode(json, cmd, features);
    } catch (RuntimeException e) {
      return "decode failed (expected invalid \"" + text + "\"): " + e;
    }
    try {
      Validator.validate(module, features);
      return "expected invalid \"" + text + "\", but it validated";
    } catch (InvalidModuleException e) {
      if (!e.reason().startsWith(text)) {
        return "expected \"" + text + "\", got " + e.getMessage();
      }
      // Errors inside code must say which function and which instruction.
      if (e.where() == null || (e.where().startsWith("func ") && e.offset() < 0)) {
        return "no place in " + e.getMessage();
      }
      return null;
    } catch (RuntimeException e) {
      return "validator crashed (expected \"" + text + "\"): " + e;
    }
  }

  private static WasmModule decode(Path json, JsonNode cmd, Set<Feature> features) throws IOException {
    byte[] bytes = Files.readAllBytes(json.resolveSibling(cmd.get("filename").asText()));
    return ModuleDecoder.decode(bytes, features);
  }
}
