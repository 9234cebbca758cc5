package dev.isola.cli.greenhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.isola.cli.corpus.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The greenhouse's committed .wasm files are what sdk/examples/build.sh makes of the C sources. */
class GreenhouseModulesTest {
  static final List<String> MODULES = List.of("thermo", "thermo-v2", "control", "console", "rogue");

  @Test
  void committedModulesAreWhatBuildShProduces(@TempDir Path dir) throws Exception {
    Toolchain.assumeAvailable();
    Toolchain.check(List.of("bash", Toolchain.root().resolve("sdk/examples/build.sh").toString(), dir.toString()));
    for (String module : MODULES) {
      assertArrayEquals(Files.readAllBytes(Greenhouse.DIR.resolve(module + ".wasm")),
          Files.readAllBytes(dir.resolve(module + ".wasm")),
          "examples/greenhouse/" + module + ".wasm is stale: run sdk/examples/build.sh and commit the result");
    }
  }
}
