package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.Edge;
import dev.isola.hal.GpioPin;
import dev.isola.hal.Pull;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The button, LED and heater relay on gpio0, through hal's GPIO facade, and the recorder. */
class GpioDevicesTest {
  Board board;
  SimBoard sim;

  @BeforeEach
  void open() throws Exception {
    board = Boards.open(Optional.empty());
    sim = SimBoard.of(board);
    sim.timeScale(0);
  }

  @AfterEach
  void close() {
    board.close();
  }

  @Test
  void buttonIsActiveLowWithThePullUp() throws Exception {
    GpioPin button = board.gpio("button");
    button.input(Pull.UP);
    AtomicInteger falling = new AtomicInteger();
    AtomicInteger rising = new AtomicInteger();
    button.listen(Edge.FALLING, falling::incrementAndGet);
    assertTrue(button.read(), "released: pulled up");
    sim.press("button");
    assertFalse(button.read(), "pressed: shorted to ground");
    sim.release("button");
    assertTrue(button.read());
    sim.press("button");
    sim.release("button");
    assertEquals(2, falling.get(), "one falling edge per press");
    button.listen(Edge.BOTH, rising::incrementAndGet);
    sim.press("button");
    sim.release("button");
    assertEquals(2, rising.get(), "both edges");
    assertEquals(2, falling.get(), "the old listener was replaced");
  }

  @Test
  void aFreePinIsDrivenFromOutside() throws Exception {
    GpioPin pin = board.gpio("gpio0.12");
    pin.input(Pull.DOWN);
    AtomicInteger edges = new AtomicInteger();
    pin.listen(Edge.BOTH, edges::incrementAndGet);
    assertFalse(pin.read());
    sim.drive("gpio0.12", true);
    assertTrue(pin.read());
    sim.drive("gpio0.12", false);
    sim.releasePin("gpio0.12");
    assertFalse(pin.read(), "released: the pull-down");
    assertEquals(2, edges.get(), "up and down; the release changed nothing");
  }

  @Test
  void ledAndHeaterFollowTheirOutputsAndEveryLevelIsRecorded() throws Exception {
    GpioPin led = board.gpio("led");
    GpioPin heater = board.gpio("heater");
    led.output(false);
    heater.output(false);
    assertFalse(sim.led("led"));
    led.write(true);
    assertTrue(sim.led("led"));
    sim.advance(Duration.ofMillis(10));
    led.toggle();
    sim.advance(Duration.ofMillis(10));
    led.toggle();
    heater.write(true);
    assertTrue(sim.heater("heater"));
    List<PinLevel> levels = sim.levels("led");
    assertEquals(List.of(false, true, false, true), levels.stream().map(PinLevel::high).toList());
    assertEquals("gpio0.5", levels.get(0).pin());
    assertEquals(Duration.ofMillis(10).toNanos(), levels.get(2).nanos() - levels.get(1).nanos(),
        "instants on the board's clock");
    assertEquals(sim.levels("led"), sim.levels().get("gpio0.5"));
    assertEquals(32, sim.levels().size());
  }
}
