package dev.isola.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The decoder on real compiler output (C, Rust and AssemblyScript programs of the WASI testsuite): every
 * module decodes, and a module that carries a {@code name} section gets its function names from it.
 */
class CompiledModulesDecodeTest {
  private static final Path WASI = Path.of(System.getProperty("isola.shared", "../../shared"), "wasi-testsuite");

  @Test
  void everyWasiTestsuiteModuleDecodesWithItsNames() throws IOException {
    List<Path> modules;
    try (Stream<Path> walk = Files.walk(WASI)) {
      modules = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
    }
    assertFalse(modules.isEmpty(), "no modules under " + WASI);
    int named = 0;
    for (Path p : modules) {
      WasmModule m = ModuleDecoder.decode(Files.readAllBytes(p));
      assertFalse(m.code().isEmpty(), p.toString());
      if (m.customSection("name").isPresent()) {
        named++;
        assertFalse(m.names().functionNames().isEmpty(), "function names of " + p);
      }
    }
    assertTrue(named > 0, "some compiled modules carry a name section");
  }
}
