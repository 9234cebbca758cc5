package dev.isola.kernel.io;

import static dev.isola.kernel.TestSystems.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.sim.SimBoard;
import dev.isola.kernel.irq.EventSources;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every I/O call from a WAT guest on the built-in {@code sim} board: each call's success and each error code, in
 * the verify-then-impl order (pointers, then handle and rights, then the device). The host functions run with
 * the guest's real caller and memory, outside a scheduler (the kernel tests run them under one).
 */
class IoCallsTest {
  static final String[] NEEDS = {
      "gpio-out led initial=0",
      "gpio-in button pull=up edge=falling",
      "gpio-out heater",
      "i2c sensor address=0x48 speed=100000,400000",
      "adc soil bits=10",
      "pwm fan hz=25000",
      "uart console baud=115200",
      "timer tick"};
  /** Every label bound but {@code heater}, which the module declares and the system file leaves unbound. */
  static final Map<String, String> BINDINGS = Map.of("led", "led", "button", "button", "sensor", "tmp102",
      "soil", "adc0.0", "fan", "fan", "console", "uart0", "tick", "timer0.1");

  static final int BUF = 4096;
  static final int RBUF = 8192;

  Board board;
  SimBoard sim;
  Peripherals peripherals;
  Handles table;
  IoGuest guest;

  @BeforeEach
  void openBoard() throws Exception {
    board = Boards.open(Optional.empty());
    sim = board.unwrap(SimBoard.class).orElseThrow();
    peripherals = Peripherals.of(board);
    table = peripherals.table(IoFixture.spec("a", BINDINGS), true);
    guest = IoGuest.of(table, NEEDS);
  }

  @AfterEach
  void closeBoard() {
    peripherals.close();
  }

  static int code(IoError e) {
    return e.code();
  }

  // ---- gpio ----

  @Test
  void anOutputDrivesTheLedAndToggles() {
    int h = guest.open("gpio", "led");
    assertTrue(h >= 0, "handle " + h);
    assertFalse(sim.led("led"), "initial=0");
    assertEquals(0, guest.call("gpio_write", h, 1));
    assertTrue(sim.led("led"));
    assertEquals(1, guest.call("gpio_read", h));
    assertEquals(0, guest.call("gpio_toggle", h));
    assertFalse(sim.led("led"));
    assertEquals(code(IoError.EINVAL), guest.call("gpio_write", h, 2));
  }

  @Test
  void anInputReadsTheButtonAndCannotBeDriven() {
    int h = guest.open("gpio", "button");
    assertEquals(1, guest.call("gpio_read", h), "pull-up, not pressed");
    sim.press("button");
    assertEquals(0, guest.call("gpio_read", h), "active low");
    sim.release("button");
    assertEquals(code(IoError.EACCES), guest.call("gpio_write", h, 1));
    assertEquals(code(IoError.EACCES), guest.call("gpio_toggle", h));
  }

  @Test
  void openAnswersEachAcquisitionError() {
    assertEquals(code(IoError.ENOENT), guest.open("gpio", "nothere"), "not declared");
    assertEquals(code(IoError.ENOENT), guest.open("gpio", "heater"), "declared, not bound");
    assertEquals(code(IoError.ENOENT), guest.open("gpio", "LED"), "not a label");
    assertEquals(code(IoError.EACCES), guest.open("gpio", "sensor"), "an i2c label through gpio");
    assertEquals(code(IoError.EACCES), guest.open("i2c", "led"), "a gpio label through i2c");
    int h = guest.open("gpio", "led");
    assertTrue(h >= 0);
    assertEquals(code(IoError.EBUSY), guest.open("gpio", "led"), "already open");
    assertEquals(code(IoError.EFAULT), guest.call("gpio_open", guest.memorySize() - 2, 3), "label past the end");
    assertEquals(code(IoError.EFAULT), guest.call("gpio_open", -1, 3), "pointer is unsigned: 4 GiB - 1");
    assertEquals(code(IoError.EINVAL), guest.call("gpio_open", IoGuest.LABELS, -1));
  }

  @Test
  void aHandleIsCheckedForOwnerClassAndLife() {
    int h = guest.open("gpio", "led");
    assertEquals(code(IoError.EBADF), guest.call("gpio_read", 99));
    assertEquals(code(IoError.EBADF), guest.call("gpio_read", -1));
    assertEquals(code(IoError.EBADF), guest.call("i2c_read", h, BUF, 2), "a gpio handle is no i2c handle");
    assertEquals(code(IoError.EBADF), guest.call("i2c_close", h));
    assertEquals(0, guest.call("gpio_close", h));
    assertEquals(code(IoError.EBADF), guest.call("gpio_read", h), "closed");
    assertEquals(code(IoError.EBADF), guest.call("gpio_close", h));
    // Pointers are checked before the handle: a bad buffer with a bad handle is EFAULT.
    assertEquals(code(IoError.EFAULT), guest.call("i2c_read", 99, guest.memorySize(), 2));
    // Closed slots are reused, as file descriptors are.
    assertEquals(h, guest.open("gpio", "led"));
  }

  @Test
  void anotherContainersHandleIsNotOneOfMine() {
    Handles other = peripherals.table(IoFixture.spec("b", Map.of("led", "led")), true);
    IoGuest b = IoGuest.of(other, "gpio-out led");
    int h = guest.open("gpio", "led");
    assertEquals(code(IoError.EBADF), b.call("gpio_write", h, 1));
    assertEquals(code(IoError.EBUSY), b.open("gpio", "led"), "the same hardware, held by a");
    assertFalse(sim.led("led"));
  }

  // ---- i2c ----

  @Test
  void i2cReadsTheTmp102Temperature() {
    sim.ambient(25.0);
    sim.roomTemperature(25.0);
    int h = guest.open("i2c", "sensor");
    assertTrue(h >= 0);
    guest.write(BUF, new byte[] {0x00}); // pointer register: temperature
    awaitTrue(() -> Math.abs(temperature(guest.call("i2c_write_read", h, BUF, 1, RBUF, 2)) - 25.0) < 0.2,
        "the TMP102 to read 25 °C");
    // The same as one transaction of two parts: {write [0x00]} {read 2}.
    guest.writeI32(BUF + 16, 1);
    guest.writeI32(BUF + 20, BUF);
    guest.writeI32(BUF + 24, 1);
    guest.writeI32(BUF + 28, 0);
    guest.writeI32(BUF + 32, RBUF);
    guest.writeI32(BUF + 36, 2);
    assertEquals(25.0, temperature(guest.call("i2c_transaction", h, BUF + 16, 2)), 0.2);
    // Configuration register: write 0x01 0x60 0xA0 (pointer, MSB, LSB), read back through the pointer.
    guest.write(BUF, new byte[] {0x01, 0x60, (byte) 0xA0});
    assertEquals(3, guest.call("i2c_write", h, BUF, 3));
    assertEquals(0, guest.call("i2c_write_read", h, BUF, 1, RBUF, 2));
    assertEquals(0x60, guest.read(RBUF, 2)[0] & 0xE0 & 0x60, "R1 R0 read back");
    // A pointer above 3 is not acknowledged by the part.
    guest.write(BUF, new byte[] {0x04});
    assertEquals(code(IoError.ENACK_DATA), guest.call("i2c_write", h, BUF, 1));
    assertEquals(code(IoError.EINVAL), guest.call("i2c_read", h, RBUF, 0), "an I2C read clocks a byte");
    assertEquals(code(IoError.EINVAL), guest.call("i2c_transaction", h, BUF + 16, 0));
    assertEquals(code(IoError.EFAULT), guest.call("i2c_transaction", h, guest.memorySize() - 12, 2));
    guest.writeI32(BUF + 16, 7);
    assertEquals(code(IoError.EINVAL), guest.call("i2c_transaction", h, BUF + 16, 2), "op kind 7");
  }

  /** The TMP102's 12-bit temperature at {@link #RBUF}, after a call that answered {@code result}. */
  private double temperature(int result) {
    assertEquals(0, result);
    byte[] b = guest.read(RBUF, 2);
    int raw = ((b[0] << 8) | (b[1] & 0xFF)) >> 4; // sign-extended: b[0] is a signed byte
    return raw * 0.0625;
  }

  // ---- adc ----

  @Test
  void adcSamplesTheMcp3008() {
    int h = guest.open("adc", "soil");
    assertEquals(10, guest.call("adc_bits", h));
    assertEquals(3300, guest.call("adc_reference_mv", h));
    int raw = guest.call("adc_read", h);
    assertEquals(1650 * 1024 / 3300, raw, 1, "ch0 at 1650 mV");
    sim.voltage("adc0.0", 3300);
    assertEquals(1023, guest.call("adc_read", h));
    assertEquals(code(IoError.EBADF), guest.call("adc_read", 5));
  }

  // ---- pwm ----

  @Test
  void pwmMovesTheFan() {
    int h = guest.open("pwm", "fan");
    assertEquals(code(IoError.EINVAL), guest.call("pwm_enable", h, 1), "no period yet");
    assertEquals(0, guest.call("pwm_set", h, 40_000, 30_000));
    assertEquals(0, guest.call("pwm_enable", h, 1));
    assertEquals(0.75, sim.fanDuty("fan"), 1e-9);
    awaitTrue(() -> sim.fanRpm("fan") > 100, "the fan to spin up");
    assertEquals(code(IoError.EINVAL), guest.call("pwm_set", h, 40_000, 50_000), "pulse longer than period");
    assertEquals(code(IoError.EINVAL), guest.call("pwm_enable", h, 2));
    assertEquals(0, guest.call("pwm_enable", h, 0));
    assertEquals(0.0, sim.fanDuty("fan"), 1e-9, "stopped: the line is held low");
    assertEquals(0, guest.call("pwm_close", h));
  }

  // ---- uart ----

  @Test
  void uartWritesReadsAndTimesOut() {
    int h = guest.open("uart", "console");
    guest.write(BUF, "hello\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(6, guest.call("uart_write", h, BUF, 6));
    assertTrue(sim.outputText("uart0").contains("hello\n"), sim.outputText("uart0"));
    assertEquals(code(IoError.EAGAIN), guest.call("uart_read", h, RBUF, 16, 0));
    assertEquals(code(IoError.ETIMEDOUT), guest.call("uart_read", h, RBUF, 16, 20_000_000L));
    sim.inject("uart0", "hi");
    assertEquals(2, guest.call("uart_read", h, RBUF, 16, 5_000_000_000L));
    assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), guest.read(RBUF, 2));
    assertEquals(0, guest.call("uart_configure", h, 9600, 8, 2, 1));
    assertEquals(code(IoError.EINVAL), guest.call("uart_configure", h, 12345, 8, 0, 1), "a baud it lacks");
    assertEquals(code(IoError.EINVAL), guest.call("uart_configure", h, 9600, 8, 7, 1), "parity 7");
    assertEquals(code(IoError.EFAULT), guest.call("uart_write", h, guest.memorySize() - 1, 2));
  }

  // ---- timer, event sources ----

  @Test
  void aTimerExpiresAsAnEventSource() {
    int h = guest.open("timer", "tick");
    EventSource source = table.source(h).orElseThrow();
    assertEquals("tick", source.label());
    AtomicInteger expiries = new AtomicInteger();
    source.subscribe(expiries::incrementAndGet);
    assertEquals(code(IoError.EINVAL), guest.call("timer_start", h, 0, 0), "delay must be positive");
    assertEquals(0, guest.call("timer_start", h, 1_000_000, 1_000_000));
    awaitTrue(() -> expiries.get() >= 3, "three expiries");
    assertEquals(0, guest.call("timer_stop", h));
  }

  @Test
  void anEdgeInputIsAnEventSourceUntilClosed() {
    int button = guest.open("gpio", "button");
    int led = guest.open("gpio", "led");
    assertInstanceOf(EventSources.Lookup.Found.class, table.find(button));
    assertInstanceOf(EventSources.Lookup.NotASource.class, table.find(led));
    assertInstanceOf(EventSources.Lookup.NotOpen.class, table.find(42));
    assertInstanceOf(EventSources.Lookup.NotOpen.class, peripherals.sources("a").find(42));
    AtomicInteger edges = new AtomicInteger();
    table.source(button).orElseThrow().subscribe(edges::incrementAndGet);
    sim.press("button");
    awaitTrue(() -> edges.get() == 1, "the falling edge");
    sim.release("button");
    assertEquals(0, guest.call("gpio_close", button));
    sim.press("button");
    sim.release("button");
    assertEquals(1, edges.get(), "rising edges are not listened to; a closed handle hears nothing");
  }

  // ---- the table's life ----

  @Test
  void aNewIncarnationsTableReleasesWhatTheOldOneHeld() {
    int led = guest.open("gpio", "led");
    int fan = guest.open("pwm", "fan");
    assertEquals(0, guest.call("gpio_write", led, 1));
    assertEquals(0, guest.call("pwm_set", fan, 40_000, 40_000));
    assertEquals(0, guest.call("pwm_enable", fan, 1));
    assertTrue(board.isOpen("led"));
    Handles next = peripherals.table(IoFixture.spec("a", BINDINGS), true);
    assertFalse(board.isOpen("led"), "the old incarnation's handles are closed");
    assertFalse(board.isOpen("fan"));
    assertEquals(code(IoError.EBADF), guest.call("gpio_write", led, 0), "the old guest's handle is gone");
    IoGuest reborn = IoGuest.of(next, NEEDS);
    assertEquals(0, reborn.open("gpio", "led"));
    assertEquals(1, reborn.open("pwm", "fan"));
    assertEquals(next, peripherals.handles("a").orElseThrow());
    peripherals.release("a", next);
    assertFalse(board.isOpen("led"), "released at the end of the incarnation");
    assertTrue(peripherals.handles("a").isEmpty());
    assertEquals(code(IoError.EBADF), reborn.open("gpio", "led"), "a released table opens nothing more");
  }
}
