package dev.isola.hal;

import static dev.isola.hal.HalAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.isola.hal.spi.UartBackend;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UartPortTest {
  private final FakeBackend backend = new FakeBackend();
  private final UartPort uart = UartPort.of(new Resource.Uart("uart0", new TreeSet<>(List.of(9600, 115_200))),
      backend);

  @Test
  void configuresWithinTheResource() throws HalException {
    UartConfig c = new UartConfig(9600, 7, Parity.EVEN, 2);
    uart.configure(c);
    assertEquals(c, uart.config());
    assertEquals("uart0: baud 4800 not supported (supports 9600, 115200)",
        fails(HalError.INVALID_ARGUMENT, () -> uart.configure(new UartConfig(4800, 8, Parity.NONE, 1))));
    fails(HalError.INVALID_ARGUMENT, () -> uart.configure(new UartConfig(9600, 9, Parity.NONE, 1)));
    fails(HalError.INVALID_ARGUMENT, () -> uart.configure(new UartConfig(9600, 4, Parity.NONE, 1)));
    fails(HalError.INVALID_ARGUMENT, () -> uart.configure(new UartConfig(9600, 8, Parity.NONE, 3)));
    fails(HalError.INVALID_ARGUMENT, () -> uart.configure(new UartConfig(9600, 8, null, 1)));
    assertEquals(c, uart.config());
    assertEquals(1, backend.calls.size());
  }

  @Test
  void checksBufferBoundsAndTimeouts() throws HalException {
    byte[] buf = new byte[4];
    fails(HalError.INVALID_ARGUMENT, () -> uart.write(buf, 2, 3));
    fails(HalError.INVALID_ARGUMENT, () -> uart.write(buf, -1, 1));
    fails(HalError.INVALID_ARGUMENT, () -> uart.read(buf, 0, 5, 0));
    fails(HalError.INVALID_ARGUMENT, () -> uart.read(buf, Integer.MAX_VALUE, 2, 0));
    fails(HalError.INVALID_ARGUMENT, () -> uart.read(buf, 0, 1, -1));
    assertEquals(0, uart.write(buf, 4, 0));
    assertEquals(List.of(), backend.calls);
    assertEquals(2, uart.write(new byte[] {'h', 'i'}, 0, 2));
    assertEquals(1, uart.read(buf, 1, 3, 0));
    assertEquals('x', buf[1]);
    assertEquals(List.of("uart write 6869", "uart read 1+3 0"), backend.calls);
  }

  @Test
  void closingStopsTheReceiveListener() throws HalException {
    uart.listen(() -> {});
    uart.close();
    assertNull(backend.uartListener);
    fails(HalError.CLOSED, () -> uart.write(new byte[1], 0, 1));
  }

  @Test
  void aBackendWithoutAnOperationAnswersNotSupported() {
    UartPort bare = UartPort.of(new Resource.Uart("uart0", new TreeSet<>(List.of(9600))), new UartBackend() {});
    fails(HalError.NOT_SUPPORTED, () -> bare.write(new byte[1], 0, 1));
    fails(HalError.NOT_SUPPORTED, () -> bare.read(new byte[1], 0, 1, 0));
    fails(HalError.NOT_SUPPORTED, () -> bare.listen(() -> {}));
    fails(HalError.NOT_SUPPORTED, () -> bare.configure(new UartConfig(9600, 8, Parity.NONE, 1)));
  }
}
