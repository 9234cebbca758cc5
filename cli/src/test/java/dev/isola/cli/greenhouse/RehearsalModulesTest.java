package dev.isola.cli.greenhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.isola.cli.corpus.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's start-up rehearsal modules (its resources) are what kernel/src/main/c/rehearsal/build.sh makes of
 * their C sources. Here rather than in the kernel's tests because the toolchain helper lives here.
 */
class RehearsalModulesTest {
  @Test
  void committedModulesAreWhatBuildShProduces(@TempDir Path dir) throws Exception {
    Toolchain.assumeAvailable();
    Path root = Toolchain.root();
    Toolchain.check(List.of("bash", root.resolve("kernel/src/main/c/rehearsal/build.sh").toString(),
        dir.toString()));
    for (String module : List.of("driver", "app")) {
      Path committed = root.resolve("kernel/src/main/resources/dev/isola/kernel/rehearsal/" + module + ".wasm");
      assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(dir.resolve(module + ".wasm")),
          committed + " is stale: run kernel/src/main/c/rehearsal/build.sh and commit the result");
    }
  }
}
