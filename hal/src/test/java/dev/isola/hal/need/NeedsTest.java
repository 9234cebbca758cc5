package dev.isola.hal.need;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Edge;
import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeedsTest {
  /** A section as the SDK's macros write it: each record NUL-terminated. */
  static byte[] section(String... records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String r : records) {
      out.writeBytes(r.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }

  private static NeedException refused(byte[] payload) {
    return assertThrows(NeedException.class, () -> Needs.parse(payload));
  }

  @Test
  void readsEveryKindAndKey() throws Exception {
    Needs needs = Needs.parse(section(
        "gpio-in button pull=up edge=falling",
        "gpio-out led initial=1",
        "i2c sensor address=0x48 speed=100000,400000",
        "spi adc-raw mode=0 hz=1000000",
        "uart console baud=115200",
        "adc soil bits=10",
        "pwm fan hz=25000",
        "timer tick"));
    assertEquals(List.of("button", "led", "sensor", "adc-raw", "console", "soil", "fan", "tick"),
        needs.all().stream().map(Need::label).toList());
    Need button = needs.label("button").orElseThrow();
    assertEquals(Kind.GPIO_IN, button.kind());
    assertEquals(Pull.UP, button.pull());
    assertEquals(Edge.FALLING, button.edge());
    assertEquals(0, button.offset());
    assertTrue(needs.label("led").orElseThrow().initialHigh());
    Need sensor = needs.label("sensor").orElseThrow();
    assertEquals(List.of(new Constraint.Address(0x48), new Constraint.BusSpeeds(List.of(100_000, 400_000))),
        sensor.constraints());
    assertEquals("i2c sensor address=0x48 speed=100000,400000", sensor.text());
    assertEquals("address=0x48 speed=100000,400000", sensor.constraintText());
    assertEquals(List.of(new Constraint.SpiMode(0), new Constraint.ClockHz(1_000_000)),
        needs.label("adc-raw").orElseThrow().constraints());
    assertEquals(List.of(new Constraint.Baud(115200)), needs.label("console").orElseThrow().constraints());
    assertEquals(List.of(new Constraint.Bits(10)), needs.label("soil").orElseThrow().constraints());
    assertEquals(List.of(new Constraint.Frequency(25000)), needs.label("fan").orElseThrow().constraints());
    Need tick = needs.label("tick").orElseThrow();
    assertEquals(List.of(), tick.constraints());
    assertEquals("", tick.constraintText());
    // Offsets count bytes of the payload: the second record starts after the first and its NUL.
    assertEquals("gpio-in button pull=up edge=falling".length() + 1, needs.label("led").orElseThrow().offset());
  }

  @Test
  void lookupsByLabelAndKind() throws Exception {
    Needs needs = Needs.parse(section("gpio-out led", "timer tick", "gpio-out heater"));
    assertEquals(List.of("led", "tick", "heater"), List.copyOf(needs.byLabel().keySet()));
    assertEquals(List.of("led", "heater"), needs.of(Kind.GPIO_OUT).stream().map(Need::label).toList());
    assertTrue(needs.label("fan").isEmpty());
  }

  @Test
  void defaultsAreNoPullNoEdgeLow() throws Exception {
    Needs needs = Needs.parse(section("gpio-in door", "gpio-out lamp"));
    assertEquals(Pull.NONE, needs.all().get(0).pull());
    assertEquals(Edge.NONE, needs.all().get(0).edge());
    assertFalse(needs.all().get(1).initialHigh());
  }

  @Test
  void eventSourcesAreEdgedInputsUartsAndTimers() throws Exception {
    Needs needs = Needs.parse(section("gpio-in a edge=both", "gpio-in b", "gpio-in c edge=none", "uart d",
        "timer e", "i2c f", "gpio-out g", "spi h", "adc i", "pwm j"));
    assertEquals(List.of("a", "d", "e"), needs.all().stream().filter(Need::canInterrupt).map(Need::label).toList());
  }

  @Test
  void anEmptyOrMissingSectionNeedsNothing() throws Exception {
    assertTrue(Needs.parse(new byte[0]).isEmpty());
    // Padding between records (two NULs) is skipped.
    assertEquals(2, Needs.parse(new byte[] {'t', 'i', 'm', 'e', 'r', ' ', 'a', 0, 0, 0, 't', 'i', 'm', 'e', 'r', ' ',
        'b', 0}).all().size());
  }

  @Test
  void hexAndDecimalNumbers() throws Exception {
    assertEquals(new Constraint.Address(0x48), Needs.parse(section("i2c s address=72")).all().get(0).constraints()
        .get(0));
    assertEquals(new Constraint.Address(0x7f), Needs.parse(section("i2c s address=0X7F")).all().get(0).constraints()
        .get(0));
  }

  @Test
  void unterminatedRecord() {
    byte[] payload = "timer a\0timer b".getBytes(StandardCharsets.US_ASCII);
    NeedException e = refused(payload);
    assertEquals(NeedError.UNTERMINATED, e.error());
    assertEquals(8, e.offset());
    assertEquals("at byte 0x8: record not terminated by a NUL byte (every record ends with 0)", e.getMessage());
  }

  @Test
  void unknownKindNamesTheKinds() {
    NeedException e = refused(section("timer a", "gpio led"));
    assertEquals(NeedError.UNKNOWN_KIND, e.error());
    assertEquals(8, e.offset());
    assertEquals("unknown kind \"gpio\" (expected gpio-in, gpio-out, i2c, spi, uart, adc, pwm, timer)", e.reason());
  }

  @Test
  void badLabels() {
    for (String label : new String[] {"Led", "1led", "led!", "a23456789012345678901234567890123", "l\u00e9d"}) {
      NeedException e = refused(section("gpio-out " + label));
      assertEquals(NeedError.BAD_LABEL, e.error(), label);
      assertEquals(9, e.offset(), label);
    }
    // 32 characters is the longest label.
    assertEquals(1, assertDoesNotThrow("gpio-out a2345678901234567890123456789012").all().size());
  }

  private static Needs assertDoesNotThrow(String record) {
    try {
      return Needs.parse(section(record));
    } catch (NeedException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void syntaxMistakes() {
    NeedException missingLabel = refused(section("timer"));
    assertEquals(NeedError.SYNTAX, missingLabel.error());
    assertEquals(5, missingLabel.offset());
    NeedException twoSpaces = refused(section("timer  a"));
    assertEquals(NeedError.SYNTAX, twoSpaces.error());
    assertEquals(6, twoSpaces.offset());
    NeedException trailing = refused(section("i2c s address=0x48 "));
    assertEquals(NeedError.SYNTAX, trailing.error());
    assertEquals(19, trailing.offset());
    NeedException noEquals = refused(section("i2c s address"));
    assertEquals(NeedError.SYNTAX, noEquals.error());
    assertEquals(6, noEquals.offset());
    assertEquals("expected KEY=VALUE, found \"address\"", noEquals.reason());
  }

  @Test
  void unknownKeyNamesTheKindsKeys() {
    NeedException e = refused(section("i2c sensor adress=0x48"));
    assertEquals(NeedError.UNKNOWN_KEY, e.error());
    assertEquals(11, e.offset());
    assertEquals("kind i2c has no key \"adress\" (it takes address, speed)", e.reason());
    assertEquals("kind timer has no key \"hz\" (it takes none)", refused(section("timer t hz=5")).reason());
    // A key of another kind is unknown here.
    assertEquals(NeedError.UNKNOWN_KEY, refused(section("gpio-out led pull=up")).error());
  }

  @Test
  void duplicateKey() {
    NeedException e = refused(section("uart c baud=9600 baud=115200"));
    assertEquals(NeedError.DUPLICATE_KEY, e.error());
    assertEquals(17, e.offset());
  }

  @Test
  void badValuesPointAtTheValue() {
    record Case(String record, int offset, String reason) {}
    for (Case c : List.of(
        new Case("gpio-in b pull=sideways", 15, "pull: expected none|up|down, found \"sideways\""),
        new Case("gpio-in b edge=up", 15, "edge: expected none|rising|falling|both, found \"up\""),
        new Case("gpio-out l initial=2", 19, "initial: 2 is out of range 0..1"),
        new Case("i2c s address=0x80", 14, "address: 0x80 is out of range 0x0..0x7f"),
        new Case("i2c s address=-1", 14, "address: expected a number (decimal or 0x hex), found \"-1\""),
        new Case("i2c s address=010", 14, "address: \"010\" has a leading zero (write decimal or 0x hex)"),
        new Case("i2c s speed=100000,,400000", 12, "speed: expected Hz[,Hz]* such as 100000,400000, found"
            + " \"100000,,400000\""),
        new Case("i2c s speed=100000,100000", 12, "speed: 100000 is listed twice"),
        new Case("i2c s speed=0", 12, "speed: 0 is out of range 1..2147483647"),
        new Case("spi s mode=4", 11, "mode: 4 is out of range 0..3"),
        new Case("spi s hz=99999999999999999999", 9, "hz: 99999999999999999999 is too large"),
        new Case("uart u baud=fast", 12, "baud: expected a number (decimal or 0x hex), found \"fast\""),
        new Case("adc a bits=33", 11, "bits: 33 is out of range 1..32"),
        new Case("pwm p hz=0", 9, "hz: 0 is out of range 1..9223372036854775807"),
        new Case("adc a bits=\u0661\u0660", 11, "bits: expected a number (decimal or 0x hex), found"
            + " \"\u0661\u0660\"")))  {
      NeedException e = refused(section(c.record()));
      assertEquals(NeedError.BAD_VALUE, e.error(), c.record());
      assertEquals(c.reason(), e.reason(), c.record());
      assertEquals(c.offset(), e.offset(), c.record());
    }
  }

  @Test
  void duplicateLabelPointsAtTheSecondAndNamesTheFirst() {
    NeedException e = refused(section("gpio-out led", "gpio-in led"));
    assertEquals(NeedError.DUPLICATE_LABEL, e.error());
    assertEquals(13 + 8, e.offset());
    assertEquals("label led is already declared by the record at byte 0x0", e.reason());
  }

  @Test
  void notUtf8() {
    NeedException e = refused(new byte[] {'t', 'i', 'm', 'e', 'r', ' ', (byte) 0xC3, 0x28, 0});
    assertEquals(NeedError.NOT_UTF8, e.error());
    assertEquals(6, e.offset());
  }
}
