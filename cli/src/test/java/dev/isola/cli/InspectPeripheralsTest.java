package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.cli.WasmBuilder.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isola inspect} prints a module's peripheral needs, or its section's mistake with the byte offset. */
class InspectPeripheralsTest {
  @TempDir
  java.nio.file.Path dir;

  private static byte[] module(byte[] needs) {
    WasmBuilder b = new WasmBuilder();
    int start = b.func("start", new int[0], new int[0], new Bytes());
    return b.memory(1).exportFunc("_start", start).custom("isola.peripherals", needs).build();
  }

  private static byte[] records(String... records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String r : records) {
      out.writeBytes(r.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }

  private List<String> inspect(byte[] module) {
    Cli.Result r = Cli.run("inspect", Cli.write(dir, "m.wasm", module).toString());
    assertEquals(0, r.status(), r.stderr());
    return r.out().lines().toList();
  }

  @Test
  void printsKindLabelAndConstraintsAligned() {
    List<String> lines = inspect(module(records("i2c sensor address=72 speed=100000,400000",
        "gpio-in alert pull=up edge=falling", "timer tick", "gpio-in button")));
    int at = lines.indexOf("peripherals: 4");
    assertTrue(at > 0, String.join("\n", lines));
    assertEquals(List.of(
        "  i2c      sensor  address=0x48 speed=100000,400000",
        "  gpio-in  alert   pull=up edge=falling              interrupt line",
        "  timer    tick                                      interrupt line",
        "  gpio-in  button"), lines.subList(at + 1, at + 5));
    assertTrue(lines.stream().anyMatch(l -> l.matches("  isola.peripherals +\\d+ bytes")), "still a custom section");
  }

  @Test
  void aModuleWithoutTheSectionNeedsNothing() {
    List<String> lines = inspect(TestModules.inspectable());
    assertTrue(lines.contains("peripherals: 0"), String.join("\n", lines));
  }

  @Test
  void aMalformedSectionShowsItsOffsetAndTheRestOfTheModule() {
    List<String> lines = inspect(module(records("timer tick", "i2c sensor adress=0x48")));
    assertTrue(lines.contains("peripherals: custom section isola.peripherals at byte 0x16: kind i2c has no key"
        + " \"adress\" (it takes address, speed)"), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("functions")), "the rest is still shown");
  }
}
