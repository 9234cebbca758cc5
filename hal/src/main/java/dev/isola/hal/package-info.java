/**
 * The hardware abstraction's API: {@link dev.isola.hal.Board boards} opened by {@link dev.isola.hal.Boards}, their
 * {@link dev.isola.hal.Resource resources} by name, and one checking facade per peripheral class
 * ({@link dev.isola.hal.GpioPin}, {@link dev.isola.hal.I2cDevice}, {@link dev.isola.hal.SpiDevice},
 * {@link dev.isola.hal.UartPort}, {@link dev.isola.hal.AdcChannel}, {@link dev.isola.hal.PwmChannel},
 * {@link dev.isola.hal.TimerChannel}).
 *
 * <pre>{@code
 * try (Board board = Boards.open(Optional.empty())) {          // the built-in "sim" board
 *   I2cDevice sensor = board.i2c("tmp102");                     // claims it: one owner at a time
 *   byte[] raw = sensor.writeRead(new byte[] {0x00}, 2);         // temperature register
 * }
 * }</pre>
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Narrow backends, one checking facade (Zephyr's device model). A backend interface
 *       ({@link dev.isola.hal.spi}) is what a driver chip does, with default methods answering
 *       {@link dev.isola.hal.HalError#NOT_SUPPORTED}; the facade validates and normalises every argument once
 *       (address 0..0x7F, a speed the bus runs, pulse within period, buffers of equal length) so backends trust
 *       their input and stay small.
 *   <li>One {@link dev.isola.hal.HalException} with a {@link dev.isola.hal.HalError} kind per outcome: io maps
 *       each kind to one guest error code in one switch. Checked, so no caller forgets a failure.
 *   <li>Resources are names with capabilities, derived from the board file alone (no backend needed to check a
 *       system). Two names of one line ({@code led}, {@code gpio0.5}) share a {@link dev.isola.hal.Resource#claim()
 *       claim}; the board lets one facade hold a claim at a time and closing the facade releases it, so a
 *       container's next incarnation can open it again.
 *   <li>Buses are reached through devices only: a guest bound to {@code tmp102} can address only 0x48.
 *   <li>Listeners are plain {@code Runnable}s called from any thread: the host only records an event (io and irq
 *       count it); the work happens in the guest's handler, at its priority.
 *   <li>Facades are thread-safe to the extent their backends are; backends serve every facade of their controller
 *       from any thread, so they must be thread-safe anyway.
 * </ul>
 */
package dev.isola.hal;
