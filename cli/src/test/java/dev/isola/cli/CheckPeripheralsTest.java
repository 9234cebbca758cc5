package dev.isola.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.cli.WasmBuilder.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isola check} on peripheral bindings against the built-in board {@code sim} (hal-sim at run time). */
class CheckPeripheralsTest {
  @TempDir
  Path dir;

  private void module(String name, String... records) {
    ByteArrayOutputStream needs = new ByteArrayOutputStream();
    for (String r : records) {
      needs.writeBytes(r.getBytes(StandardCharsets.UTF_8));
      needs.write(0);
    }
    WasmBuilder b = new WasmBuilder();
    int start = b.func("start", new int[0], new int[0], new Bytes());
    Cli.write(dir, name, b.memory(1).exportFunc("_start", start).custom("isola.peripherals", needs.toByteArray())
        .build());
  }

  private Path system(String text) {
    return Cli.write(dir, "system.toml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSummaryNamesTheBoardAndTheBindings() {
    module("thermo.wasm", "i2c sensor address=0x48 speed=100000,400000", "gpio-in alert pull=up edge=falling");
    Path file = system("""
        [containers.thermo]
        module = "thermo.wasm"
        priority = 50
        [containers.thermo.peripherals]
        sensor = "tmp102"
        alert = "tmp102.alert"
        [containers.thermo.interrupts]
        alert = 60
        """);
    Cli.Result r = Cli.run("check", file.toString());
    assertEquals(0, r.status(), r.stderr());
    assertTrue(r.out().contains("  board: sim (built in)\n"), r.out());
    assertTrue(r.out().contains("  peripherals of thermo: sensor = tmp102, alert = tmp102.alert (interrupt at 60)\n"),
        r.out());
  }

  @Test
  void everyBindingProblemIsOneLineAndTheStatusIsSeven() {
    module("thermo.wasm", "i2c sensor address=0x49", "gpio-out led");
    module("rogue.wasm", "gpio-out lamp");
    Path file = system("""
        [containers.thermo]
        module = "thermo.wasm"
        [containers.thermo.peripherals]
        sensor = "tmp102"
        led = "led"
        [containers.rogue]
        module = "rogue.wasm"
        [containers.rogue.peripherals]
        lamp = "gpio0.5"
        """);
    Cli.Result r = Cli.run("check", file.toString());
    assertEquals(ExitCode.SYSTEM_FILE.code(), r.status());
    assertEquals("", r.out());
    assertEquals(file + ":4:1: containers.thermo.peripherals.sensor: tmp102 does not meet i2c sensor: address=0x49:"
        + " tmp102 is at 0x48\n"
        + file + ":9:1: containers.rogue.peripherals.lamp: gpio0.5 is already bound to thermo.led (as led, the same"
        + " hardware): a resource has one owner\n"
        + "2 problems\n", r.stderr());
  }
}
