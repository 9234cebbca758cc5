package dev.isola.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.cli.IsolaCommand;
import dev.isola.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up measurement's program ({@link BigProgram}), small here: it must build with {@code bin/wasm-cc} and
 * print what the native build prints on every tier, from an artifact too, so that the measurement it serves
 * stays meaningful.
 */
class BigProgramTest {
  private static Path dir;
  private static String expected;

  @BeforeAll
  static void build() throws Exception {
    Toolchain.assumeAvailable();
    dir = Files.createDirectories(Toolchain.buildDir().resolve("big-program"));
    Path source = dir.resolve("big.c");
    try (PrintStream out = new PrintStream(Files.newOutputStream(source), false, StandardCharsets.UTF_8)) {
      BigProgram.write(out, 40);
    }
    Toolchain.compileWasm(source, dir.resolve("big.wasm"));
    Toolchain.compileNative(source, dir.resolve("big"));
    Toolchain.Result nativeRun = Toolchain.run(List.of(dir.resolve("big").toString(), "3"), dir, Map.of(), "");
    assertEquals(0, nativeRun.status());
    expected = nativeRun.stdout();
    assertTrue(expected.matches("checksum \\d+\n"), expected);
  }

  private static String[] isola(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int status = IsolaCommand.commandLine(new Terminal(InputStream.nullInputStream(), out, err)).execute(args);
    return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void everyTierPrintsWhatTheNativeBuildPrints() {
    String wasm = dir.resolve("big.wasm").toString();
    for (String tier : List.of("interp", "compiled", "auto")) {
      String[] r = isola("exec", "--tier", tier, wasm, "3");
      assertEquals("0", r[0], tier + ": " + r[2]);
      assertEquals(expected, r[1], tier + ": " + r[2]);
    }
  }

  @Test
  void fromAnArtifactToo() {
    String wasm = dir.resolve("big.wasm").toString();
    String artifact = dir.resolve("elsewhere.aot").toString();
    String[] c = isola("compile", wasm, "-o", artifact);
    assertEquals("0", c[0], c[2]);
    String[] r = isola("exec", "--aot", artifact, wasm, "3");
    assertEquals("0", r[0], r[2]);
    assertEquals(expected, r[1], r[2]);
    assertTrue(!r[2].contains(artifact), r[2]);
  }
}
