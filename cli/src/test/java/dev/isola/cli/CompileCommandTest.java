package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isola compile} and how {@code exec} uses, or refuses, what it wrote. */
class CompileCommandTest {
  private static final byte[] ECHO_OUT = "echo.wasm\0".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  private Path echo() {
    return Cli.write(dir, "echo.wasm", TestModules.echo());
  }

  private static void assertRanWithoutWarning(Cli.Result r) {
    assertEquals(0, r.status(), r.stderr());
    assertEquals("", TierOptionTest.withoutFallback(r.stderr()));
    assertArrayEquals(ECHO_OUT, r.stdout(), r.out());
  }

  /** The program ran (so the module was compiled again) after exactly one warning naming the artifact. */
  private static void assertRanAfterWarning(Cli.Result r, Path artifact, String reason) {
    assertEquals(0, r.status(), r.stderr());
    assertArrayEquals(ECHO_OUT, r.stdout(), r.out());
    String stderr = TierOptionTest.withoutFallback(r.stderr());
    assertEquals(1, stderr.lines().count(), r.stderr());
    assertTrue(stderr.startsWith("isola: warning: " + artifact + ": " + reason), r.stderr());
    assertTrue(stderr.endsWith("; compiling the module instead\n"), r.stderr());
  }

  @Test
  void compileWritesBesideTheModuleAndExecUsesIt() {
    Path module = echo();
    Cli.Result c = Cli.run("compile", module.toString());
    Path artifact = dir.resolve("echo.wasm.aot");
    assertEquals(0, c.status(), c.stderr());
    assertTrue(Pattern.matches(Pattern.quote(artifact.toString())
        + ": \\d+ functions compiled in \\d+ ms, \\d+ classes, \\d+ bytes of bytecode\n", c.out()), c.out());
    assertTrue(Files.isRegularFile(artifact));
    assertRanWithoutWarning(Cli.run("exec", module.toString()));
    assertRanWithoutWarning(Cli.run("exec", "--tier", "compiled", module.toString()));
  }

  @Test
  void outputOptionAndExplicitAot() {
    Path module = echo();
    Path artifact = dir.resolve("elsewhere.bin");
    assertEquals(0, Cli.run("compile", module.toString(), "-o", artifact.toString()).status());
    assertTrue(Files.notExists(dir.resolve("echo.wasm.aot")));
    assertRanWithoutWarning(Cli.run("exec", "--aot", artifact.toString(), module.toString()));
  }

  @Test
  void staleArtifactIsRejectedAndTheModuleRecompiled() throws IOException {
    Path module = echo();
    assertEquals(0, Cli.run("compile", module.toString()).status());
    // Same file name, other bytes (an edited, rebuilt module): here a custom section "x" appended, which changes
    // the hash and nothing else.
    byte[] original = TestModules.echo();
    byte[] changed = Arrays.copyOf(original, original.length + 5);
    System.arraycopy(new byte[] {0, 3, 1, 'x', 0}, 0, changed, original.length, 5);
    Files.write(module, changed);
    assertRanAfterWarning(Cli.run("exec", module.toString()), dir.resolve("echo.wasm.aot"),
        "stale: compiled from other module bytes");
  }

  @Test
  void flippedByteIsRejected() throws IOException {
    Path module = echo();
    assertEquals(0, Cli.run("compile", module.toString()).status());
    Path artifact = dir.resolve("echo.wasm.aot");
    byte[] bytes = Files.readAllBytes(artifact);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(artifact, bytes);
    assertRanAfterWarning(Cli.run("exec", module.toString()), artifact, "corrupted: checksum mismatch");
  }

  @Test
  void truncatedArtifactIsRejected() throws IOException {
    Path module = echo();
    assertEquals(0, Cli.run("compile", module.toString()).status());
    Path artifact = dir.resolve("echo.wasm.aot");
    byte[] bytes = Files.readAllBytes(artifact);
    Files.write(artifact, Arrays.copyOf(bytes, bytes.length - 1));
    assertRanAfterWarning(Cli.run("exec", module.toString()), artifact, "truncated: ");
  }

  @Test
  void anotherFileIsNotAnArtifact() {
    Path module = echo();
    Path bogus = Cli.write(dir, "bogus.aot", "not compiled".getBytes(StandardCharsets.UTF_8));
    assertRanAfterWarning(Cli.run("exec", "--aot", bogus.toString(), module.toString()), bogus,
        "not an Isola AOT artifact");
  }

  @Test
  void interpreterIgnoresTheArtifactBesideTheModule() throws IOException {
    Path module = echo();
    Files.write(dir.resolve("echo.wasm.aot"), new byte[] {1, 2, 3});
    assertRanWithoutWarning(Cli.run("exec", "--tier", "interp", module.toString()));
  }

  @Test
  void aotWithInterpIsAUsageError() {
    Path module = echo();
    Cli.Result r = Cli.run("exec", "--tier", "interp", "--aot", "x.aot", module.toString());
    assertEquals(ExitCode.USAGE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().contains("--aot loads compiled code: it cannot go with --tier interp"), r.stderr());
  }

  @Test
  void missingExplicitArtifactIsAnIoError() {
    Path module = echo();
    Cli.Result r = Cli.run("exec", "--aot", dir.resolve("nope.aot").toString(), module.toString());
    assertEquals(ExitCode.IO_ERROR.code(), r.status(), r.stderr());
    assertEquals("isola: " + dir.resolve("nope.aot") + ": no such file\n", r.stderr());
  }

  @Test
  void invalidModuleIsNotCompiled() {
    String file = Cli.write(dir, "invalid.wasm", TestModules.invalid()).toString();
    Cli.Result r = Cli.run("compile", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().startsWith(file + ": invalid module in func 1 ($bad)"), r.stderr());
    assertTrue(Files.notExists(dir.resolve("invalid.wasm.aot")));
  }
}
