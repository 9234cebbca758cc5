package dev.isola.hal.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Edge;
import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import dev.isola.hal.Resource;
import dev.isola.toml.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class BoardFileTest {
  public static final Catalog CATALOG = Catalog.of(List.of("isola,sim-gpio", "isola,sim-i2c", "isola,sim-spi",
      "isola,sim-uart", "microchip,mcp3008", "isola,sim-pwm", "isola,sim-timer"), List.of());

  /** The greenhouse board, as hal-sim's built-in one. */
  public static final String GOOD = """
      [board]
      name = "greenhouse"
      description = "test"

      [gpio.gpio0]
      compatible = "isola,sim-gpio"
      pins = 8
      pulls = ["none", "up"]
      edges = ["rising", "falling", "both"]

      [i2c.i2c0]
      compatible = "isola,sim-i2c"
      speeds = [100000, 400000]

      [spi.spi0]
      compatible = "isola,sim-spi"
      chip-selects = 2
      modes = [0, 1]
      max-hz = 1000000

      [uart.uart0]
      compatible = "isola,sim-uart"
      bauds = [9600, 115200]
      [uart.uart0.properties]
      endpoint = "terminal"

      [adc.adc0]
      compatible = "microchip,mcp3008"
      device = "mcp3008"
      channels = 8
      bits = 10
      reference-mv = 3300

      [pwm.pwm0]
      compatible = "isola,sim-pwm"
      channels = 2
      min-hz = 10
      max-hz = 100000

      [timer.timer0]
      compatible = "isola,sim-timer"
      channels = 4

      [devices.heater]
      compatible = "isola,sim-heater"
      pin = "gpio0.4"

      [devices.led]
      compatible = "isola,sim-led"
      pin = "gpio0.5"

      [devices.button]
      compatible = "isola,sim-button"
      pin = "gpio0.6"

      [devices.tmp102]
      compatible = "ti,tmp102"
      bus = "i2c0"
      address = 0x48
      alert = "gpio0.7"

      [devices.mcp3008]
      compatible = "microchip,mcp3008"
      bus = "spi0"
      cs = 0

      [devices.fan]
      compatible = "isola,sim-fan"
      channel = "pwm0.0"
      [devices.fan.properties]
      max-rpm = 2400
      inertia = 1.5

      [devices.room]
      compatible = "isola,sim-room"
      """;

  public static BoardSpec parse(String text) throws BoardFileException {
    return BoardFile.parse(Path.of("board.toml"), text, CATALOG);
  }

  /** The problems of {@code text}, one string each. */
  static List<String> problems(String text) {
    BoardFileException e = assertThrows(BoardFileException.class, () -> parse(text));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsTheGreenhouseBoard() throws BoardFileException {
    BoardSpec b = parse(GOOD);
    assertEquals("greenhouse", b.name());
    assertEquals(List.of("gpio0", "i2c0", "spi0", "uart0", "adc0", "pwm0", "timer0"),
        List.copyOf(b.controllers().keySet()));
    assertEquals(new ControllerSpec.I2c("i2c0", "isola,sim-i2c", new java.util.TreeSet<>(List.of(100_000, 400_000)),
        java.util.Map.of()), b.controllers().get("i2c0"));
    assertEquals("terminal", b.controllers().get("uart0").properties().get("endpoint"));
    assertEquals(2400L, b.devices().get("fan").properties().get("max-rpm"));
    assertEquals(1.5, b.devices().get("fan").properties().get("inertia"));
    assertEquals(new DeviceSpec.Gpio("button", "isola,sim-button", new Channel("gpio0", 6), Kind.GPIO_IN, Pull.UP,
        true, java.util.Map.of()), b.devices().get("button"));
    assertEquals(java.util.Map.of("mcp3008", "is the ADC adc0"), b.reserved());
  }

  @Test
  void offersResourcesByName() throws BoardFileException {
    BoardSpec b = parse(GOOD);
    // A free pin: both directions, the controller's pulls and edges.
    Resource.Pin free = (Resource.Pin) b.resources().get("gpio0.0");
    assertEquals(Set.of(Kind.GPIO_IN, Kind.GPIO_OUT), free.kinds());
    assertEquals(Set.of(Pull.NONE, Pull.UP), free.pulls());
    assertEquals(Set.of(Edge.NONE, Edge.RISING, Edge.FALLING, Edge.BOTH), free.edges());
    // The LED's pin, by either name: output only, one claim.
    Resource led = b.resources().get("led");
    Resource gpio5 = b.resources().get("gpio0.5");
    assertEquals(Set.of(Kind.GPIO_OUT), led.kinds());
    assertEquals(Set.of(Kind.GPIO_OUT), gpio5.kinds());
    assertEquals(led.claim(), gpio5.claim());
    assertEquals(Optional.of("led"), gpio5.device());
    // The button needs its pull-up, and nothing else.
    assertEquals(Set.of(Pull.UP), ((Resource.Pin) b.resources().get("button")).pulls());
    Resource.Pin alert = (Resource.Pin) b.resources().get("tmp102.alert");
    assertEquals(Set.of(Kind.GPIO_IN), alert.kinds());
    assertEquals(7, alert.pin());
    assertEquals("gpio0.7", alert.claim());
    Resource.I2c tmp = (Resource.I2c) b.resources().get("tmp102");
    assertEquals(0x48, tmp.address());
    assertEquals(List.of(100_000, 400_000), List.copyOf(tmp.speeds()));
    // The part takes 0 and 3, the bus 0 and 1: mode 0 is left; the bus's clock is the slower.
    Resource.Spi adcPart = (Resource.Spi) b.resources().get("mcp3008");
    assertEquals(Set.of(0), adcPart.modes());
    assertEquals(1_000_000, adcPart.maxHz());
    assertEquals(new Resource.Adc("adc0.3", "adc0", 3, 10, 3300), b.resources().get("adc0.3"));
    assertEquals("pwm0.0", b.resources().get("fan").claim());
    assertEquals(Optional.of("fan"), b.resources().get("pwm0.0").device());
    assertEquals(Optional.empty(), b.resources().get("pwm0.1").device());
    assertEquals(Set.of(Kind.TIMER), b.resources().get("timer0.3").kinds());
    assertEquals(Set.of(Kind.UART), b.resources().get("uart0").kinds());
    // Buses are reached through their devices; environments are not bindable.
    assertTrue(b.resource("i2c0").isEmpty());
    assertTrue(b.resource("spi0").isEmpty());
    assertTrue(b.resource("room").isEmpty());
  }

  @Test
  void defaultsWhatTheFileLeavesOut() throws BoardFileException {
    BoardSpec b = BoardFile.parse(Path.of("dir", "tiny.toml"), """
        [gpio.gpio0]
        compatible = "isola,sim-gpio"
        [uart.uart0]
        compatible = "isola,sim-uart"
        """, CATALOG);
    assertEquals("tiny", b.name());
    ControllerSpec.Gpio g = (ControllerSpec.Gpio) b.controllers().get("gpio0");
    assertEquals(32, g.pins());
    assertEquals(Set.of(Pull.values()), g.pulls());
    assertEquals(List.of(9600, 19200, 38400, 57600, 115200),
        List.copyOf(((ControllerSpec.Uart) b.controllers().get("uart0")).bauds()));
  }

  @Test
  void unknownCompatibles() {
    assertEquals(List.of(
        "board.toml:2:1: gpio.gpio0.compatible: unknown compatible \"acme,gpio\": no backend installed serves it"
            + " (known: isola,sim-gpio, isola,sim-i2c, isola,sim-pwm, isola,sim-spi, isola,sim-timer,"
            + " isola,sim-uart, microchip,mcp3008)",
        "board.toml:5:1: devices.x.compatible: unknown compatible \"acme,widget\" (known: isola,sim-button,"
            + " isola,sim-fan, isola,sim-heater, isola,sim-led, isola,sim-room, microchip,mcp3008, ti,tmp102)"),
        problems("""
            [gpio.gpio0]
            compatible = "acme,gpio"
            pins = 4
            [devices.x]
            compatible = "acme,widget"
            bus = "i2c0"
            """));
  }

  @Test
  void aPinUsedTwice() {
    assertEquals(List.of("board.toml:8:1: devices.b.pin: gpio0.3 is already used by devices.a.pin"), problems("""
        [gpio.gpio0]
        compatible = "isola,sim-gpio"
        [devices.a]
        compatible = "isola,sim-led"
        pin = "gpio0.3"
        [devices.b]
        compatible = "isola,sim-button"
        pin = "gpio0.3"
        """));
  }

  @Test
  void aDeviceOnAMissingOrWrongBus() {
    assertEquals(List.of(
        "board.toml:5:1: devices.t.bus: no i2c controller \"i2c1\" ([i2c.i2c1])",
        "board.toml:9:1: devices.m.bus: \"i2c0\" is a i2c controller, not spi"), problems("""
        [i2c.i2c0]
        compatible = "isola,sim-i2c"
        [devices.t]
        compatible = "ti,tmp102"
        bus = "i2c1"
        address = 0x48
        [devices.m]
        compatible = "microchip,mcp3008"
        bus = "i2c0"
        cs = 0
        """));
  }

  @Test
  void badAndDuplicateAddresses() {
    assertEquals(List.of(
        "board.toml:6:1: devices.a.address: must be a 7-bit address from 0x08 to 0x77 (the others are reserved),"
            + " found 0x80",
        "board.toml:10:1: devices.b.address: must be a 7-bit address from 0x08 to 0x77 (the others are reserved),"
            + " found 0x3",
        "board.toml:18:1: devices.d.address: address 0x48 on i2c0 is already used by devices.c.address",
        "board.toml:19:1: devices.e: missing required key \"address\""), problems("""
        [i2c.i2c0]
        compatible = "isola,sim-i2c"
        [devices.a]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x80
        [devices.b]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 3
        [devices.c]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x48
        [devices.d]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x48
        [devices.e]
        compatible = "ti,tmp102"
        bus = "i2c0"
        """));
  }

  @Test
  void linesOutOfRange() {
    assertEquals(List.of(
        "board.toml:10:1: devices.led.pin: gpio0.8 is out of range: gpio0 has pins 0..7",
        "board.toml:13:1: devices.fan.channel: pwm0.2 is out of range: pwm0 has channels 0..1",
        "board.toml:16:1: devices.t.bus: no i2c controller \"i2c0\" ([i2c.i2c0])",
        "board.toml:18:1: devices.t.alert: expected CONTROLLER.NUMBER such as \"gpio0.5\", found \"gpio0\""),
        problems("""
        [gpio.gpio0]
        compatible = "isola,sim-gpio"
        pins = 8
        [pwm.pwm0]
        compatible = "isola,sim-pwm"
        channels = 2
        max-hz = 1000
        [devices.led]
        compatible = "isola,sim-led"
        pin = "gpio0.8"
        [devices.fan]
        compatible = "isola,sim-fan"
        channel = "pwm0.2"
        [devices.t]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x48
        alert = "gpio0"
        """));
  }

  @Test
  void listsOfFrequenciesAreCheckedEachAndNeedOne() {
    assertEquals(List.of(
        "board.toml:3:1: i2c.i2c0.speeds: each must be between 1 and 5000000, found 0",
        "board.toml:6:1: uart.uart0.bauds: needs at least one"), problems("""
        [i2c.i2c0]
        compatible = "isola,sim-i2c"
        speeds = [100000, 0]
        [uart.uart0]
        compatible = "isola,sim-uart"
        bauds = []
        """));
  }

  @Test
  void everyProblemAtOnceInFileOrder() {
    assertEquals(List.of(
        "board.toml:2:1: board.nmae: unknown key",
        "board.toml:5:1: gpio.gpio0.pins: must be between 1 and 1024, found 0",
        "board.toml:6:1: gpio.gpio0.pulls: unknown \"sideways\" (expected one of none, up, down)",
        "board.toml:9:1: i2c.i2c0.speeds[1]: expected an integer, found a string \"fast\"",
        "board.toml:10:1: spi.spi0: missing required key \"max-hz\"",
        "board.toml:12:1: spi.spi0.modes: an SPI mode is 0..3, found 4",
        "board.toml:15:1: adc.adc0.device: no device \"nothing\" ([devices.nothing])",
        "board.toml:18:1: adc.adc1.bits: must be between 1 and 24, found 32",
        "board.toml:21:1: pwm.pwm0.min-hz: is above max-hz (10)",
        "board.toml:23:1: devices.Bad: a name must be lower-case letters, digits, '_' and '-', starting with a"
            + " letter, at most 32",
        "board.toml:25:1: devices.k: missing required key \"compatible\"",
        "board.toml:27:1: gizmo: unknown key"), problems("""
        [board]
        nmae = "typo"
        [gpio.gpio0]
        compatible = "isola,sim-gpio"
        pins = 0
        pulls = ["up", "sideways"]
        [i2c.i2c0]
        compatible = "isola,sim-i2c"
        speeds = [100000, "fast"]
        [spi.spi0]
        compatible = "isola,sim-spi"
        modes = [4]
        [adc.adc0]
        compatible = "microchip,mcp3008"
        device = "nothing"
        [adc.adc1]
        compatible = "microchip,mcp3008"
        bits = 32
        [pwm.pwm0]
        compatible = "isola,sim-pwm"
        min-hz = 100
        max-hz = 10
        [devices.Bad]
        compatible = "isola,sim-led"
        [devices.k]
        pin = "gpio0.1"
        [gizmo]
        x = 1
        """));
  }

  @Test
  void namesAreOneNamespace() {
    assertEquals(List.of("board.toml:5:1: devices.gpio0: the name \"gpio0\" is already used by [gpio.gpio0]"),
        problems("""
            [gpio.gpio0]
            compatible = "isola,sim-gpio"
            [uart.uart0]
            compatible = "isola,sim-uart"
            [devices.gpio0]
            compatible = "isola,sim-room"
            """));
  }

  @Test
  void chipSelectsAndModes() {
    assertEquals(List.of(
        "board.toml:8:1: devices.a.cs: must be a chip select of spi0 (0..1), found 2",
        "board.toml:13:1: devices.b.max-hz: the part runs at most 3600000 Hz, found 5000000",
        "board.toml:18:1: devices.c.bus: the part's SPI modes [0, 3] and spi0's [1, 2] have none in common"),
        problems("""
            [spi.spi0]
            compatible = "isola,sim-spi"
            modes = [1, 2]
            chip-selects = 2
            max-hz = 8000000
            [devices.a]
            compatible = "microchip,mcp3008"
            cs = 2
            bus = "spi0"
            [devices.b]
            compatible = "microchip,mcp3008"
            bus = "spi0"
            max-hz = 5000000
            cs = 0
            [devices.c]
            compatible = "microchip,mcp3008"
            cs = 1
            bus = "spi0"
            """));
  }

  @Test
  void anAdcThatIsADeviceIsWhatThePartIs() {
    assertEquals(List.of(
        "board.toml:9:1: adc.adc0.channels: a microchip,mcp3008 has 8 channels of 10 bits, not 16 of 10",
        "board.toml:12:1: adc.adc1.device: \"tmp\" (ti,tmp102) is not an ADC",
        "board.toml:15:1: adc.adc2.device: \"mcp\" is the ADC adc0"), problems("""
        [spi.spi0]
        compatible = "isola,sim-spi"
        max-hz = 1000000
        [i2c.i2c0]
        compatible = "isola,sim-i2c"
        [adc.adc0]
        compatible = "microchip,mcp3008"
        device = "mcp"
        channels = 16
        [adc.adc1]
        compatible = "microchip,mcp3008"
        device = "tmp"
        [adc.adc2]
        compatible = "microchip,mcp3008"
        device = "mcp"
        [devices.mcp]
        compatible = "microchip,mcp3008"
        bus = "spi0"
        cs = 0
        [devices.tmp]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x48
        """));
  }

  @Test
  void tomlSyntaxErrorsStopReading() {
    List<String> p = problems("""
        [gpio.gpio0]
        compatible = "isola,sim-gpio
        """);
    assertEquals(1, p.size());
    assertTrue(p.getFirst().startsWith("board.toml:2:"), p.getFirst());
  }

  @Test
  void aMissingFile() {
    BoardFileException e = assertThrows(BoardFileException.class,
        () -> BoardFile.read(Path.of("no/such/board.toml"), CATALOG));
    assertEquals("no/such/board.toml: no such file", e.getMessage());
  }

  @Test
  void aNeededPullTheControllerLacks() {
    assertEquals(List.of("board.toml:6:1: devices.b.pin: the part needs pull up, which gpio0 does not have"),
        problems("""
            [gpio.gpio0]
            compatible = "isola,sim-gpio"
            pulls = ["none"]
            [devices.b]
            compatible = "isola,sim-button"
            pin = "gpio0.1"
            """));
  }
}
