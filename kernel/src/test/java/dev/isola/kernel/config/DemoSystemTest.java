package dev.isola.kernel.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example of docs/system-file.md, committed as examples/systems/demo: it passes the check, and its WAT
 * modules' committed .wasm files are what the text parser makes of their .wat (rewritten with ISOLA_BLESS=1).
 */
class DemoSystemTest {
  static Path demo() {
    String root = System.getProperty("isola.root");
    Path base = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    return base.resolve("examples/systems/demo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"camera", "viewer"})
  void committedWasmMatchesItsWat(String name) throws IOException {
    Path wat = demo().resolve(name + ".wat");
    Path wasm = demo().resolve(name + ".wasm");
    byte[] encoded = ModuleEncoder.encode(TextParser.parseModule(Files.readString(wat), SystemCheck.FEATURES));
    if (System.getenv("ISOLA_BLESS") != null) {
      Files.write(wasm, encoded);
    }
    assertArrayEquals(encoded, Files.readAllBytes(wasm),
        wasm + " differs from " + wat + ": re-bless with ISOLA_BLESS=1 (see build.sh)");
  }

  @Test
  void theDemoSystemPassesTheCheck() throws Exception {
    SystemFile file = SystemFile.read(demo().resolve("system.toml"));
    assertEquals(List.of(), SystemCheck.check(file));
    SystemSpec spec = file.spec();
    assertEquals(List.of("sensor", "display", "camera", "viewer"), List.copyOf(spec.containers().keySet()));
    assertEquals("sensor", spec.portal("thermo").orElseThrow().exporter());
  }
}
