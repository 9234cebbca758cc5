package dev.isola.hal.sim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UART's file and FIFO endpoints, and the overrun of its receive FIFO. */
class UartEndpointTest {
  @TempDir Path dir;

  @Test
  void parsesTheEndpointForms() {
    assertEquals(new UartEndpoint.Terminal(), UartEndpoint.parse("terminal"));
    assertEquals(new UartEndpoint.File(Path.of("out.log")), UartEndpoint.parse("file:out.log"));
    assertEquals(new UartEndpoint.Fifo(Path.of("/tmp/console")), UartEndpoint.parse("fifo:/tmp/console"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UartEndpoint.parse("pty"));
    assertEquals("endpoint must be \"terminal\", \"none\", \"file:PATH\" or \"fifo:PATH\", not \"pty\"",
        e.getMessage());
  }

  @Test
  void fileEndpointAppendsWhatIsTransmitted() throws Exception {
    Path log = dir.resolve("uart.log");
    try (Uart uart = new Uart("uart0", new UartEndpoint.File(log))) {
      uart.write("one ".getBytes(StandardCharsets.UTF_8), 0, 4);
      uart.write("two".getBytes(StandardCharsets.UTF_8), 0, 3);
    }
    assertEquals("one two", Files.readString(log));
  }

  @Test
  void fifoEndpointCarriesBothDirections() throws Exception {
    Path base = dir.resolve("console");
    try (Uart uart = new Uart("uart0", new UartEndpoint.Fifo(base))) {
      byte[] buf = new byte[8];
      assertEquals(0, uart.read(buf, 0, 8, 1_000_000)); // starts the reader, which makes console.rx
      Path rx = Path.of(base + ".rx");
      for (int i = 0; i < 200 && !Files.exists(rx); i++) {
        Thread.sleep(10);
      }
      try (OutputStream to = Files.newOutputStream(rx)) {
        to.write("ping".getBytes(StandardCharsets.UTF_8));
      }
      int n = uart.read(buf, 0, 8, 10_000_000_000L);
      assertEquals("ping", new String(buf, 0, n, StandardCharsets.UTF_8));
      uart.write("pong".getBytes(StandardCharsets.UTF_8), 0, 4);
      Path tx = Path.of(base + ".tx");
      for (int i = 0; i < 200 && !Files.exists(tx); i++) {
        Thread.sleep(10);
      }
      try (InputStream from = Files.newInputStream(tx)) {
        assertEquals("pong", new String(from.readNBytes(4), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aFullReceiveFifoCountsOverruns() throws Exception {
    try (Uart uart = new Uart("uart0", new UartEndpoint.None())) {
      uart.inject(new byte[Uart.FIFO + 10]);
      assertEquals(Uart.FIFO, uart.available());
      assertEquals(10, uart.overruns());
    }
  }
}
