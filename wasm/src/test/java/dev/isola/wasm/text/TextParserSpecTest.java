package dev.isola.wasm.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.wasm.Feature;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every module of the spec testsuite's {@code .wast} scripts and compares it with wast2json's
 * {@code .wasm} for the same command (found by line): both sides go through {@link ModuleEncoder}, so only
 * differences of meaning remain. Modules inside {@code assert_invalid}, {@code assert_unlinkable},
 * {@code assert_uninstantiable} and {@code assert_trap} are compared too. Every text {@code assert_malformed}
 * ({@code .wat} file) must throw {@link TextFormatException}.
 */
class TextParserSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SUITE = Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite");
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();
  private static final AtomicInteger MODULES = new AtomicInteger();
  private static final AtomicInteger MALFORMED = new AtomicInteger();
  /** Malformed texts rejected with a reason that does not start with the testsuite's (not a failure). */
  private static final List<String> WRONG_REASON = new java.util.concurrent.CopyOnWriteArrayList<>();

  @TestFactory
  Stream<DynamicTest> core() throws IOException {
    return scripts(SUITE.resolve("wast"), SUITE.resolve("json"), Set.of());
  }

  @TestFactory
  Stream<DynamicTest> multiMemory() throws IOException {
    return scripts(SUITE.resolve("proposals/multi-memory/wast"), SUITE.resolve("proposals/multi-memory/json"),
        Set.of(Feature.MULTI_MEMORY));
  }

  @TestFactory
  Stream<DynamicTest> tailCall() throws IOException {
    return scripts(SUITE.resolve("proposals/tail-call/wast"), SUITE.resolve("proposals/tail-call/json"),
        Set.of(Feature.TAIL_CALL));
  }

  @TestFactory
  Stream<DynamicTest> extendedConst() throws IOException {
    return scripts(SUITE.resolve("proposals/extended-const/wast"),
        SUITE.resolve("proposals/extended-const/json"), Set.of(Feature.EXTENDED_CONST));
  }

  @AfterAll
  static void summary() {
    System.out.println("text: " + PASSED.get() + " passed, " + FAILED.get() + " failed (" + MODULES.get()
        + " modules compared, " + MALFORMED.get() + " malformed texts rejected, " + WRONG_REASON.size()
        + " of them with another reason)");
    if (System.getenv("ISOLA_TEXT_REASONS") != null) {
      WRONG_REASON.forEach(System.out::println);
    }
  }

  private static Stream<DynamicTest> scripts(Path wastRoot, Path jsonRoot, Set<Feature> features)
      throws IOException {
    assertTrue(Files.isDirectory(wastRoot), "testsuite not found at " + wastRoot + " (system property isola.shared)");
    List<Path> scripts;
    try (Stream<Path> walk = Files.walk(wastRoot)) {
      scripts = walk.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
    }
    assertTrue(!scripts.isEmpty());
    return scripts.stream().map(wast -> {
      Path rel = wastRoot.relativize(wast);
      String base = rel.getFileName().toString().replace(".wast", "");
      Path parent = rel.getParent() == null ? jsonRoot : jsonRoot.resolve(rel.getParent());
      Path json = parent.resolve(base).resolve(base + ".json");
      return DynamicTest.dynamicTest(rel.toString(), () -> runScript(wast, json, features));
    });
  }

  private static void runScript(Path wast, Path json, Set<Feature> features) throws IOException {
    List<SExpressions> top = SExpressions.split(Files.readString(wast));
    Map<Integer, SExpressions> byLine = new HashMap<>();
    Map<Integer, Integer> topIndexByLine = new HashMap<>();
    for (int i = 0; i < top.size(); i++) {
      SExpressions e = top.get(i);
      byLine.put(e.line(), e);
      topIndexByLine.put(e.line(), i);
      if (!e.head().equals("module")) {
        for (SExpressions c : e.children()) {
          if (c.head().equals("module")) {
            byLine.putIfAbsent(c.line(), c);
            topIndexByLine.putIfAbsent(c.line(), i);
          }
        }
      }
    }
    int lastTop = -1;
    List<String> failures = new ArrayList<>();
    for (JsonNode command : JSON.readTree(json.toFile()).get("commands")) {
      if (!command.has("filename")) {
        continue;
      }
      String type = command.get("type").asText();
      int line = command.get("line").asInt();
      Path file = json.resolveSibling(command.get("filename").asText());
      String where = wast.getFileName() + ":" + line + " (" + type + ")";
      String failure;
      if (type.equals("assert_malformed")) {
        if (!command.get("module_type").asText().equals("text")) {
          continue;
        }
        failure = mustBeMalformed(file, features, command.get("text").asText(), where);
        if (failure == null) {
          MALFORMED.incrementAndGet();
        }
      } else {
        SExpressions expr = byLine.get(line);
        if (line == 0) { // wast2json gives line 0 to some quoted modules: take the next command
          expr = lastTop + 1 < top.size() ? top.get(lastTop + 1) : null;
          lastTop++;
        } else if (expr != null) {
          lastTop = topIndexByLine.get(line);
        }
        if (expr == null) {
          failure = "no S-expression starts on this line";
        } else {
          SExpressions module = expr.head().equals("module") ? expr : firstModule(expr);
          if (module == null || !file.toString().endsWith(".wasm")) {
            continue;
          }
          failure = mustMatch(module.text(), file, features);
          if (failure == null) {
            MODULES.incrementAndGet();
          }
        }
      }
      if (failure == null) {
        PASSED.incrementAndGet();
      } else {
        FAILED.incrementAndGet();
        failures.add(where + ": " + failure);
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
  }

  private static SExpressions firstModule(SExpressions command) {
    return command.children().stream().filter(c -> c.head().equals("module")).findFirst().orElse(null);
  }

  private static String mustMatch(String text, Path wasm, Set<Feature> features) throws IOException {
    byte[] expected;
    try {
      expected = ModuleEncoder.encode(ModuleDecoder.decode(Files.readAllBytes(wasm), features));
    } catch (RuntimeException e) {
      return null; // not this parser's business: the decoder's tests report it
    }
    byte[] actual;
    try {
      WasmModule m = TextParser.parseModule(text, features);
      actual = ModuleEncoder.encode(m);
    } catch (RuntimeException e) {
      return "did not parse: " + e;
    }
    if (!Arrays.equals(expected, actual)) {
      return "differs from " + wasm.getFileName() + " at byte " + Arrays.mismatch(expected, actual)
          + "\n  expected " + hex(expected) + "\n  actual   " + hex(actual);
    }
    return null;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(b.length, 400); i++) {
      s.append(String.format("%02x", b[i]));
    }
    return s.toString();
  }

  private static String mustBeMalformed(Path wat, Set<Feature> features, String text, String where)
      throws IOException {
    try {
      TextParser.parseModule(Files.readAllBytes(wat), features);
      return "parsed, expected \"" + text + "\": " + new String(Files.readAllBytes(wat), StandardCharsets.UTF_8);
    } catch (TextFormatException e) {
      if (!e.reason().startsWith(text)) {
        WRONG_REASON.add(where + ": expected \"" + text + "\", got \"" + e.getMessage() + "\"");
      }
      return null;
    } catch (RuntimeException e) {
      return "expected \"" + text + "\", threw " + e;
    }
  }
}
