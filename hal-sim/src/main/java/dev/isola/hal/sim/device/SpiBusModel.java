package dev.isola.hal.sim.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated SPI bus: the devices by chip select. A transaction holds one chip select low across all its
 * transfers (one step under the board's lock). SPI has no acknowledge: a chip select with nothing on it reads
 * MISO as 0 (floating, read as low), as a real controller would read whatever the line holds.
 */
public final class SpiBusModel {
  private final Simulation sim;
  private final String name;
  private final Map<Integer, SpiTarget> targets = new HashMap<>();

  public SpiBusModel(Simulation sim, String name) {
    this.sim = sim;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public void attach(int cs, SpiTarget target) {
    sim.locked(() -> {
      if (targets.putIfAbsent(cs, target) != null) {
        throw new IllegalArgumentException(name + ": two devices on chip select " + cs);
      }
    });
  }

  /** Clocks each of {@code transfers} (full duplex) with chip select {@code cs} held; returns what MISO gave. */
  public List<byte[]> transact(int cs, int mode, long hz, List<byte[]> transfers) {
    return sim.locked(() -> {
      SpiTarget t = targets.get(cs);
      List<byte[]> rx = new ArrayList<>(transfers.size());
      if (t != null) {
        t.select(mode, hz);
      }
      try {
        for (byte[] tx : transfers) {
          byte[] in = new byte[tx.length];
          if (t != null) {
            for (int i = 0; i < tx.length; i++) {
              in[i] = t.exchange(tx[i]);
            }
          }
          rx.add(in);
        }
      } finally {
        if (t != null) {
          t.deselect();
        }
      }
      return rx;
    });
  }
}
