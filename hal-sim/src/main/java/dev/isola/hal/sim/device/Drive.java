package dev.isola.hal.sim.device;

/**
 * What a device on a pin does to its net: drives it low or high, or lets it go (an open-drain output that is
 * off, a button that is released), so the pin's pull decides the level.
 */
public enum Drive {
  RELEASED,
  LOW,
  HIGH
}
