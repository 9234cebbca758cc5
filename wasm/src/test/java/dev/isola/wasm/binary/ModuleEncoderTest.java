package dev.isola.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.Feature;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.WasmModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Round trips every module file of the spec testsuite: decode, encode, decode, encode. The two encodings must
 * be byte-identical and the two models equal in everything but byte offsets.
 */
class ModuleEncoderTest {
  private static final Path SUITE = Path.of(System.getProperty("isola.shared", "../../shared"), "wasm-testsuite");

  @Test
  void canonicalModuleEncodesToItself() {
    byte[] wasm = HexFormat.of().parseHex("0061736d01000000" + "0105016000017f" + "03020100"
        + "070701036f6e650000" + "0a06010400417f0b");
    assertArrayEquals(wasm, ModuleEncoder.encode(ModuleDecoder.decode(wasm)));
  }

  @Test
  void nonCanonicalLebBecomesCanonical() {
    // a type section whose size is written as a 2-byte LEB (0x84 0x00) instead of 0x04
    byte[] padded = HexFormat.of().parseHex("0061736d01000000" + "01840001600000");
    byte[] canonical = HexFormat.of().parseHex("0061736d01000000" + "0104016000" + "00");
    assertArrayEquals(canonical, ModuleEncoder.encode(ModuleDecoder.decode(padded)));
  }

  @TestFactory
  Stream<DynamicTest> specModules() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    Object[][] roots = {
      {SUITE.resolve("json"), Set.<Feature>of()},
      {SUITE.resolve("proposals/multi-memory/json"), Set.of(Feature.MULTI_MEMORY)},
      {SUITE.resolve("proposals/tail-call/json"), Set.of(Feature.TAIL_CALL)},
      {SUITE.resolve("proposals/extended-const/json"), Set.of(Feature.EXTENDED_CONST)},
    };
    for (Object[] root : roots) {
      Path dir = (Path) root[0];
      @SuppressWarnings("unchecked")
      Set<Feature> features = (Set<Feature>) root[1];
      assertTrue(Files.isDirectory(dir), "testsuite not found at " + dir);
      List<Path> dirs;
      try (Stream<Path> walk = Files.walk(dir)) {
        dirs = walk.filter(Files::isDirectory).filter(d -> hasWasm(d)).sorted().toList();
      }
      for (Path d : dirs) {
        tests.add(DynamicTest.dynamicTest(dir.relativize(d).toString(), () -> roundTripAll(d, features)));
      }
    }
    return tests.stream();
  }

  private static boolean hasWasm(Path d) {
    try (Stream<Path> list = Files.list(d)) {
      return list.anyMatch(p -> p.toString().endsWith(".wasm"));
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  private static void roundTripAll(Path dir, Set<Feature> features) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
    }
    for (Path file : files) {
      WasmModule first;
      try {
        first = ModuleDecoder.decode(Files.readAllBytes(file), features);
      } catch (MalformedModuleException e) {
        continue; // assert_malformed modules
      }
      byte[] once = ModuleEncoder.encode(first);
      WasmModule second = ModuleDecoder.decode(once, features);
      byte[] twice = ModuleEncoder.encode(second);
      assertArrayEquals(once, twice, file.toString());
      List<String> diffs = new ArrayList<>();
      compare("module", first, second, diffs);
      assertEquals(List.of(), diffs, file.toString());
    }
  }

  /**
   * Structural equality through records, lists, maps, optionals and arrays, ignoring the {@code offset}
   * components of {@link Instruction} and {@code FunctionBody}, which are byte positions.
   */
  static void compare(String path, Object a, Object b, List<String> diffs) {
    if (a == null || b == null) {
      if (a != b) {
        diffs.add(path + ": " + a + " vs " + b);
      }
      return;
    }
    if (a.getClass() != b.getClass()) {
      diffs.add(path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName());
      return;
    }
    switch (a) {
      case Record r -> {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          if (c.getName().equals("offset") && c.getType() == int.class) {
            continue;
          }
          try {
            compare(path + "." + c.getName(), c.getAccessor().invoke(a), c.getAccessor().invoke(b), diffs);
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }
      }
      case List<?> l -> {
        List<?> m = (List<?>) b;
        if (l.size() != m.size()) {
          diffs.add(path + ": size " + l.size() + " vs " + m.size());
          return;
        }
        for (int i = 0; i < l.size(); i++) {
          compare(path + "[" + i + "]", l.get(i), m.get(i), diffs);
        }
      }
      case Optional<?> o -> compare(path, o.orElse(null), ((Optional<?>) b).orElse(null), diffs);
      case Map<?, ?> map -> {
        if (!map.keySet().equals(((Map<?, ?>) b).keySet())) {
          diffs.add(path + ": keys " + map.keySet() + " vs " + ((Map<?, ?>) b).keySet());
          return;
        }
        for (Object k : map.keySet()) {
          compare(path + "[" + k + "]", map.get(k), ((Map<?, ?>) b).get(k), diffs);
        }
      }
      case byte[] x -> {
        if (!Arrays.equals(x, (byte[]) b)) {
          diffs.add(path + ": bytes differ");
        }
      }
      case int[] x -> {
        if (!Arrays.equals(x, (int[]) b)) {
          diffs.add(path + ": " + Arrays.toString(x) + " vs " + Arrays.toString((int[]) b));
        }
      }
      default -> {
        if (!a.equals(b)) {
          diffs.add(path + ": " + a + " vs " + b);
        }
      }
    }
  }
}
