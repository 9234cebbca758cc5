package dev.isola.hal.sim.backend;

import dev.isola.hal.HalError;
import dev.isola.hal.HalException;
import dev.isola.hal.I2cOperation;
import dev.isola.hal.sim.device.I2cBusModel;
import dev.isola.hal.sim.device.I2cFault;
import dev.isola.hal.spi.I2cBackend;
import java.util.ArrayList;
import java.util.List;

/** hal's I2C backend over a simulated {@link I2cBusModel}: operations become phases, faults typed errors. */
final class SimI2c implements I2cBackend {
  private final I2cBusModel bus;

  SimI2c(I2cBusModel bus) {
    this.bus = bus;
  }

  @Override
  public void transaction(int address, int speedHz, List<I2cOperation> operations) throws HalException {
    List<I2cBusModel.Phase> phases = new ArrayList<>(operations.size());
    for (I2cOperation op : operations) {
      phases.add(switch (op) {
        case I2cOperation.Read r -> I2cBusModel.Phase.read(r.length());
        case I2cOperation.Write w -> I2cBusModel.Phase.write(w.data());
      });
    }
    List<byte[]> reads;
    try {
      reads = bus.transact(address, phases);
    } catch (I2cFault f) {
      throw new HalException(switch (f.kind()) {
        case NACK_ADDRESS -> HalError.NACK_ADDRESS;
        case NACK_DATA -> HalError.NACK_DATA;
      }, f.getMessage());
    }
    int next = 0;
    for (I2cOperation op : operations) {
      if (op instanceof I2cOperation.Read r) {
        byte[] got = reads.get(next++);
        System.arraycopy(got, 0, r.buffer(), 0, got.length);
      }
    }
  }
}
