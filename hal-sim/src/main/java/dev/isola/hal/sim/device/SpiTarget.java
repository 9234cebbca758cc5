package dev.isola.hal.sim.device;

/**
 * A device on a simulated SPI bus, on its own chip select. Its chip select falls ({@link #select}), full
 * duplex bytes are clocked MSB first ({@link #exchange}), its chip select rises ({@link #deselect}). Called
 * under the {@link Simulation}'s lock.
 */
public interface SpiTarget {
  void select(int mode, long hz);

  /** One byte clocked out on MOSI; returns the byte the device drove on MISO meanwhile. */
  byte exchange(byte mosi);

  void deselect();
}
