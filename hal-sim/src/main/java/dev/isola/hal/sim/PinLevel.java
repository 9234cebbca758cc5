package dev.isola.hal.sim;

/**
 * One level a pin had, from sim instant {@code nanos} on (sim nanoseconds since the board opened; see {@link
 * SimBoard#now()}) until the next level of the same pin.
 *
 * @param pin the pin ({@code gpio0.5})
 * @param nanos when the level began
 * @param high the level
 */
public record PinLevel(String pin, long nanos, boolean high) {}
