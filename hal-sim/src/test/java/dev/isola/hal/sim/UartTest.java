package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.UartPort;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** uart0 through hal's facade, its other end the test API (endpoint "none" in these tests). */
class UartTest {
  @Test
  void injectedBytesAreReadAndWrittenBytesCaptured() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      SimBoard sim = SimBoard.of(board);
      UartPort uart = board.uart("uart0");
      AtomicInteger arrivals = new AtomicInteger();
      uart.listen(arrivals::incrementAndGet);
      byte[] buf = new byte[16];
      assertEquals(0, uart.read(buf, 0, buf.length, 1_000_000), "nothing yet: times out with 0");
      sim.inject("uart0", "hello");
      assertEquals(1, arrivals.get());
      assertEquals(3, uart.read(buf, 0, 3, 0));
      assertEquals(2, uart.read(buf, 3, 13, 0));
      assertEquals("hello", new String(buf, 0, 5, StandardCharsets.UTF_8));
      byte[] out = "temp 21.5\r\n".getBytes(StandardCharsets.UTF_8);
      assertEquals(out.length, uart.write(out, 0, out.length));
      assertEquals("temp 21.5\r\n", sim.outputText("uart0"));
    }
  }

  @Test
  void aBlockedReaderWakesWhenBytesArrive() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      SimBoard sim = SimBoard.of(board);
      UartPort uart = board.uart("uart0");
      Thread typist = Thread.ofPlatform().start(() -> {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
        sim.inject("uart0", "x");
      });
      byte[] buf = new byte[1];
      assertEquals(1, uart.read(buf, 0, 1, 30_000_000_000L));
      assertEquals('x', buf[0]);
      typist.join();
    }
  }
}
