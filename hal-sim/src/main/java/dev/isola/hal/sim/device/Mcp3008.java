package dev.isola.hal.sim.device;

import java.util.Objects;

/**
 * The Microchip MCP3008, an 8-channel 10-bit ADC on SPI (datasheet DS21295), bit by bit as the part sees its
 * clock, so any framing a driver uses works as on the part (the usual three bytes {@code 0x01, SGL<<7 | D<<4,
 * 0x00}, or a start bit placed later for a byte-aligned result).
 *
 * <p>After chip select falls, leading zeros on DIN are ignored; the first 1 is the start bit. The next four
 * bits are SGL/DIFF, D2, D1, D0; the input is sampled at D0; one more clock completes the sample (DOUT is
 * high impedance until then), then DOUT gives a null bit (0), then B9..B0; clocked on, the part repeats the
 * result LSB first (B1..B9), then zeros. A new conversion needs chip select to rise and fall again. A
 * high-impedance DOUT reads as 0 here.
 *
 * <p>Code = floor(1024 * Vin / Vref), clamped to 0..1023. Differential (SGL/DIFF = 0): D2..D0 pick the pair,
 * even D0 = CH(2n)+ CH(2n+1)-, odd D0 the reverse; IN+ below IN- gives 0 (pseudo-differential). Not
 * modelled: the SPI mode and clock limits (modes 0 and 3, 1.35..3.6 MHz), the sample's settling time.
 */
public final class Mcp3008 implements SpiTarget {
  private enum Phase {
    IDLE,
    CONFIG,
    SAMPLE,
    NULL_BIT,
    MSB_FIRST,
    LSB_FIRST,
    ZEROS,
    DESELECTED
  }

  private final Simulation sim;
  private final double referenceMv;
  private final double[] inputsMv = new double[8];
  private Phase phase = Phase.DESELECTED;
  private int config;
  private int bits;
  private int code;
  private long conversions;

  public Mcp3008(Simulation sim, double referenceMv) {
    this.sim = sim;
    this.referenceMv = referenceMv;
  }

  public double referenceMv() {
    return referenceMv;
  }

  /** Sets the voltage on CH{@code channel}, in millivolts (clamped to 0..Vref, as the input's protection). */
  public void input(int channel, double millivolts) {
    Objects.checkIndex(channel, 8);
    sim.locked(() -> {
      inputsMv[channel] = Math.clamp(millivolts, 0, referenceMv);
    });
  }

  public double input(int channel) {
    Objects.checkIndex(channel, 8);
    return sim.locked(() -> inputsMv[channel]);
  }

  public long conversions() {
    return sim.locked(() -> conversions);
  }

  @Override
  public void select(int mode, long hz) {
    phase = Phase.IDLE;
  }

  @Override
  public void deselect() {
    phase = Phase.DESELECTED;
  }

  @Override
  public byte exchange(byte mosi) {
    int out = 0;
    for (int bit = 7; bit >= 0; bit--) {
      out |= clock(((mosi >>> bit) & 1) != 0) << bit;
    }
    return (byte) out;
  }

  /** One clock: DIN is {@code din}; returns DOUT during the clock. */
  private int clock(boolean din) {
    switch (phase) {
      case DESELECTED, ZEROS -> {
        return 0;
      }
      case IDLE -> {
        if (din) {
          phase = Phase.CONFIG;
          config = 0;
          bits = 0;
        }
        return 0;
      }
      case CONFIG -> {
        config = config << 1 | (din ? 1 : 0);
        if (++bits == 4) {
          code = convert(config);
          phase = Phase.SAMPLE;
        }
        return 0;
      }
      case SAMPLE -> {
        phase = Phase.NULL_BIT;
        return 0;
      }
      case NULL_BIT -> {
        phase = Phase.MSB_FIRST;
        bits = 9;
        return 0;
      }
      case MSB_FIRST -> {
        int b = (code >>> bits) & 1;
        if (--bits < 0) {
          phase = Phase.LSB_FIRST;
          bits = 1;
        }
        return b;
      }
      case LSB_FIRST -> {
        int b = (code >>> bits) & 1;
        if (++bits > 9) {
          phase = Phase.ZEROS;
        }
        return b;
      }
    }
    throw new IllegalStateException(phase.toString());
  }

  /** The 10-bit code for a configuration SGL D2 D1 D0. */
  private int convert(int config) {
    conversions++;
    boolean single = (config & 8) != 0;
    int d = config & 7;
    double v;
    if (single) {
      v = inputsMv[d];
    } else {
      int pair = d & 6;
      boolean swapped = (d & 1) != 0;
      double plus = inputsMv[swapped ? pair + 1 : pair];
      double minus = inputsMv[swapped ? pair : pair + 1];
      v = plus - minus;
    }
    return code(v, referenceMv);
  }

  static int code(double millivolts, double referenceMv) {
    return (int) Math.clamp(Math.floor(1024 * millivolts / referenceMv), 0, 1023);
  }
}
