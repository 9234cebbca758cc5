package dev.isola.hal.driver;

import dev.isola.hal.HalException;
import dev.isola.hal.SpiDevice;
import dev.isola.hal.spi.AdcBackend;

/**
 * An ADC backend that speaks the Microchip MCP3008's SPI protocol to the part through its {@link SpiDevice}, so the
 * same driver runs over the simulator's SPI bus and a real one. One sample is one 3-byte transaction (datasheet
 * section 6.1, "Using the MCP3004/3008 with Microcontroller SPI Ports"): byte 0 carries the start bit; byte 1 the
 * SGL/DIFF bit and D2..D0 in its top nibble; the part answers a null bit and the 10-bit result, B9..B8 in the low
 * bits of byte 1 and B7..B0 in byte 2.
 */
public final class Mcp3008 implements AdcBackend {
  /** The compatible this driver serves for an {@code [adc.NAME]} controller whose {@code device} is the part. */
  public static final String COMPATIBLE = "microchip,mcp3008";

  public static final int CHANNELS = 8;
  public static final int BITS = 10;

  private static final int START = 0x01;
  private static final int SINGLE_ENDED = 0x80;

  private final SpiDevice part;

  public Mcp3008(SpiDevice part) {
    this.part = part;
  }

  @Override
  public int sample(int channel) throws HalException {
    byte[] tx = {START, (byte) (SINGLE_ENDED | channel << 4), 0};
    byte[] rx = new byte[3];
    // One transaction: the conversion runs while chip select is held; releasing it ends the conversion.
    synchronized (part) {
      part.transfer(tx, rx);
    }
    return (rx[1] & 0x03) << 8 | rx[2] & 0xFF;
  }
}
