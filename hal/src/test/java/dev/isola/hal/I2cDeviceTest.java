package dev.isola.hal;

import static dev.isola.hal.HalAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.hal.spi.I2cBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class I2cDeviceTest {
  private final FakeBackend backend = new FakeBackend();

  private static Resource.I2c at(int address) {
    return new Resource.I2c("tmp102", "i2c0", address, new TreeSet<>(List.of(100_000, 400_000)), "ti,tmp102");
  }

  @Test
  void talksToItsOwnAddressAtTheSlowestSpeedFirst() throws HalException {
    I2cDevice d = I2cDevice.of(at(0x48), backend);
    assertArrayEquals(new byte[] {0x5A, 0x5A}, d.writeRead(new byte[] {0x00}, 2));
    d.speed(400_000);
    d.write(new byte[] {0x01, 0x60, (byte) 0xA0});
    assertEquals(1, d.read(1).length);
    assertEquals(List.of("i2c 0x48 100000 w00 r2", "i2c 0x48 400000 w0160a0", "i2c 0x48 400000 r1"), backend.calls);
  }

  @Test
  void refusesAnAddressBeyondSevenBits() {
    assertEquals("tmp102: address 0x80 is not a 7-bit address",
        fails(HalError.INVALID_ARGUMENT, () -> I2cDevice.of(at(0x80), backend)));
    fails(HalError.INVALID_ARGUMENT, () -> I2cDevice.of(at(-1), backend));
  }

  @Test
  void refusesASpeedTheBusDoesNotRun() throws HalException {
    I2cDevice d = I2cDevice.of(at(0x48), backend);
    assertEquals("tmp102: speed 1000000 Hz not supported (supports 100000, 400000)",
        fails(HalError.INVALID_ARGUMENT, () -> d.speed(1_000_000)));
    assertEquals(100_000, d.speed());
  }

  @Test
  void refusesMalformedTransactions() throws HalException {
    I2cDevice d = I2cDevice.of(at(0x48), backend);
    fails(HalError.INVALID_ARGUMENT, () -> d.transaction(List.of()));
    fails(HalError.INVALID_ARGUMENT, () -> d.transaction(List.of(new I2cOperation.Read(new byte[0]))));
    fails(HalError.INVALID_ARGUMENT, () -> d.read(0));
    fails(HalError.INVALID_ARGUMENT, () -> d.writeRead(new byte[] {0}, -1));
    List<I2cOperation> many = new ArrayList<>(Collections.nCopies(I2cDevice.MAX_OPERATIONS + 1,
        new I2cOperation.Write(new byte[] {1})));
    fails(HalError.INVALID_ARGUMENT, () -> d.transaction(many));
    fails(HalError.INVALID_ARGUMENT,
        () -> d.transaction(List.of(new I2cOperation.Write(new byte[I2cDevice.MAX_BYTES + 1]))));
    assertEquals(List.of(), backend.calls);
  }

  @Test
  void anEmptyWriteIsAnAddressProbe() throws HalException {
    I2cDevice.of(at(0x48), backend).write(new byte[0]);
    assertEquals(List.of("i2c 0x48 100000 w"), backend.calls);
  }

  @Test
  void passesTheBackendsFailuresThrough() throws HalException {
    I2cDevice d = I2cDevice.of(at(0x48), new I2cBackend() {
      @Override
      public void transaction(int address, int speedHz, List<I2cOperation> operations) throws HalException {
        throw new HalException(HalError.NACK_ADDRESS, "i2c0: no ack at 0x48");
      }
    });
    fails(HalError.NACK_ADDRESS, () -> d.read(2));
  }

  @Test
  void aBackendWithoutTransactionsAnswersNotSupported() throws HalException {
    I2cDevice d = I2cDevice.of(at(0x48), new I2cBackend() {});
    fails(HalError.NOT_SUPPORTED, () -> d.read(1));
  }

  @Test
  void closedRefuses() throws HalException {
    I2cDevice d = I2cDevice.of(at(0x48), backend);
    d.close();
    fails(HalError.CLOSED, () -> d.read(1));
    fails(HalError.CLOSED, () -> d.speed(400_000));
  }
}
