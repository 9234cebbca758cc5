/**
 * The backend SPI: what a backend module (hal-sim, or a driver for real hardware) implements. A
 * {@link dev.isola.hal.spi.BackendProvider} found by {@link java.util.ServiceLoader} declares the controller
 * compatibles it serves and opens a {@link dev.isola.hal.spi.BoardBackend} per board, which hands out one narrow
 * backend per controller ({@link dev.isola.hal.spi.GpioBackend}, {@link dev.isola.hal.spi.I2cBackend}...).
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Every operation is a default method answering NOT_SUPPORTED, so a backend implements what its hardware does
 *       and nothing more, and a new operation added here breaks no backend.
 *   <li>A provider opens with the whole {@link dev.isola.hal.board.BoardSpec}: a simulator wires devices across
 *       controllers (the TMP102's ALERT on a GPIO line), so its backends share one world.
 *   <li>Arguments are trusted: the facades have checked them. A backend reports only what the hardware says
 *       (a NACK, a timeout, a bus error).
 *   <li>On the class path (tests run there), a provider is listed in
 *       {@code META-INF/services/dev.isola.hal.spi.BackendProvider} as well as in its module's {@code provides}.
 * </ul>
 */
package dev.isola.hal.spi;
