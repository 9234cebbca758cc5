package dev.isola.hal;

import static dev.isola.hal.HalAssertions.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.hal.spi.SpiBackend;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpiDeviceTest {
  private final FakeBackend backend = new FakeBackend();
  private final Resource.Spi part = new Resource.Spi("mcp3008", "spi0", 1, Set.of(0, 3), 3_600_000, "x");

  @Test
  void runsOnItsChipSelectInTheLowestModeAtTheFastestClockFirst() throws HalException {
    SpiDevice d = SpiDevice.of(part, backend);
    d.transfer(new byte[] {1, 2}, new byte[2]);
    d.configure(3, 1_000_000);
    d.transaction(List.of(new SpiTransfer(new byte[] {7}, null), new SpiTransfer(null, new byte[3])));
    assertEquals(List.of("spi cs1 mode0 3600000 0102/2", "spi cs1 mode3 1000000 07/1 000000/3"), backend.calls);
  }

  @Test
  void fillsRxFromTheBackend() throws HalException {
    backend.miso = new byte[] {9, 8};
    byte[] rx = new byte[3];
    SpiDevice.of(part, backend).transfer(null, rx);
    assertArrayEquals(new byte[] {9, 8, 9}, rx);
  }

  @Test
  void refusesAModeOrClockThePartDoesNotTake() throws HalException {
    SpiDevice d = SpiDevice.of(part, backend);
    assertEquals("mcp3008: mode 1 not supported (supports 0, 3)",
        fails(HalError.INVALID_ARGUMENT, () -> d.configure(1, 1000)));
    fails(HalError.INVALID_ARGUMENT, () -> d.configure(0, 3_600_001));
    fails(HalError.INVALID_ARGUMENT, () -> d.configure(0, 0));
    assertEquals(0, d.mode());
    assertEquals(3_600_000, d.hz());
  }

  @Test
  void refusesMalformedTransfers() throws HalException {
    SpiDevice d = SpiDevice.of(part, backend);
    fails(HalError.INVALID_ARGUMENT, () -> d.transaction(List.of()));
    fails(HalError.INVALID_ARGUMENT, () -> d.transfer(null, null));
    fails(HalError.INVALID_ARGUMENT, () -> d.transfer(new byte[2], new byte[3]));
    fails(HalError.INVALID_ARGUMENT, () -> d.transfer(new byte[0], null));
    fails(HalError.INVALID_ARGUMENT, () -> d.transfer(new byte[SpiDevice.MAX_BYTES + 1], null));
    assertEquals(List.of(), backend.calls);
  }

  @Test
  void refusesAPartWithNoModeInCommon() {
    Resource.Spi none = new Resource.Spi("x", "spi0", 0, Set.of(), 1000, "x");
    fails(HalError.INVALID_ARGUMENT, () -> SpiDevice.of(none, backend));
  }

  @Test
  void aBackendWithoutTransactionsAnswersNotSupported() throws HalException {
    SpiDevice d = SpiDevice.of(part, new SpiBackend() {});
    fails(HalError.NOT_SUPPORTED, () -> d.transfer(new byte[1], null));
  }
}
