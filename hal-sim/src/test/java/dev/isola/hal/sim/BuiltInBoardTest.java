package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.Kind;
import dev.isola.hal.Resource;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in board "sim" is exactly the greenhouse's board of the design. */
class BuiltInBoardTest {
  @Test
  void resourcesAreTheDesignsBoard() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      assertEquals("sim", board.name());
      assertPin(board, "heater", 4, Kind.GPIO_OUT);
      assertPin(board, "led", 5, Kind.GPIO_OUT);
      assertPin(board, "button", 6, Kind.GPIO_IN);
      assertPin(board, "tmp102.alert", 7, Kind.GPIO_IN);
      Resource.I2c tmp = (Resource.I2c) board.resource("tmp102").orElseThrow();
      assertEquals("i2c0", tmp.bus());
      assertEquals(0x48, tmp.address());
      assertEquals(Set.of(100_000, 400_000), Set.copyOf(tmp.speeds()));
      assertTrue(board.spec().reserved().containsKey("mcp3008"), "the MCP3008 is adc0");
      for (int ch = 0; ch < 8; ch++) {
        Resource.Adc adc = (Resource.Adc) board.resource("adc0." + ch).orElseThrow();
        assertEquals(10, adc.bits());
      }
      assertTrue(board.resource("uart0").orElseThrow() instanceof Resource.Uart);
      Resource.Pwm fan = (Resource.Pwm) board.resource("fan").orElseThrow();
      assertEquals("pwm0", fan.controller());
      assertEquals(0, fan.channel());
      for (int ch = 0; ch < 4; ch++) {
        assertTrue(board.resource("timer0." + ch).orElseThrow() instanceof Resource.Timer);
      }
      assertTrue(board.resource("timer0.4").isEmpty());
      assertTrue(board.resource("gpio0.31").isPresent());
      assertTrue(board.resource("gpio0.32").isEmpty());
    }
  }

  @Test
  void openBoardsAreListedUntilClosed() throws Exception {
    SimBoard sim;
    try (Board board = Boards.open(Optional.empty())) {
      sim = SimBoard.of(board);
      assertTrue(SimBoard.opened().contains(sim));
      assertEquals("sim", sim.name());
    }
    assertTrue(!SimBoard.opened().contains(sim));
  }

  static void assertPin(Board board, String name, int pin, Kind kind) {
    Resource.Pin p = (Resource.Pin) board.resource(name).orElseThrow(() -> new AssertionError(name));
    assertEquals("gpio0", p.controller());
    assertEquals(pin, p.pin());
    assertTrue(p.kinds().contains(kind), name + " " + p.kinds());
  }
}
