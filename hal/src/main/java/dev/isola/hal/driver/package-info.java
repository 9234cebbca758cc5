/**
 * Drivers hal carries itself: backends written over another facade rather than over hardware, so they run the same
 * on any board. The MCP3008 ADC is an SPI part: {@link dev.isola.hal.driver.Mcp3008} turns an
 * {@code [adc.adc0] compatible = "microchip,mcp3008", device = "mcp3008"} controller into samples by speaking the
 * part's protocol over the device's {@link dev.isola.hal.SpiDevice}. The simulator then models only the part, as a
 * real board would have only the part.
 */
package dev.isola.hal.driver;
