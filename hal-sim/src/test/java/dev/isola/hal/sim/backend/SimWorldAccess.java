package dev.isola.hal.sim.backend;

import dev.isola.hal.sim.SimBoard;
import dev.isola.hal.spi.I2cBackend;

/** Tests' way to a simulated bus below the facade (an address no resource reaches). */
public final class SimWorldAccess {
  private SimWorldAccess() {}

  public static I2cBackend i2c(SimBoard board, String bus) throws dev.isola.hal.HalException {
    var spec = new dev.isola.hal.board.ControllerSpec.I2c(
        bus, SimWorld.I2C, new java.util.TreeSet<>(java.util.Set.of(100_000)), java.util.Map.of());
    return board.i2c(spec);
  }
}
