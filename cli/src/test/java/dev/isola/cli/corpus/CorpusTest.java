package dev.isola.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus program, compiled for wasm32-wasi and natively, run with the same arguments, environment and a
 * fresh directory: {@code isola exec}, run in-process, must print exactly what the native binary printed, exit with
 * the same status and leave the same files behind.
 */
class CorpusTest {
  private static Path binaries;

  /**
   * One run of a corpus program.
   *
   * @param program the C file's name without {@code .c}
   * @param args the arguments after {@code argv[0]}
   * @param env the whole environment (nothing of the test's own is passed on)
   * @param stdin what the program reads on standard input
   * @param status the exit status the program is written to produce, so a run that agrees with native only by
   *     both failing the same way still fails the test
   */
  record Case(String program, List<String> args, Map<String, String> env, String stdin, int status) {
    Case(String program, List<String> args, Map<String, String> env, int status) {
      this(program, args, env, "", status);
    }

    @Override
    public String toString() {
      return program + " " + args + " " + env.keySet();
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("strings", List.of(), Map.of(), 0),
        new Case("lists", List.of(), Map.of(), 0),
        new Case("floats", List.of(), Map.of(), 0),
        new Case("recursion", List.of(), Map.of(), 0),
        new Case("files", List.of(), Map.of(), 0),
        new Case("exit_code", List.of(), Map.of(), 0),
        new Case("exit_code", List.of("3"), Map.of(), 3),
        new Case("exit_code", List.of("255"), Map.of(), 255),
        new Case("exit_code", List.of("return", "42"), Map.of(), 42),
        new Case("args_env", List.of(), Map.of(), 0),
        new Case("args_env", List.of("one", "two words", "", "ünïcödé ✓"),
            Map.of("GREETING", "hello, world", "EMPTY", "", "LANG", "C.UTF-8"), 0),
        new Case("stdin_count", List.of(), Map.of(), "", 2),
        new Case("stdin_count", List.of(), Map.of(),
            "one line\n  two words here\n\nthe longest line of all, by far\n", 0),
        new Case("stdin_count", List.of(), Map.of(), "x ".repeat(50_000) + "\n", 0));
  }

  @BeforeAll
  static void compile() throws IOException, InterruptedException {
    Toolchain.assumeAvailable();
    binaries = Files.createDirectories(Toolchain.buildDir().resolve("corpus"));
    try (Stream<Path> sources = Files.list(Toolchain.root().resolve("corpus/c"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".c")).toList()) {
        String name = source.getFileName().toString().replaceFirst("\\.c$", "");
        Toolchain.compileWasm(source, binaries.resolve(name + ".wasm"));
        Toolchain.compileNative(source, binaries.resolve(name));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsWhatNativePrints(Case c, @TempDir Path nativeDir, @TempDir Path wasmDir) throws Exception {
    var command = new ArrayList<String>(List.of(binaries.resolve(c.program()).toString()));
    command.addAll(c.args());
    Toolchain.Result expected = Toolchain.run(command, nativeDir, c.env(), c.stdin());
    assertEquals(c.status(), expected.status(), "native exit status; its output was:\n" + expected.stdout());

    IsolaRun.Result actual =
        IsolaRun.exec(binaries.resolve(c.program() + ".wasm"), c.args(), c.env(), c.stdin(), wasmDir);

    assertEquals(expected.stdout(), actual.stdout(), () -> "standard output; standard error was:\n" + actual.stderr());
    assertEquals(expected.status(), actual.status(), () -> "exit status; standard error was:\n" + actual.stderr());
    assertEquals(listing(nativeDir), listing(wasmDir), "files left in the directory");
  }

  /** Every file left behind, relative and sorted, so a program that cleans up must do so under Isola too. */
  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
