package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isola inspect --compile}: the compiler's report as tables. */
class InspectCompileTest {
  @TempDir
  Path dir;

  @Test
  void printsMethodsWithSizesAndFallbacks() {
    String file = Cli.write(dir, "sample.wasm", TestModules.inspectable()).toString();
    Cli.Result r = Cli.run("inspect", "--compile", file);
    assertEquals(0, r.status(), r.stderr());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches(java.util.regex.Pattern.quote(file) + ": \\d+ bytes, compiled in \\d+ ms"),
        r.out());
    assertTrue(lines.get(1).matches("tier: (compiled|interp \\(the compiler fell back\\)), \\d+ functions compiled,"
        + " \\d+ methods emitted, \\d+ over 8000 bytes"), r.out());
    int methods = lines.indexOf(lines.stream().filter(l -> l.startsWith("methods: ")).findFirst().orElseThrow());
    assertTrue(lines.get(methods).matches("methods: \\d+ \\(\\d+ bytes of bytecode\\)"), r.out());
    assertTrue(lines.get(methods + 1).matches("  method +function +bytecode"), r.out());
    assertTrue(r.out().contains("\nfallbacks: "), r.out());
    // A function of the module appears under its name from the name section.
    assertTrue(r.out().contains("func[1] add") || r.out().contains("fallbacks: 1"), r.out());
  }

  @Test
  void invalidModuleIsReportedNotCompiled() {
    String file = Cli.write(dir, "invalid.wasm", TestModules.invalid()).toString();
    Cli.Result r = Cli.run("inspect", "--compile", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status(), r.stderr());
    assertTrue(r.stderr().startsWith(file + ": invalid module in func 1 ($bad)"), r.stderr());
  }
}
