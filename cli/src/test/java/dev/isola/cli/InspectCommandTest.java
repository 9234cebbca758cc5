package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir
  Path dir;

  private List<String> inspect(byte[] module) {
    String file = Cli.write(dir, "m.wasm", module).toString();
    Cli.Result r = Cli.run("inspect", file);
    assertEquals(0, r.status(), r.stderr());
    return r.out().lines().toList();
  }

  private static void assertLine(List<String> lines, String regex) {
    assertTrue(lines.stream().anyMatch(l -> l.matches(regex)),
        () -> "no line matches " + regex + " in\n" + String.join("\n", lines));
  }

  @Test
  void showsEveryPart() {
    byte[] module = TestModules.inspectable();
    List<String> lines = inspect(module);
    assertTrue(lines.get(0).endsWith("m.wasm: " + module.length + " bytes, valid"), lines.get(0));
    assertEquals("module name: sample", lines.get(1));
    // The type section always starts right after the 8-byte header.
    assertLine(lines, " +1 +type +0x8 +\\d+");
    for (String section : new String[] {"import", "function", "table", "memory", "global", "export", "code"}) {
      assertLine(lines, " +\\d+ +" + section + " +0x[0-9a-f]+ +\\d+");
    }
    assertLine(lines, " +0 +custom +0x[0-9a-f]+ +\\d+ +\"producers\"");
    assertLine(lines, " +0 +custom +0x[0-9a-f]+ +\\d+ +\"name\"");
    assertLine(lines, "  func +wasi_snapshot_preview1\\.fd_write +\\(i32 i32 i32 i32\\) -> \\(i32\\)");
    assertLine(lines, "  func +add +func\\[1\\] +\\(i32 i32\\) -> \\(i32\\)");
    assertLine(lines, "  memory +memory +memory\\[0\\] +min 2 pages");
    assertLine(lines, "  memory\\[0\\] +min 2 pages +exported as memory");
    assertLine(lines, "  table\\[0\\] +funcref min 3");
    assertLine(lines, "  global\\[0\\] +mut i32 += i32.const 66560");
    assertLine(lines, "  producers +5 bytes");
    assertLine(lines, "  func\\[0\\] +fd_write +\\(i32 i32 i32 i32\\) -> \\(i32\\) +imported");
    assertLine(lines, "  func\\[2\\] +start +\\(\\) -> \\(\\) +exported as _start");
  }

  @Test
  void columnsAreAligned() {
    List<String> lines = inspect(TestModules.inspectable());
    int first = lines.indexOf("functions (3 named): 3");
    assertTrue(first > 0, String.join("\n", lines));
    // "func[0]  fd_write  ..." and "func[1]  add       ...": the type column starts at the same place.
    int column = lines.get(first + 1).indexOf('(');
    assertEquals(column, lines.get(first + 2).indexOf('('), String.join("\n", lines));
    assertEquals(column, lines.get(first + 3).indexOf('('), String.join("\n", lines));
  }

  @Test
  void invalidModuleIsStillShown() {
    List<String> lines = inspect(TestModules.invalid());
    assertTrue(lines.get(0).contains("invalid module in func 1"), lines.get(0));
    assertLine(lines, "  func\\[1\\] +bad +\\(\\) -> \\(i32\\) +exported as bad");
  }
}
