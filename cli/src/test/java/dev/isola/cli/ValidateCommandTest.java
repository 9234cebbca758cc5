package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir
  Path dir;

  @Test
  void valid() {
    String file = Cli.write(dir, "ok.wasm", TestModules.inspectable()).toString();
    Cli.Result r = Cli.run("validate", file);
    assertEquals(0, r.status(), r.stderr());
    assertEquals(file + ": valid\n", r.out());
  }

  @Test
  void invalidNamesTheFunctionByIndexAndName() {
    String file = Cli.write(dir, "invalid.wasm", TestModules.invalid()).toString();
    Cli.Result r = Cli.run("validate", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status());
    assertEquals("", r.out());
    assertTrue(r.stderr().startsWith(file + ": invalid module in func 1 ($bad) at byte "), r.stderr());
  }

  @Test
  void malformed() {
    String file = Cli.write(dir, "bad.wasm", TestModules.malformed()).toString();
    Cli.Result r = Cli.run("validate", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status());
    assertTrue(r.stderr().startsWith(file + ": malformed module at byte "), r.stderr());
  }

  @Test
  void notAModule() {
    String file = Cli.write(dir, "text.wasm", "(module)".getBytes()).toString();
    Cli.Result r = Cli.run("validate", file);
    assertEquals(ExitCode.BAD_MODULE.code(), r.status());
    assertEquals(file + ": malformed module at byte 0 (0x0): magic header not detected\n", r.stderr());
  }
}
