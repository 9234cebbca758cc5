package dev.isola.hal.spi;

import dev.isola.hal.Edge;
import dev.isola.hal.HalException;
import dev.isola.hal.Pull;

/**
 * A GPIO controller's driver: what the chip does, nothing more. Pins are numbers on this controller, already checked
 * by the facade ({@code 0 <= pin < pins}, pull and edge among the pin's capabilities), so a backend trusts them.
 * An operation the driver lacks keeps its default and answers {@link dev.isola.hal.HalError#NOT_SUPPORTED}.
 */
public interface GpioBackend {
  /** Makes {@code pin} an input with {@code pull}. */
  default void configureInput(int pin, Pull pull) throws HalException {
    throw HalException.notSupported("gpio input");
  }

  /** Makes {@code pin} an output driving {@code level} (true = high) from now on. */
  default void configureOutput(int pin, boolean level) throws HalException {
    throw HalException.notSupported("gpio output");
  }

  /** The level on {@code pin} (an input's sampled level; an output's driven level). */
  default boolean read(int pin) throws HalException {
    throw HalException.notSupported("gpio read");
  }

  /** Drives output {@code pin} to {@code level}. */
  default void write(int pin, boolean level) throws HalException {
    throw HalException.notSupported("gpio write");
  }

  /**
   * Calls {@code listener} (from any thread, quickly: it only records) on every {@code edge} of input {@code pin};
   * {@link Edge#NONE} (listener null) stops listening. One listener per pin: a new one replaces the old.
   */
  default void listen(int pin, Edge edge, Runnable listener) throws HalException {
    throw HalException.notSupported("gpio edge events");
  }
}
