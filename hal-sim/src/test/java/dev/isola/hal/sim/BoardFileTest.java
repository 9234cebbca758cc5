package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.GpioPin;
import dev.isola.hal.HalError;
import dev.isola.hal.HalException;
import dev.isola.hal.UartPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A board file of one's own: the simulator builds what it names, with the parts' properties. */
class BoardFileTest {
  @TempDir Path dir;

  @Test
  void partsAndPropertiesComeFromTheFile() throws Exception {
    Path log = dir.resolve("console.log");
    Path file = dir.resolve("bench.toml");
    Files.writeString(file, """
        [gpio.gpio0]
        compatible = "isola,sim-gpio"
        pins = 8

        [uart.uart1]
        compatible = "isola,sim-uart"
        [uart.uart1.properties]
        endpoint = "file:%s"

        [devices.lamp]
        compatible = "isola,sim-led"
        pin = "gpio0.2"
        active-low = true

        [devices.room]
        compatible = "isola,sim-room"
        [devices.room.properties]
        ambient = 5.0
        temperature = 30.0
        """.formatted(log));
    try (Board board = Boards.open(Optional.of(file))) {
      SimBoard sim = SimBoard.of(board);
      assertEquals(30.0, sim.roomTemperature(), 0.01);
      assertEquals(5.0, sim.ambient());
      GpioPin lamp = board.gpio("lamp");
      lamp.output(true);
      assertTrue(!sim.led("lamp"), "active low: off while high");
      lamp.write(false);
      assertTrue(sim.led("lamp"));
      // The endpoint property is read (tests override it with isola.sim.endpoint=none): the UART is there.
      UartPort uart = board.uart("uart1");
      byte[] hi = "hi".getBytes(StandardCharsets.UTF_8);
      assertEquals(2, uart.write(hi, 0, hi.length));
      assertEquals("hi", sim.outputText("uart1"));
    }
  }

  @Test
  void aWrongPropertyTypeIsTheBoardsMistake() throws Exception {
    Path file = dir.resolve("bad.toml");
    Files.writeString(file, """
        [gpio.gpio0]
        compatible = "isola,sim-gpio"

        [devices.room]
        compatible = "isola,sim-room"
        [devices.room.properties]
        ambient = "warm"
        """);
    HalException e = assertThrows(HalException.class, () -> Boards.open(Optional.of(file)).close());
    assertEquals(HalError.INVALID_ARGUMENT, e.error());
    assertEquals("room: properties.ambient must be a number, not \"warm\"", e.getMessage());
  }
}
