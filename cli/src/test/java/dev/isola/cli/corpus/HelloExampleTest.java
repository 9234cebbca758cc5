package dev.isola.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command runs examples/hello/hello.wasm: it must be what hello.c builds to, and run. */
class HelloExampleTest {
  private static final Path HELLO = Toolchain.root().resolve("examples/hello");

  @Test
  void committedWasmIsWhatBuildShProduces(@TempDir Path dir) throws Exception {
    Toolchain.assumeAvailable();
    Path rebuilt = dir.resolve("hello.wasm");
    Toolchain.check(List.of("bash", HELLO.resolve("build.sh").toString(), rebuilt.toString()));
    assertArrayEquals(Files.readAllBytes(HELLO.resolve("hello.wasm")), Files.readAllBytes(rebuilt),
        "examples/hello/hello.wasm is stale: run examples/hello/build.sh and commit the result");
  }

  /** What the README shows: {@code bin/isola exec examples/hello/hello.wasm Ada Grace}, here in-process. */
  @Test
  void greetsItsArgumentsAndExitsZero(@TempDir Path dir) throws Exception {
    IsolaRun.Result run = IsolaRun.exec(HELLO.resolve("hello.wasm"), List.of("Ada", "Grace"),
        Map.of("USER", "lovelace"), "", dir);
    assertEquals(0, run.status(), run.stderr());
    assertEquals("""
        Hello from WebAssembly!
        Hello, Ada!
        Hello, Grace!
        sum of the first 1000 squares: 332833500
        sqrt(2) by Newton: 1.414213562373095, by libm: 1.414213562373095
        pi from atan: 3.1415926536
        USER is lovelace
        """, run.stdout());
    try (var files = Files.list(dir)) {
      assertTrue(files.findAny().isEmpty(), "hello writes no files");
    }
  }
}
