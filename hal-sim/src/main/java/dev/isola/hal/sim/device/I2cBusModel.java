package dev.isola.hal.sim.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated I2C bus: the devices on it by 7-bit address. A transaction is a list of phases to one address,
 * a repeated start between them and one stop at the end (also after a NACK, as a controller ends a failed
 * transfer). A phase to an address nobody acknowledges fails with {@link I2cFault.Kind#NACK_ADDRESS}; the
 * whole transaction is one step under the board's lock, so no other controller's traffic interleaves.
 */
public final class I2cBusModel {
  /** One phase: a write of {@code data}, or a read of {@code length} bytes (data null). */
  public record Phase(byte[] data, int length) {
    public static Phase write(byte[] data) {
      return new Phase(data.clone(), data.length);
    }

    public static Phase read(int length) {
      return new Phase(null, length);
    }

    public boolean isRead() {
      return data == null;
    }
  }

  private final Simulation sim;
  private final String name;
  private final Map<Integer, I2cTarget> targets = new HashMap<>();
  private long transactions;

  public I2cBusModel(Simulation sim, String name) {
    this.sim = sim;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public void attach(int address, I2cTarget target) {
    sim.locked(() -> {
      if (targets.putIfAbsent(address, target) != null) {
        throw new IllegalArgumentException(name + ": two devices at address 0x" + Integer.toHexString(address));
      }
    });
  }

  /** Runs a transaction; returns the bytes of each read phase, in order. */
  public List<byte[]> transact(int address, List<Phase> phases) {
    return sim.locked(() -> {
      transactions++;
      I2cTarget t = targets.get(address);
      if (t == null) {
        throw new I2cFault(
            I2cFault.Kind.NACK_ADDRESS, 0,
            name + ": no device acknowledged address 0x" + Integer.toHexString(address));
      }
      List<byte[]> reads = new ArrayList<>();
      try {
        for (int i = 0; i < phases.size(); i++) {
          Phase p = phases.get(i);
          t.start(p.isRead());
          if (p.isRead()) {
            reads.add(t.read(p.length()));
          } else {
            int acked = t.write(p.data());
            if (acked < p.data().length) {
              throw new I2cFault(
                  I2cFault.Kind.NACK_DATA, i,
                  name + ": device 0x" + Integer.toHexString(address) + " refused byte " + acked + " of phase " + i);
            }
          }
        }
      } finally {
        t.stop();
      }
      return reads;
    });
  }

  public long transactions() {
    return sim.locked(() -> transactions);
  }
}
