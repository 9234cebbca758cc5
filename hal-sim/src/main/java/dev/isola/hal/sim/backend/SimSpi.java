package dev.isola.hal.sim.backend;

import dev.isola.hal.SpiTransfer;
import dev.isola.hal.sim.device.SpiBusModel;
import dev.isola.hal.spi.SpiBackend;
import java.util.ArrayList;
import java.util.List;

/** hal's SPI backend over a simulated {@link SpiBusModel}. */
final class SimSpi implements SpiBackend {
  private final SpiBusModel bus;

  SimSpi(SpiBusModel bus) {
    this.bus = bus;
  }

  @Override
  public void transaction(int chipSelect, int mode, long hz, List<SpiTransfer> transfers) {
    List<byte[]> tx = new ArrayList<>(transfers.size());
    for (SpiTransfer t : transfers) {
      tx.add(t.tx());
    }
    List<byte[]> rx = bus.transact(chipSelect, mode, hz, tx);
    for (int i = 0; i < transfers.size(); i++) {
      byte[] got = rx.get(i);
      System.arraycopy(got, 0, transfers.get(i).rx(), 0, got.length);
    }
  }
}
