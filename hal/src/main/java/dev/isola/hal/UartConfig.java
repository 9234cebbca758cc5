package dev.isola.hal;

/**
 * A UART's line settings. The facade checks them against the resource (baud in its list, data bits 5..8, stop
 * bits 1..2) before a backend sees them.
 *
 * @param baud bits per second
 * @param dataBits 5..8
 * @param parity the parity bit
 * @param stopBits 1 or 2
 */
public record UartConfig(int baud, int dataBits, Parity parity, int stopBits) {
  /** 115200 8N1, every UART's setting until configured. */
  public static final UartConfig DEFAULT = new UartConfig(115_200, 8, Parity.NONE, 1);
}
