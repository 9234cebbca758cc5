package dev.isola.hal;

import dev.isola.hal.spi.UartBackend;
import java.util.Objects;

/**
 * The checking facade of one UART: line settings checked against the resource, buffer bounds checked, timeouts
 * non-negative. A read with timeout 0 never waits, which is how io reads without blocking a scheduler thread (it
 * waits for {@link #listen receive events} instead).
 */
public final class UartPort extends Facade {
  private final Resource.Uart resource;
  private final UartBackend backend;
  private volatile UartConfig config = UartConfig.DEFAULT;
  private volatile boolean listening;

  UartPort(Resource.Uart resource, UartBackend backend, Runnable release) {
    super(resource.name(), release);
    this.resource = resource;
    this.backend = backend;
  }

  /** A facade over {@code backend} for {@code resource}, outside any board (tests, drivers). */
  public static UartPort of(Resource.Uart resource, UartBackend backend) {
    return new UartPort(resource, backend, NO_RELEASE);
  }

  public Resource.Uart resource() {
    return resource;
  }

  /** The line settings last applied ({@link UartConfig#DEFAULT} until configured). */
  public UartConfig config() {
    return config;
  }

  /** Applies {@code config}: a baud the UART runs, 5..8 data bits, 1 or 2 stop bits. */
  public void configure(UartConfig config) throws HalException {
    checkOpen();
    Objects.requireNonNull(config, "config");
    if (!resource.bauds().contains(config.baud())) {
      throw invalid("baud " + config.baud() + " not supported (supports " + Sorted.of(resource.bauds()) + ")");
    }
    if (config.dataBits() < 5 || config.dataBits() > 8) {
      throw invalid("data bits " + config.dataBits() + " out of range (5..8)");
    }
    if (config.stopBits() < 1 || config.stopBits() > 2) {
      throw invalid("stop bits " + config.stopBits() + " out of range (1..2)");
    }
    if (config.parity() == null) {
      throw invalid("no parity");
    }
    backend.configure(config);
    this.config = config;
  }

  /** Sends {@code data[offset, offset + length)}; answers how many bytes were taken. */
  public int write(byte[] data, int offset, int length) throws HalException {
    checkOpen();
    bounds(data, offset, length);
    return length == 0 ? 0 : backend.write(data, offset, length);
  }

  /**
   * Reads up to {@code length} bytes into {@code into[offset..]}, waiting at most {@code timeoutNanos} for the first
   * (0: never wait); answers how many were read, 0 when none.
   */
  public int read(byte[] into, int offset, int length, long timeoutNanos) throws HalException {
    checkOpen();
    bounds(into, offset, length);
    if (timeoutNanos < 0) {
      throw invalid("negative timeout");
    }
    return length == 0 ? 0 : backend.read(into, offset, length, timeoutNanos);
  }

  /** Calls {@code listener} (from any thread; it must only record) when bytes arrive; null stops. */
  public void listen(Runnable listener) throws HalException {
    checkOpen();
    backend.listen(listener);
    listening = listener != null;
  }

  private void bounds(byte[] buffer, int offset, int length) throws HalException {
    Objects.requireNonNull(buffer, "buffer");
    if (offset < 0 || length < 0 || offset > buffer.length - length) {
      throw invalid("range " + offset + "+" + length + " outside a buffer of " + buffer.length);
    }
  }

  @Override
  void quiesce() {
    if (listening) {
      try {
        backend.listen(null);
      } catch (HalException e) {
        // The owner is leaving; a backend that cannot stop listening has nothing to stop.
      }
    }
  }
}
