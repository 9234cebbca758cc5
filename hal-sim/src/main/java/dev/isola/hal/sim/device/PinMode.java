package dev.isola.hal.sim.device;

/** How a pin is configured; an unconfigured pin is a high-impedance input with no pull, as after reset. */
public enum PinMode {
  UNCONFIGURED,
  INPUT,
  OUTPUT
}
