package dev.isola.hal.sim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP3008 model against its datasheet (DS21295): the SPI protocol bit by bit, codes, differential pairs. */
class Mcp3008Test {
  Simulation sim;
  SpiBusModel bus;
  Mcp3008 adc;

  @BeforeEach
  void open() {
    sim = new Simulation(0);
    bus = new SpiBusModel(sim, "spi0");
    adc = new Mcp3008(sim, 3300);
    bus.attach(0, adc);
  }

  @AfterEach
  void close() {
    sim.close();
  }

  byte[] transfer(int... tx) {
    byte[] b = new byte[tx.length];
    for (int i = 0; i < tx.length; i++) {
      b[i] = (byte) tx[i];
    }
    return bus.transact(0, 0, 1_000_000, List.of(b)).get(0);
  }

  /** Datasheet section 6.1: start bit in byte 0, SGL D2 D1 D0 in byte 1's top nibble, B9..B8 then B7..B0. */
  int single(int channel) {
    byte[] rx = transfer(0x01, 0x80 | channel << 4, 0x00);
    assertEquals(0, rx[1] & 0x04, "the null bit before B9");
    return (rx[1] & 0x03) << 8 | rx[2] & 0xFF;
  }

  @Test
  void singleEndedCodesAreFloorOf1024VinOverVref() {
    double[] mv = {0, 1650, 3300, 1000, 3.3, 3299, 2475, 100};
    int[] code = {0, 512, 1023, 310, 1, 1023, 768, 31};
    for (int ch = 0; ch < 8; ch++) {
      adc.input(ch, mv[ch]);
    }
    for (int ch = 0; ch < 8; ch++) {
      assertEquals(code[ch], single(ch), "CH" + ch + " at " + mv[ch] + " mV");
    }
    assertEquals(8, adc.conversions());
  }

  @Test
  void leadingZerosAreIgnoredAndTheResultRepeatsLsbFirst() {
    adc.input(5, 2000); // 620 = 0b10_0110_1100
    // Start bit late in byte 0: 000 1 1 101, then sample, null, B9..B4 | B3..B0 then B1 B2 B3 B4 (LSB first).
    byte[] rx = transfer(0x18 | 5, 0x00, 0x00);
    int msbFirst = (rx[1] & 0x3F) << 4 | (rx[2] & 0xF0) >>> 4;
    assertEquals(620, msbFirst);
    int lsbNibble = rx[2] & 0x0F; // B1 B2 B3 B4 from bit 3 down
    int b1 = lsbNibble >>> 3 & 1, b2 = lsbNibble >>> 2 & 1, b3 = lsbNibble >>> 1 & 1, b4 = lsbNibble & 1;
    assertEquals((620 >>> 1 & 1) << 1 | (620 >>> 2 & 1) << 2 | (620 >>> 3 & 1) << 3 | (620 >>> 4 & 1) << 4,
        b1 << 1 | b2 << 2 | b3 << 3 | b4 << 4);
  }

  @Test
  void oneConversionPerChipSelect() {
    adc.input(0, 3300);
    byte[] rx = transfer(0x01, 0x80, 0x00, 0x01, 0x80, 0x00);
    assertEquals(0, rx[4] & 0x03, "a second start bit in the same selection is ignored: zeros follow");
    assertEquals(0, rx[5]);
    assertEquals(1023, single(0), "after chip select rises and falls, a new conversion");
  }

  @Test
  void differentialPairsClipBelowZero() {
    adc.input(0, 2000);
    adc.input(1, 500);
    adc.input(6, 100);
    adc.input(7, 3000);
    assertEquals(465, diff(0), "CH0+ CH1-: 1500 mV");
    assertEquals(0, diff(1), "CH0- CH1+: negative reads 0");
    assertEquals(899, diff(7), "CH6- CH7+: 2900 mV");
    assertEquals(0, diff(6));
  }

  int diff(int config) {
    byte[] rx = transfer(0x01, config << 4, 0x00);
    return (rx[1] & 0x03) << 8 | rx[2] & 0xFF;
  }

  @Test
  void nothingOnAChipSelectReadsZeros() {
    byte[] rx = bus.transact(1, 0, 1_000_000, List.of(new byte[] {0x01, (byte) 0x80, 0})).get(0);
    assertEquals(List.of((byte) 0, (byte) 0, (byte) 0), List.of(rx[0], rx[1], rx[2]));
  }
}
