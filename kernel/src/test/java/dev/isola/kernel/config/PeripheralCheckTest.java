package dev.isola.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.need.Needs;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isola check} on peripherals: needs against bindings and the built-in board {@code sim} (hal-sim). */
class PeripheralCheckTest {
  @TempDir Path dir;

  private static final String COMMAND = "(module (memory 1) (func (export \"_start\")))";

  /** A command module whose isola.peripherals section holds {@code records}. */
  private void module(String name, String... records) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (String r : records) {
      payload.writeBytes(r.getBytes(StandardCharsets.UTF_8));
      payload.write(0);
    }
    moduleWithSection(name, payload.toByteArray());
  }

  private void moduleWithSection(String name, byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ModuleEncoder.encode(TextParser.parseModule(COMMAND, SystemCheck.FEATURES)));
    // A custom section may come anywhere: appended after the module's last section.
    byte[] sectionName = Needs.SECTION.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    leb(body, sectionName.length);
    body.writeBytes(sectionName);
    body.writeBytes(payload);
    out.write(0);
    leb(out, body.size());
    out.writeBytes(body.toByteArray());
    Files.write(dir.resolve(name), out.toByteArray());
  }

  private static void leb(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7F;
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }

  private List<String> check(String system) throws Exception {
    Path file = dir.resolve("system.toml");
    Files.writeString(file, system);
    return SystemCheck.check(SystemFile.read(file)).stream()
        .map(p -> p.toString().startsWith(dir.toString()) ? p.toString().substring(dir.toString().length() + 1)
            : p.toString())
        .toList();
  }

  @Test
  void theGreenhouseBindingsFitTheSimBoard() throws Exception {
    module("thermo.wasm", "i2c sensor address=0x48 speed=100000,400000", "gpio-in alert pull=up edge=falling");
    module("control.wasm", "pwm fan hz=25000", "gpio-out heater", "gpio-out led initial=0", "adc soil bits=10",
        "timer tick");
    module("console.wasm", "uart console baud=115200", "gpio-in button pull=up edge=falling");
    assertEquals(List.of(), check("""
        [containers.thermo]
        module = "thermo.wasm"
        priority = 50
        [containers.thermo.peripherals]
        sensor = "tmp102"
        alert = "tmp102.alert"
        [containers.thermo.interrupts]
        alert = 60

        [containers.control]
        module = "control.wasm"
        priority = 40
        [containers.control.peripherals]
        fan = "fan"
        heater = "heater"
        led = "gpio0.5"
        soil = "adc0.0"
        tick = "timer0.1"
        [containers.control.interrupts]
        tick = 45

        [containers.console]
        module = "console.wasm"
        [containers.console.peripherals]
        console = "uart0"
        button = "button"
        """));
  }

  @Test
  void everyRefusalAtOnceNamingContainerLabelAndReason() throws Exception {
    module("thermo.wasm", "i2c sensor address=0x49 speed=1000000", "gpio-in alert pull=up edge=falling",
        "gpio-out indicator", "timer tick");
    module("control.wasm", "gpio-out lamp", "gpio-in door", "spi raw mode=0", "pwm fan hz=25000", "gpio-out nothing");
    List<String> problems = check("""
        [containers.thermo]
        module = "thermo.wasm"
        priority = 50
        [containers.thermo.peripherals]
        sensor = "tmp102"
        alert = "tmp102.alert"
        indicator = "led"
        extra = "gpio0.9"
        [containers.thermo.interrupts]
        sensor = 60
        ghost = 60

        [containers.control]
        module = "control.wasm"
        priority = 10
        [containers.control.peripherals]
        lamp = "gpio0.5"
        door = "tmp102.alert"
        raw = "mcp3008"
        fan = "heater"
        nothing = "nowhere"
        [containers.control.interrupts]
        door = 20
        """);
    String noInterrupts = ", which raises no interrupts (a gpio-in with edge=rising|falling|both, a uart or a timer"
        + " does)";
    assertEquals(List.of(
        "system.toml:4:1: containers.thermo.peripherals.tick: thermo.wasm needs timer tick but label tick is not"
            + " bound (add tick = \"RESOURCE\" to [containers.thermo.peripherals])",
        "system.toml:5:1: containers.thermo.peripherals.sensor: tmp102 does not meet i2c sensor: address=0x49:"
            + " tmp102 is at 0x48",
        "system.toml:5:1: containers.thermo.peripherals.sensor: tmp102 does not meet i2c sensor: speed=1000000:"
            + " bus i2c0 runs 100000, 400000 Hz",
        "system.toml:8:1: containers.thermo.peripherals.extra: thermo.wasm declares no need labelled extra (it"
            + " declares sensor, alert, indicator, tick)",
        "system.toml:10:1: containers.thermo.interrupts.sensor: sensor is i2c" + noInterrupts,
        "system.toml:11:1: containers.thermo.interrupts.ghost: thermo.wasm declares no need labelled ghost (it"
            + " declares sensor, alert, indicator, tick)",
        "system.toml:17:1: containers.control.peripherals.lamp: gpio0.5 is already bound to thermo.indicator (as"
            + " led, the same hardware): a resource has one owner",
        "system.toml:18:1: containers.control.peripherals.door: tmp102.alert is already bound to thermo.alert: a"
            + " resource has one owner",
        "system.toml:19:1: containers.control.peripherals.raw: mcp3008 is used by board sim itself (is the ADC"
            + " adc0)",
        "system.toml:20:1: containers.control.peripherals.fan: heater does not meet pwm fan: heater serves"
            + " gpio-out, not pwm",
        "system.toml:21:1: containers.control.peripherals.nothing: no resource nowhere on board sim (gpio-out"
            + " resources: gpio0.0, gpio0.1, gpio0.2, gpio0.3, gpio0.4, gpio0.5, gpio0.8, gpio0.9 and 24 more)",
        "system.toml:23:1: containers.control.interrupts.door: door is gpio-in without an edge" + noInterrupts),
        problems);
  }

  @Test
  void theIoAndIrqImportsAreOfferedWithTheirTypes() throws Exception {
    Files.write(dir.resolve("io.wasm"), ModuleEncoder.encode(TextParser.parseModule("""
        (module
          (import "isola:gpio" "open" (func (param i32 i32) (result i32)))
          (import "isola:gpio" "read" (func (param i32) (result i32)))
          (import "isola:i2c" "write_read" (func (param i32 i32 i32 i32 i32) (result i32)))
          (import "isola:irq" "attach" (func (param i32 i32 i32) (result i32)))
          (import "isola:gpio" "read" (func $bad (param i64) (result i32)))
          (import "isola:gpio" "teleport" (func))
          (memory 1)
          (func (export "_start")))
        """, SystemCheck.FEATURES)));
    String at = "system.toml:2:1: containers.io.module: io.wasm imports ";
    assertEquals(List.of(
        at + "isola:gpio.read with type (i64) -> (i32), but it has type (i32) -> (i32)",
        at + "isola:gpio.teleport, which the kernel does not offer (see sdk/isola.h and WASI preview 1)"),
        check("""
            [containers.io]
            module = "io.wasm"
            """));
  }

  @Test
  void aMalformedSectionIsNamedAtTheModuleWithItsOffset() throws Exception {
    module("bad.wasm", "timer tick", "gpio led");
    assertEquals(List.of("system.toml:2:1: containers.bad.module: bad.wasm: custom section isola.peripherals at"
        + " byte 0xb: unknown kind \"gpio\" (expected gpio-in, gpio-out, i2c, spi, uart, adc, pwm, timer)"), check("""
        [containers.bad]
        module = "bad.wasm"
        [containers.bad.peripherals]
        tick = "timer0.0"
        """));
  }

  @Test
  void aBoardFileWithProblemsIsReportedAfterTheSystemFile() throws Exception {
    module("a.wasm", "timer tick");
    Files.writeString(dir.resolve("board.toml"), """
        [gpio.gpio0]
        compatible = "acme,unknown-gpio"
        pins = 8
        """);
    List<String> problems = check("""
        [system]
        board = "board.toml"
        [containers.a]
        module = "a.wasm"
        [containers.a.peripherals]
        tick = "timer0.0"
        """);
    assertEquals(2, problems.size(), problems.toString());
    assertEquals("system.toml:2:1: system.board: the board file has 1 problem (listed below)", problems.get(0));
    assertTrue(problems.get(1).startsWith("board.toml:2:1: gpio.gpio0.compatible: unknown compatible"
        + " \"acme,unknown-gpio\""), problems.get(1));
  }

  @Test
  void aMissingBoardFileIsOneProblem() throws Exception {
    module("a.wasm");
    List<String> problems = check("""
        [system]
        board = "none.toml"
        [containers.a]
        module = "a.wasm"
        """);
    assertEquals(List.of("system.toml:2:1: system.board: no such file: none.toml"), problems);
  }
}
