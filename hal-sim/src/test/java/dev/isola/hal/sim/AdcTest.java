package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.hal.AdcChannel;
import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.HalError;
import dev.isola.hal.HalException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** adc0 is hal's MCP3008 driver speaking SPI to the simulated part on spi0. */
class AdcTest {
  @Test
  void channelsReadTheirVoltagesThroughTheDriver() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      SimBoard sim = SimBoard.of(board);
      AdcChannel soil = board.adc("adc0.0");
      AdcChannel light = board.adc("adc0.1");
      AdcChannel spare = board.adc("adc0.7");
      assertEquals(10, soil.bits());
      assertEquals(512, soil.sample(), "the board file's 1650 mV");
      assertEquals(744, light.sample(), "2400 mV");
      assertEquals(0, spare.sample());
      sim.voltage("adc0.7", 825);
      assertEquals(256, spare.sample());
      sim.voltage("adc0.0", 5000);
      assertEquals(1023, soil.sample(), "clamped at the reference");
    }
  }

  @Test
  void thePartUnderTheAdcIsNotBindable() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      HalException e = assertThrows(HalException.class, () -> board.spi("mcp3008"));
      assertEquals(HalError.BUSY, e.error());
    }
  }
}
