package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.Edge;
import dev.isola.hal.GpioPin;
import dev.isola.hal.HalError;
import dev.isola.hal.HalException;
import dev.isola.hal.I2cDevice;
import dev.isola.hal.Pull;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TMP102 model against its datasheet (SBOS397), through hal's I2C and GPIO facades, on a frozen board. */
class Tmp102Test {
  // Configuration bits (16-bit register, MSB first).
  static final int OS = 0x8000, F1F0_4 = 0x1000, POL = 0x0400, TM = 0x0200, SD = 0x0100;
  static final int CR_025HZ = 0x0000, CR_8HZ = 0x00C0, AL = 0x0020, EM = 0x0010;

  Board board;
  SimBoard sim;
  I2cDevice tmp;
  GpioPin alert;

  @BeforeEach
  void open() throws Exception {
    board = Boards.open(Optional.empty());
    sim = SimBoard.of(board);
    sim.timeScale(0);
    tmp = board.i2c("tmp102");
    alert = board.gpio("tmp102.alert");
    alert.input(Pull.UP);
  }

  @AfterEach
  void close() {
    board.close();
  }

  int register(int pointer) throws HalException {
    byte[] b = tmp.writeRead(new byte[] {(byte) pointer}, 2);
    return (b[0] & 0xFF) << 8 | b[1] & 0xFF;
  }

  void write(int pointer, int value) throws HalException {
    tmp.write(new byte[] {(byte) pointer, (byte) (value >>> 8), (byte) value});
  }

  /** Holds the room at {@code celsius}: the ambient too, so the walls do not move it between conversions. */
  void hold(double celsius) {
    sim.ambient(celsius);
    sim.roomTemperature(celsius);
  }

  /** Advances past the next conversions at the default 4 Hz. */
  void conversions(int n) {
    sim.advance(Duration.ofMillis(250L * n));
  }

  @Test
  void powerOnValues() throws Exception {
    assertEquals(0x0000, register(0x00), "no conversion yet");
    assertEquals(0x60A0, register(0x01));
    assertEquals(0x4B00, register(0x02), "T_LOW 75 °C");
    assertEquals(0x5000, register(0x03), "T_HIGH 80 °C");
    sim.advance(Duration.ofMillis(30));
    assertEquals(16 * 16 << 4, register(0x00), "16 °C after the first conversion");
    assertEquals(1, sim.conversions("tmp102"));
  }

  @Test
  void temperatureIs12BitsTwosComplementWithExtendedMode() throws Exception {
    hold(25.0);
    conversions(1);
    assertEquals(0x1900, register(0x00));
    hold(-10.25);
    conversions(1);
    assertEquals(0xF5C0, register(0x00));
    hold(140);
    conversions(1);
    assertEquals(0x7FF0, register(0x00), "12 bits saturate at 127.9375 °C");
    write(0x01, 0x60A0 | EM);
    conversions(1);
    assertEquals((140 * 16) << 3 | 1, register(0x00), "13 bits, D0 = 1 in extended mode");
    hold(25.0);
    conversions(1);
    assertEquals(0x0C81, register(0x00));
  }

  @Test
  void limitsUseTheExtendedFormatInExtendedMode() throws Exception {
    write(0x01, 0x60A0 | EM);
    write(0x03, (130 * 16) << 3); // 130 °C: above the 12-bit range
    write(0x02, (120 * 16) << 3 | 0x7); // the low three bits are not stored
    assertEquals((120 * 16) << 3, register(0x02));
    hold(135);
    conversions(1);
    assertFalse(alert.read(), "135 °C is above a 13-bit T_HIGH of 130 °C");
    hold(110);
    conversions(1);
    assertTrue(alert.read());
  }

  @Test
  void readRepeatsTheRegisterAndPointerPersists() throws Exception {
    tmp.write(new byte[] {0x02});
    assertArrayEquals(new byte[] {0x4B, 0x00, 0x4B, 0x00}, tmp.read(4));
    assertArrayEquals(new byte[] {0x4B, 0x00}, tmp.read(2), "the pointer stays across transactions");
  }

  @Test
  void limitsAreWritableAndConfigurationReadOnlyBitsHold() throws Exception {
    write(0x03, 0x1E0F); // 30 °C, low nibble not stored in 12-bit mode
    write(0x02, 0x1900);
    assertEquals(0x1E00, register(0x03));
    assertEquals(0x1900, register(0x02));
    write(0x01, 0x0000); // R1/R0 and AL are read-only
    assertEquals(0x6000 | AL, register(0x01));
    write(0x00, 0x1234); // the temperature register is read-only: acknowledged, ignored
    assertEquals(0x0000, register(0x00));
  }

  @Test
  void unknownRegisterAndWrongAddressAreRefused() throws Exception {
    HalException nack = assertThrows(HalException.class, () -> tmp.writeRead(new byte[] {0x04}, 2));
    assertEquals(HalError.NACK_DATA, nack.error());
    assertEquals(0x60A0, register(0x01), "still answers after a refused pointer");
    tmp.write(new byte[] {0x01});
    assertThrows(HalException.class, () -> tmp.write(new byte[] {0x01, 0x60, (byte) 0xA0, 0x00}),
        "a third data byte is refused");
    // Nothing answers at 0x49: reach the bus the way a wrong board file would.
    var bus = dev.isola.hal.sim.backend.SimWorldAccess.i2c(sim, "i2c0");
    HalException addr = assertThrows(HalException.class, () -> bus.transaction(0x49, 100_000,
        java.util.List.of(new dev.isola.hal.I2cOperation.Read(new byte[2]))));
    assertEquals(HalError.NACK_ADDRESS, addr.error());
  }

  @Test
  void conversionRateFollowsCr() throws Exception {
    sim.advance(Duration.ofMillis(30));
    long start = sim.conversions("tmp102");
    // A new rate starts a new cycle: a conversion (26 ms), then one per period.
    write(0x01, 0x6000 | CR_025HZ);
    sim.advance(Duration.ofSeconds(8));
    assertEquals(2, sim.conversions("tmp102") - start, "0.25 Hz for 8 s: at 0.026 s and 4.026 s");
    write(0x01, 0x6000 | CR_8HZ);
    long before = sim.conversions("tmp102");
    sim.advance(Duration.ofSeconds(1));
    assertEquals(8, sim.conversions("tmp102") - before, "8 Hz for 1 s");
  }

  @Test
  void shutdownStopsAndOneShotConvertsOnce() throws Exception {
    conversions(1);
    write(0x01, 0x60A0 | SD);
    long before = sim.conversions("tmp102");
    sim.advance(Duration.ofSeconds(5));
    assertEquals(before, sim.conversions("tmp102"), "no conversions in shutdown");
    assertEquals(OS, register(0x01) & OS, "OS reads 1 when idle in shutdown");
    hold(30);
    write(0x01, 0x60A0 | SD | OS);
    assertEquals(0, register(0x01) & OS, "OS reads 0 while the one-shot converts");
    sim.advance(Duration.ofMillis(30));
    assertEquals(before + 1, sim.conversions("tmp102"));
    assertEquals(30 * 16 << 4, register(0x00));
    assertEquals(OS, register(0x01) & OS);
    sim.advance(Duration.ofSeconds(5));
    assertEquals(before + 1, sim.conversions("tmp102"), "back in shutdown after the one-shot");
  }

  void limits(double low, double high) throws HalException {
    write(0x02, (int) (low * 16) << 4);
    write(0x03, (int) (high * 16) << 4);
  }

  @Test
  void comparatorModeActiveLowWithHysteresis() throws Exception {
    limits(25, 30);
    hold(20);
    conversions(1);
    assertTrue(alert.read(), "inactive: released, the pull-up holds it high");
    assertEquals(AL, register(0x01) & AL);
    hold(31);
    conversions(1);
    assertFalse(alert.read(), "active low at or above T_HIGH");
    assertEquals(0, register(0x01) & AL, "AL reads 0 while active (POL = 0)");
    hold(27);
    conversions(4);
    assertFalse(alert.read(), "between T_LOW and T_HIGH it stays active");
    hold(24);
    conversions(1);
    assertTrue(alert.read(), "inactive once below T_LOW");
  }

  @Test
  void comparatorModeActiveHigh() throws Exception {
    limits(25, 30);
    write(0x01, 0x60A0 | POL);
    hold(20);
    conversions(1);
    assertFalse(alert.read(), "inactive: the pin pulls the net low");
    assertEquals(0, register(0x01) & AL, "AL inverted by POL");
    hold(35);
    conversions(1);
    assertTrue(alert.read(), "active high");
    assertEquals(AL, register(0x01) & AL);
  }

  @Test
  void faultQueueNeedsConsecutiveFaults() throws Exception {
    limits(25, 30);
    write(0x01, 0x60A0 | F1F0_4);
    hold(35);
    conversions(3);
    assertTrue(alert.read(), "three faults of four: not yet");
    hold(20);
    conversions(1);
    hold(35);
    conversions(3);
    assertTrue(alert.read(), "a good conversion restarts the count");
    conversions(1);
    assertFalse(alert.read(), "four in a row");
  }

  @Test
  void interruptModeClearsOnReadAndAlternatesDirection() throws Exception {
    limits(25, 30);
    write(0x01, 0x60A0 | TM);
    AtomicInteger falling = new AtomicInteger();
    alert.listen(Edge.FALLING, falling::incrementAndGet);
    hold(35);
    conversions(1);
    assertFalse(alert.read(), "active at T_HIGH");
    conversions(3);
    assertFalse(alert.read(), "stays active until a read");
    register(0x00);
    assertTrue(alert.read(), "any read clears it");
    conversions(4);
    assertTrue(alert.read(), "still hot, but now it waits for T_LOW");
    hold(20);
    conversions(1);
    assertFalse(alert.read(), "active again below T_LOW");
    register(0x01);
    assertTrue(alert.read());
    hold(35);
    conversions(1);
    assertFalse(alert.read(), "and again at T_HIGH");
    assertEquals(3, falling.get(), "one edge per alert");
    write(0x01, 0x60A0 | TM | SD);
    assertTrue(alert.read(), "shutdown clears it too");
  }

  @Test
  void interruptModeActiveHigh() throws Exception {
    limits(25, 30);
    write(0x01, 0x60A0 | TM | POL);
    hold(35);
    conversions(1);
    assertTrue(alert.read());
    register(0x00);
    assertFalse(alert.read());
  }

  @Test
  void alertLevelsAreRecorded() throws Exception {
    limits(25, 30);
    hold(35);
    conversions(1);
    hold(20);
    conversions(1);
    var levels = sim.levels("tmp102.alert").stream().map(PinLevel::high).toList();
    assertEquals(java.util.List.of(false, true, false, true), levels,
        "floating at power-on, pulled up, alert, released");
    var times = sim.levels("gpio0.7").stream().mapToLong(PinLevel::nanos).toArray();
    for (int i = 1; i < times.length; i++) {
      assertTrue(times[i] >= times[i - 1]);
    }
  }

}
