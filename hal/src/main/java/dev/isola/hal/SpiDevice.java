package dev.isola.hal;

import dev.isola.hal.spi.SpiBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * The checking facade of one SPI device: transactions on its chip select only, in a mode and at a clock both the
 * controller and the part take. Normalises transfers so the backend always gets both buffers of equal length: a
 * missing {@code tx} becomes zeros, a missing {@code rx} a scratch buffer.
 */
public final class SpiDevice extends Facade {
  /** More transfers than this in one transaction is a hostile caller, not a driver. */
  public static final int MAX_TRANSFERS = 64;

  /** More bytes than this in one transaction holds chip select for too long. */
  public static final int MAX_BYTES = 64 * 1024;

  private final Resource.Spi resource;
  private final SpiBackend backend;
  private volatile int mode;
  private volatile long hz;

  SpiDevice(Resource.Spi resource, SpiBackend backend, Runnable release) throws HalException {
    super(resource.name(), release);
    if (resource.modes().isEmpty() || resource.maxHz() <= 0) {
      throw invalid("the controller and the part share no mode or clock");
    }
    this.resource = resource;
    this.backend = backend;
    this.mode = resource.modes().stream().min(Integer::compare).orElseThrow();
    this.hz = resource.maxHz();
  }

  /** A facade over {@code backend} for {@code resource}, outside any board (tests, drivers). */
  public static SpiDevice of(Resource.Spi resource, SpiBackend backend) throws HalException {
    return new SpiDevice(resource, backend, NO_RELEASE);
  }

  public Resource.Spi resource() {
    return resource;
  }

  /** The mode transactions run in: the lowest the part takes until {@link #configure}. */
  public int mode() {
    return mode;
  }

  /** The clock transactions run at: the part's fastest until {@link #configure}. */
  public long hz() {
    return hz;
  }

  /** Runs later transactions in {@code mode} (0..3, one the part takes) at {@code hz} (1 .. max). */
  public void configure(int mode, long hz) throws HalException {
    checkOpen();
    if (!resource.modes().contains(mode)) {
      throw invalid("mode " + mode + " not supported (supports " + Sorted.of(resource.modes()) + ")");
    }
    if (hz < 1 || hz > resource.maxHz()) {
      throw invalid("clock " + hz + " Hz out of range (1.." + resource.maxHz() + ")");
    }
    this.mode = mode;
    this.hz = hz;
  }

  /** One transaction: chip select held across every transfer, each full duplex. */
  public void transaction(List<SpiTransfer> transfers) throws HalException {
    checkOpen();
    if (transfers.isEmpty()) {
      throw invalid("a transaction needs at least one transfer");
    }
    if (transfers.size() > MAX_TRANSFERS) {
      throw invalid(transfers.size() + " transfers in one transaction (at most " + MAX_TRANSFERS + ")");
    }
    List<SpiTransfer> normal = new ArrayList<>(transfers.size());
    long bytes = 0;
    for (SpiTransfer t : transfers) {
      if (t.tx() == null && t.rx() == null) {
        throw invalid("a transfer with neither tx nor rx");
      }
      if (t.tx() != null && t.rx() != null && t.tx().length != t.rx().length) {
        throw invalid("a transfer with tx of " + t.tx().length + " bytes and rx of " + t.rx().length);
      }
      int length = t.length();
      if (length == 0) {
        throw invalid("a transfer of 0 bytes");
      }
      bytes += length;
      normal.add(new SpiTransfer(t.tx() != null ? t.tx() : new byte[length],
          t.rx() != null ? t.rx() : new byte[length]));
    }
    if (bytes > MAX_BYTES) {
      throw invalid(bytes + " bytes in one transaction (at most " + MAX_BYTES + ")");
    }
    backend.transaction(resource.chipSelect(), mode, hz, List.copyOf(normal));
  }

  /** One transaction of one transfer: sends {@code tx} (null: zeros) while filling {@code rx} (null: discard). */
  public void transfer(byte[] tx, byte[] rx) throws HalException {
    transaction(List.of(new SpiTransfer(tx, rx)));
  }

  @Override
  void quiesce() {}
}
