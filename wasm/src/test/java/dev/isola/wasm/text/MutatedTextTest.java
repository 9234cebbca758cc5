package dev.isola.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.wasm.WasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cuts, drops and overwrites characters of the testsuite's modules (seeded, so failures reproduce): the parser
 * must either return a module or throw a {@link WasmException}, never anything else, since the harness and the
 * CLI report only those.
 */
class MutatedTextTest {
  private static final Path WAST =
      Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite", "wast");
  private static final String NOISE = "()\"$;_.-+=0123456789abcdefxpnai \n\\";

  @Test
  void mutatedModulesFailOnlyWithWasmExceptions() throws IOException {
    List<Path> scripts;
    try (Stream<Path> walk = Files.walk(WAST)) {
      scripts = walk.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
    }
    Random random = new Random(42);
    List<String> crashes = new ArrayList<>();
    for (Path script : scripts) {
      for (SExpressions e : SExpressions.split(Files.readString(script))) {
        if (!e.head().equals("module")) {
          continue;
        }
        String text = e.text();
        for (int k = 0; k < 4; k++) {
          String mutated = mutate(text, random);
          try {
            TextParser.parseModule(mutated, Set.of());
          } catch (WasmException expected) {
            // malformed: fine
          } catch (RuntimeException | StackOverflowError crash) {
            crashes.add(script.getFileName() + ":" + e.line() + " " + crash + "\n" + mutated);
          }
        }
      }
    }
    assertEquals(List.of(), crashes.stream().limit(10).toList());
  }

  private static String mutate(String text, Random random) {
    int at = random.nextInt(text.length());
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at);
      case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
      default -> text.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + text.substring(at + 1);
    };
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "(func " + "(block ".repeat(200_000) + ")".repeat(200_000) + ")";
    TextFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(TextFormatException.class, () -> TextParser.parseModule(
            deep, Set.of()));
    assertEquals("nesting too deep", e.reason());
  }
}
