package dev.isola.hal.sim.backend;

import dev.isola.hal.HalError;
import dev.isola.hal.HalException;
import dev.isola.hal.UartConfig;
import dev.isola.hal.sim.device.Uart;
import dev.isola.hal.spi.UartBackend;

/** hal's UART backend over a simulated {@link Uart}. */
final class SimUart implements UartBackend {
  private final Uart uart;

  SimUart(Uart uart) {
    this.uart = uart;
  }

  @Override
  public void configure(UartConfig config) {
    uart.configure(config);
  }

  @Override
  public int write(byte[] data, int offset, int length) {
    uart.write(data, offset, length);
    return length;
  }

  @Override
  public int read(byte[] into, int offset, int length, long timeoutNanos) throws HalException {
    try {
      return uart.read(into, offset, length, timeoutNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HalException(HalError.TIMEOUT, uart.name() + ": read interrupted");
    }
  }

  @Override
  public void listen(Runnable listener) {
    uart.listen(listener == null ? null : n -> listener.run());
  }
}
