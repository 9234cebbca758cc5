package dev.isola.hal;

import static dev.isola.hal.HalAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.board.BoardFileException;
import dev.isola.hal.board.BoardFileTest;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.board.ControllerSpec;
import dev.isola.hal.spi.BackendProvider;
import dev.isola.hal.spi.BoardBackend;
import dev.isola.hal.spi.GpioBackend;
import dev.isola.hal.spi.I2cBackend;
import dev.isola.hal.spi.PwmBackend;
import dev.isola.hal.spi.SpiBackend;
import dev.isola.hal.spi.TimerBackend;
import dev.isola.hal.spi.UartBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardTest {
  private final FakeBackend backend = new FakeBackend();
  private final List<String> events = new ArrayList<>();

  /** A board backend serving every controller with the one recording fake. */
  private final class FakeBoard implements BoardBackend {
    @Override
    public GpioBackend gpio(ControllerSpec.Gpio c) {
      return backend;
    }

    @Override
    public I2cBackend i2c(ControllerSpec.I2c c) {
      return backend;
    }

    @Override
    public SpiBackend spi(ControllerSpec.Spi c) {
      return backend;
    }

    @Override
    public UartBackend uart(ControllerSpec.Uart c) {
      return backend;
    }

    @Override
    public PwmBackend pwm(ControllerSpec.Pwm c) {
      return backend;
    }

    @Override
    public TimerBackend timer(ControllerSpec.Timer c) {
      return backend;
    }

    @Override
    public List<Reading> readings() {
      return List.of(new Reading("room.temperature", 21.5, "°C"), new Reading("heater", 1, "on/off"));
    }

    @Override
    public void close() {
      events.add("closed");
    }
  }

  private BackendProvider provider(BoardBackend board) {
    return new BackendProvider() {
      @Override
      public Set<String> compatibles() {
        return Set.of("isola,sim-gpio", "isola,sim-i2c", "isola,sim-spi", "isola,sim-uart", "isola,sim-pwm",
            "isola,sim-timer");
      }

      @Override
      public BoardBackend open(BoardSpec spec) {
        events.add("opened " + spec.name());
        return board;
      }
    };
  }

  private Board open() throws Exception {
    return Boards.open(BoardFileTest.parse(BoardFileTest.GOOD), List.of(provider(new FakeBoard())));
  }

  @Test
  void opensEachProviderOnceAndEveryFacadeByName() throws Exception {
    try (Board board = open()) {
      assertEquals(List.of("opened greenhouse"), events);
      GpioPin led = board.gpio("led");
      led.output(true);
      board.i2c("tmp102").read(2);
      board.uart("uart0").write(new byte[] {'a'}, 0, 1);
      board.pwm("fan").set(40_000, 20_000);
      board.timer("timer0.3").start(1000, 0);
      assertEquals(List.of("output 5 true", "i2c 0x48 100000 r2", "uart write 61", "pwm set 0 40000 20000",
          "timer start 3 1000 0"), backend.calls);
      assertTrue(board.isOpen("gpio0.5"));
      assertFalse(board.isOpen("gpio0.4"));
    }
    assertEquals(List.of("opened greenhouse", "closed"), events);
  }

  @Test
  void oneOwnerPerClaimWhicheverNameReachesIt() throws Exception {
    try (Board board = open()) {
      GpioPin led = board.gpio("led");
      assertEquals("gpio0.5: already open (as led)", fails(HalError.BUSY, () -> board.gpio("gpio0.5")));
      assertEquals("led: already open", fails(HalError.BUSY, () -> board.gpio("led")));
      led.close();
      GpioPin again = board.gpio("gpio0.5");
      assertEquals(Set.of(Kind.GPIO_OUT), again.resource().kinds());
      // Closing a stale facade again releases nothing of the new owner's.
      led.close();
      fails(HalError.BUSY, () -> board.gpio("led"));
    }
  }

  @Test
  void racingOpensOfOneLineLeaveOneOwner() throws Exception {
    try (Board board = open()) {
      int threads = 8;
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
      java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
      List<Thread> all = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // Half by the device's name, half by the pin's: one claim either way.
        String name = i % 2 == 0 ? "led" : "gpio0.5";
        all.add(Thread.ofPlatform().start(() -> {
          try {
            start.await();
            board.gpio(name);
            opened.incrementAndGet();
          } catch (HalException e) {
            if (e.error() == HalError.BUSY) {
              busy.incrementAndGet();
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }));
      }
      for (Thread t : all) {
        t.join();
      }
      assertEquals(1, opened.get());
      assertEquals(threads - 1, busy.get());
    }
  }

  @Test
  void refusesUnknownMistypedAndReservedResources() throws Exception {
    try (Board board = open()) {
      assertEquals("gpio9.1: no such resource on board greenhouse",
          fails(HalError.NO_SUCH_RESOURCE, () -> board.gpio("gpio9.1")));
      assertEquals("led: is a gpio pin (gpio0.5), not an i2c device",
          fails(HalError.INVALID_ARGUMENT, () -> board.i2c("led")));
      assertEquals("mcp3008: used by the board (is the ADC adc0)",
          fails(HalError.BUSY, () -> board.spi("mcp3008")));
      fails(HalError.INVALID_ARGUMENT, () -> board.timer("adc0.1"));
    }
  }

  @Test
  void theMcp3008DriverSpeaksThePartsProtocolOverSpi() throws Exception {
    try (Board board = open()) {
      // Null bit, then B9..B8 in the low bits of the second byte and B7..B0 in the third: 0x234.
      backend.miso = new byte[] {(byte) 0xFF, (byte) 0xFA, 0x34};
      AdcChannel ch = board.adc("adc0.3");
      assertEquals(0x234, ch.sample());
      // Start bit; single-ended, channel 3 in D2..D0; the bus's mode 0 (the part takes 0 and 3, the bus 0 and 1).
      assertEquals(List.of("spi cs0 mode0 1000000 01b000/3"), backend.calls);
    }
  }

  @Test
  void readingsAndUnwrapReachTheProvidersBoard() throws Exception {
    try (Board board = open()) {
      assertEquals(List.of("21.50 °C", "on"), board.readings().stream().map(Reading::text).toList());
      assertTrue(board.unwrap(FakeBoard.class).isPresent());
      assertTrue(board.unwrap(String.class).isEmpty());
    }
  }

  @Test
  void closingTheBoardClosesItsFacades() throws Exception {
    Board board = open();
    PwmChannel fan = board.pwm("fan");
    fan.set(40_000, 1);
    fan.enable(true);
    board.close();
    board.close();
    assertTrue(fan.isClosed());
    assertEquals("pwm enable 0 true", backend.calls.getLast());
    assertEquals(List.of("opened greenhouse", "closed"), events);
    fails(HalError.CLOSED, () -> board.gpio("led"));
  }

  @Test
  void aCompatibleNoProviderServesCannotOpen() throws Exception {
    BoardSpec spec = BoardFileTest.parse(BoardFileTest.GOOD);
    assertEquals("gpio0: compatible \"isola,sim-gpio\": no backend: not supported",
        fails(HalError.NOT_SUPPORTED, () -> Boards.open(spec, List.of())));
  }

  @Test
  void aProviderLackingAControllerClassClosesWhatItOpened() throws Exception {
    BoardSpec spec = BoardFileTest.parse(BoardFileTest.GOOD);
    BoardBackend gpioOnly = new BoardBackend() {
      @Override
      public GpioBackend gpio(ControllerSpec.Gpio c) {
        return backend;
      }

      @Override
      public void close() {
        events.add("closed");
      }
    };
    fails(HalError.NOT_SUPPORTED, () -> Boards.open(spec, List.of(provider(gpioOnly))));
    assertEquals(List.of("opened greenhouse", "closed"), events);
  }

  @Test
  void theBuiltInBoardNeedsHalSim() {
    // hal's own tests run without hal-sim: no provider carries the built-in board.
    BoardFileException e = assertThrows(BoardFileException.class, () -> Boards.read(Optional.empty()));
    assertEquals("builtin/sim.toml: the built-in board \"sim\" needs hal-sim on the module or class path",
        e.getMessage());
  }
}
