package dev.isola.hal.need;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Edge;
import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import dev.isola.hal.Resource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BindingTest {
  private static final Resource.Pin BUTTON = new Resource.Pin("button", "gpio0", 6, Set.of(Kind.GPIO_IN),
      Set.of(Pull.UP), Set.of(Edge.NONE, Edge.RISING, Edge.FALLING, Edge.BOTH), Optional.of("button"));
  private static final Resource.Pin PIN = new Resource.Pin("gpio0.3", "gpio0", 3,
      Set.of(Kind.GPIO_IN, Kind.GPIO_OUT), Set.of(Pull.NONE, Pull.UP, Pull.DOWN), Set.of(Edge.NONE, Edge.BOTH),
      Optional.empty());
  private static final Resource.I2c TMP102 = new Resource.I2c("tmp102", "i2c0", 0x48,
      new TreeSet<>(List.of(100_000, 400_000)), "ti,tmp102");
  private static final Resource.Spi MCP3008 = new Resource.Spi("mcp3008", "spi0", 0, Set.of(0, 3), 1_350_000,
      "microchip,mcp3008");
  private static final Resource.Uart UART = new Resource.Uart("uart0", new TreeSet<>(List.of(9600, 115200)));
  private static final Resource.Adc ADC = new Resource.Adc("adc0.1", "adc0", 1, 10, 3300);
  private static final Resource.Pwm FAN = new Resource.Pwm("fan", "pwm0", 0, 1, 100_000, Optional.of("fan"));
  private static final Resource.Timer TIMER = new Resource.Timer("timer0.1", "timer0", 1);

  private static Need need(String record) throws NeedException {
    return Needs.parse(NeedsTest.section(record)).all().getFirst();
  }

  private static List<String> mismatches(String record, Resource r) throws NeedException {
    return new Binding(need(record), r).mismatches();
  }

  @Test
  void fittingBindings() throws Exception {
    assertTrue(new Binding(need("gpio-in button pull=up edge=falling"), BUTTON).fits());
    assertTrue(new Binding(need("gpio-out led initial=1"), PIN).fits());
    assertTrue(new Binding(need("gpio-in door pull=down edge=both"), PIN).fits());
    assertTrue(new Binding(need("i2c sensor address=0x48 speed=100000,400000"), TMP102).fits());
    assertTrue(new Binding(need("i2c sensor speed=1000000,400000"), TMP102).fits(), "one speed is enough");
    assertTrue(new Binding(need("spi adc mode=3 hz=1000000"), MCP3008).fits());
    assertTrue(new Binding(need("uart console baud=115200"), UART).fits());
    assertTrue(new Binding(need("adc soil bits=8"), ADC).fits(), "more bits than needed is fine");
    assertTrue(new Binding(need("pwm fan hz=25000"), FAN).fits());
    assertTrue(new Binding(need("timer tick"), TIMER).fits());
  }

  @Test
  void wrongKindIsTheOnlyReason() throws Exception {
    assertEquals(List.of("tmp102 serves i2c, not gpio-in"), mismatches("gpio-in alert pull=up edge=falling", TMP102));
    assertEquals(List.of("button serves gpio-in, not gpio-out"), mismatches("gpio-out led", BUTTON));
    assertEquals(List.of("gpio0.3 serves gpio-in or gpio-out, not pwm"), mismatches("pwm fan", PIN));
  }

  @Test
  void oneReasonPerFailedConstraint() throws Exception {
    assertEquals(List.of("pull=down: button supports pull up"), mismatches("gpio-in b pull=down edge=falling", BUTTON));
    assertEquals(List.of("edge=rising: gpio0.3 raises events on none, both"), mismatches("gpio-in b pull=up edge=rising", PIN));
    assertEquals(List.of("address=0x49: tmp102 is at 0x48", "speed=1000000: bus i2c0 runs 100000, 400000 Hz"),
        mismatches("i2c s address=0x49 speed=1000000", TMP102));
    assertEquals(List.of("mode=1: mcp3008 supports mode 0, 3", "hz=2000000: mcp3008 runs at most 1350000 Hz"),
        mismatches("spi a mode=1 hz=2000000", MCP3008));
    assertEquals(List.of("baud=57600: uart0 runs 9600, 115200 baud"), mismatches("uart c baud=57600", UART));
    assertEquals(List.of("bits=12: adc0.1 has 10 bits"), mismatches("adc a bits=12", ADC));
    assertEquals(List.of("hz=200000: fan runs 1..100000 Hz"), mismatches("pwm f hz=200000", FAN));
  }
}
