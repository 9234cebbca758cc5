package dev.isola.hal;

import dev.isola.hal.spi.I2cBackend;
import java.util.List;

/**
 * The checking facade of one I2C device: every transaction goes to the device's own address (a caller cannot reach
 * another), at a speed the bus runs, with operations checked (at least one; reads of at least one byte, since an I2C
 * read always clocks a byte; an empty write is a legal address probe).
 */
public final class I2cDevice extends Facade {
  /** More operations than this in one transaction is a hostile caller, not a driver. */
  public static final int MAX_OPERATIONS = 64;

  /** More bytes than this in one transaction would hold the bus for seconds at 100 kHz. */
  public static final int MAX_BYTES = 64 * 1024;

  private final Resource.I2c resource;
  private final I2cBackend backend;
  private volatile int speed;

  I2cDevice(Resource.I2c resource, I2cBackend backend, Runnable release) throws HalException {
    super(resource.name(), release);
    if (resource.address() < 0 || resource.address() > 0x7F) {
      throw invalid("address 0x" + Integer.toHexString(resource.address()) + " is not a 7-bit address");
    }
    if (resource.speeds().isEmpty()) {
      throw invalid("the bus has no speeds");
    }
    this.resource = resource;
    this.backend = backend;
    this.speed = resource.speeds().first();
  }

  /** A facade over {@code backend} for {@code resource}, outside any board (tests, drivers). */
  public static I2cDevice of(Resource.I2c resource, I2cBackend backend) throws HalException {
    return new I2cDevice(resource, backend, NO_RELEASE);
  }

  public Resource.I2c resource() {
    return resource;
  }

  /** The bus speed (Hz) transactions run at: the slowest the bus runs until {@link #speed(int)}. */
  public int speed() {
    return speed;
  }

  /** Runs later transactions at {@code hz}, one of the bus's speeds. */
  public void speed(int hz) throws HalException {
    checkOpen();
    if (!resource.speeds().contains(hz)) {
      throw invalid("speed " + hz + " Hz not supported (supports " + Sorted.of(resource.speeds()) + ")");
    }
    speed = hz;
  }

  /** One transaction: the operations in order with repeated starts between them; reads fill their buffers. */
  public void transaction(List<I2cOperation> operations) throws HalException {
    checkOpen();
    if (operations.isEmpty()) {
      throw invalid("a transaction needs at least one operation");
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw invalid(operations.size() + " operations in one transaction (at most " + MAX_OPERATIONS + ")");
    }
    long bytes = 0;
    for (I2cOperation op : operations) {
      switch (op) {
        case I2cOperation.Read r -> {
          if (r.buffer().length == 0) {
            throw invalid("a read of 0 bytes");
          }
        }
        case I2cOperation.Write w -> {
          // An empty write is a quick command: the address alone, acknowledged or not.
        }
      }
      bytes += op.length();
    }
    if (bytes > MAX_BYTES) {
      throw invalid(bytes + " bytes in one transaction (at most " + MAX_BYTES + ")");
    }
    backend.transaction(resource.address(), speed, List.copyOf(operations));
  }

  /** Reads {@code length} bytes. */
  public byte[] read(int length) throws HalException {
    if (length <= 0) {
      throw invalid("a read of " + length + " bytes");
    }
    byte[] into = new byte[length];
    transaction(List.of(new I2cOperation.Read(into)));
    return into;
  }

  /** Writes {@code data}. */
  public void write(byte[] data) throws HalException {
    transaction(List.of(new I2cOperation.Write(data)));
  }

  /** Writes {@code data}, then (repeated start) reads {@code length} bytes: a register read. */
  public byte[] writeRead(byte[] data, int length) throws HalException {
    if (length <= 0) {
      throw invalid("a read of " + length + " bytes");
    }
    byte[] into = new byte[length];
    transaction(List.of(new I2cOperation.Write(data), new I2cOperation.Read(into)));
    return into;
  }

  @Override
  void quiesce() {}
}
