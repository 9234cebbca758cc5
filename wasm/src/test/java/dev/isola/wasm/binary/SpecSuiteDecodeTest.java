package dev.isola.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.wasm.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the decoder over every module of the official spec testsuite (wast2json output): modules and the
 * modules of {@code assert_invalid}, {@code assert_unlinkable} and {@code assert_uninstantiable} must decode;
 * every binary {@code assert_malformed} must throw {@link MalformedModuleException} whose reason starts with
 * the expected text. Proposal folders run with their feature on.
 */
class SpecSuiteDecodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SUITE = Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite");
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();
  /** Malformed modules rejected with a reason that does not start with the testsuite's text. */
  private static final AtomicInteger WRONG_REASON = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> core() throws IOException {
    return files(SUITE.resolve("json"), Set.of());
  }

  @TestFactory
  Stream<DynamicTest> multiMemory() throws IOException {
    return files(SUITE.resolve("proposals/multi-memory/json"), Set.of(Feature.MULTI_MEMORY));
  }

  @TestFactory
  Stream<DynamicTest> tailCall() throws IOException {
    return files(SUITE.resolve("proposals/tail-call/json"), Set.of(Feature.TAIL_CALL));
  }

  @TestFactory
  Stream<DynamicTest> extendedConst() throws IOException {
    return files(SUITE.resolve("proposals/extended-const/json"), Set.of(Feature.EXTENDED_CONST));
  }

  @AfterAll
  static void summary() {
    System.out.println("decoder: " + PASSED.get() + " passed, " + FAILED.get() + " failed ("
        + WRONG_REASON.get() + " malformed with another reason)");
  }

  private static Stream<DynamicTest> files(Path root, Set<Feature> features) throws IOException {
    assertTrue(Files.isDirectory(root), "testsuite not found at " + root + " (system property isola.shared)");
    List<Path> jsons;
    try (Stream<Path> walk = Files.walk(root)) {
      jsons = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(!jsons.isEmpty(), "no JSON under " + root);
    return jsons.stream()
        .map(json -> DynamicTest.dynamicTest(root.relativize(json).toString(), () -> runFile(json, features)));
  }

  private static void runFile(Path json, Set<Feature> features) throws IOException {
    List<String> failures = new ArrayList<>();
    for (JsonNode command : JSON.readTree(json.toFile()).get("commands")) {
      String type = command.get("type").asText();
      String moduleType = command.path("module_type").asText("binary");
      if (!command.has("filename") || !moduleType.equals("binary")) {
        continue;
      }
      Path wasm = json.resolveSibling(command.get("filename").asText());
      String where = json.getFileName() + ":" + command.get("line").asInt() + " " + wasm.getFileName();
      String failure = switch (type) {
        case "module", "assert_invalid", "assert_unlinkable", "assert_uninstantiable" ->
            mustDecode(wasm, features);
        case "assert_malformed" -> mustBeMalformed(wasm, features, command.get("text").asText());
        default -> null;
      };
      if (failure == null) {
        PASSED.incrementAndGet();
      } else {
        FAILED.incrementAndGet();
        failures.add(where + " (" + type + "): " + failure);
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
  }

  private static String mustDecode(Path wasm, Set<Feature> features) throws IOException {
    try {
      ModuleDecoder.decode(Files.readAllBytes(wasm), features);
      return null;
    } catch (RuntimeException e) {
      return "did not decode: " + e;
    }
  }

  private static String mustBeMalformed(Path wasm, Set<Feature> features, String text) throws IOException {
    try {
      ModuleDecoder.decode(Files.readAllBytes(wasm), features);
      return "decoded, expected \"" + text + "\"";
    } catch (MalformedModuleException e) {
      if (e.reason().startsWith(text)) {
        return null;
      }
      WRONG_REASON.incrementAndGet();
      return "expected \"" + text + "\", got \"" + e.reason() + "\"";
    } catch (RuntimeException e) {
      return "expected \"" + text + "\", threw " + e;
    }
  }
}
