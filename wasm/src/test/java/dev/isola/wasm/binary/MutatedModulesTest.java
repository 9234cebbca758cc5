package dev.isola.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.isola.wasm.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Broken input must fail as malformed, never with another exception: every spec testsuite module, truncated
 * and with bytes flipped at positions from a fixed seed, either decodes or throws
 * {@link MalformedModuleException}.
 */
class MutatedModulesTest {
  private static final Path SUITE = Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite");
  private static final Set<Feature> ALL = Set.of(Feature.values());

  @Test
  void mutationsOfSpecModulesFailOnlyAsMalformed() throws IOException {
    List<Path> modules;
    try (Stream<Path> walk = Files.walk(SUITE.resolve("json"))) {
      modules = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
    }
    assertFalse(modules.isEmpty());
    Random random = new Random(20261122);
    for (Path p : modules) {
      byte[] original = Files.readAllBytes(p);
      if (original.length <= 8) {
        continue;
      }
      for (int round = 0; round < 2; round++) {
        byte[] mutated = original.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
          mutated[8 + random.nextInt(mutated.length - 8)] = (byte) random.nextInt(256);
        }
        check(p, mutated);
        check(p, Arrays.copyOf(original, 8 + random.nextInt(original.length - 8)));
      }
    }
  }

  private static void check(Path origin, byte[] bytes) {
    for (Set<Feature> features : List.of(Set.<Feature>of(), ALL)) {
      try {
        ModuleDecoder.decode(bytes, features);
      } catch (MalformedModuleException expected) {
        // the outcome broken input should have
      } catch (RuntimeException e) {
        fail("mutation of " + origin.getFileName() + " threw " + e + ": " + HexFormat.of().formatHex(bytes), e);
      }
    }
  }
}
