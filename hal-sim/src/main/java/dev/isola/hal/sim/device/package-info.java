/**
 * Models of the parts on the simulated board, each as its datasheet describes it, at register or bit level
 * where the part has one: {@link dev.isola.hal.sim.device.Tmp102} (I2C registers, conversions, ALERT in
 * comparator and interrupt mode), {@link dev.isola.hal.sim.device.Mcp3008} (the SPI protocol bit by bit), and
 * the board's own: GPIO nets with pulls and drives, LEDs, a button, a heater relay, a PWM fan with inertia, a
 * room (a first-order thermal model), UARTs with endpoints, timers.
 *
 * <p>Design decisions: the models know nothing of hal's facades (buses here are {@link
 * dev.isola.hal.sim.device.I2cBusModel} phases and {@link dev.isola.hal.sim.device.SpiBusModel} bytes), so
 * each is tested against its datasheet alone; the backends translate. One lock per board ({@link
 * dev.isola.hal.sim.device.Simulation}) guards every model, so a cross-part effect (a relay switches, the room
 * follows) is atomic; listeners outside the board are called after the lock is released, in order. The
 * environment is integrated lazily, exactly for piecewise-constant inputs, when someone looks.
 */
package dev.isola.hal.sim.device;
