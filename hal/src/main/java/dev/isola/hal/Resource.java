package dev.isola.hal;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Something of a board that a system file can bind a container's label to, by name: a pin ({@code gpio0.5}) or the
 * device on it ({@code led}, {@code tmp102.alert}), an I2C or SPI device ({@code tmp102}, {@code mcp3008}), a UART
 * ({@code uart0}), an ADC, PWM or timer channel ({@code adc0.3}, {@code pwm0.0} or its device {@code fan},
 * {@code timer0.1}). Each record carries its capabilities, which a need's constraints are matched against.
 *
 * <p>Two names can reach the same hardware ({@code led} and {@code gpio0.5}): they share a {@link #claim()}, and one
 * claim has at most one owner in a system.
 */
public sealed interface Resource {
  /** The name the system file uses. */
  String name();

  /** The kinds of need this resource can serve (a bidirectional pin serves both gpio-in and gpio-out). */
  Set<Kind> kinds();

  /**
   * The hardware this resource occupies: resources with equal claims cannot have two owners. Its name, unless a
   * channel or pin can also be reached under a device's name.
   */
  default String claim() {
    return name();
  }

  /** The device attached here, by its name in the board file, when there is one. */
  default Optional<String> device() {
    return Optional.empty();
  }

  /**
   * A GPIO pin.
   *
   * @param name {@code gpio0.5}, or the device's name ({@code led}) or device pin ({@code tmp102.alert})
   * @param controller the GPIO controller ({@code gpio0})
   * @param pin the pin number on the controller
   * @param kinds {@code gpio-in}, {@code gpio-out} or both (a device's wiring narrows it: an LED is only driven)
   * @param pulls the bias settings the pin supports when an input
   * @param edges the edges it can raise events on when an input ({@link Edge#NONE} always included)
   * @param device the device wired to the pin
   */
  record Pin(String name, String controller, int pin, Set<Kind> kinds, Set<Pull> pulls, Set<Edge> edges,
      Optional<String> device) implements Resource {
    public Pin {
      kinds = Set.copyOf(kinds);
      pulls = Set.copyOf(pulls);
      edges = Set.copyOf(edges);
    }

    @Override
    public String claim() {
      return controller + "." + pin;
    }
  }

  /**
   * A device on an I2C bus, reached at its one address.
   *
   * @param name the device's name ({@code tmp102})
   * @param bus the I2C controller ({@code i2c0})
   * @param address the 7-bit address
   * @param speeds the bus speeds (Hz) the bus runs, at most the device's
   * @param compatible the device's compatible ({@code ti,tmp102})
   */
  record I2c(String name, String bus, int address, SortedSet<Integer> speeds, String compatible) implements Resource {
    public I2c {
      speeds = Collections.unmodifiableSortedSet(new TreeSet<>(speeds));
    }

    @Override
    public Set<Kind> kinds() {
      return Set.of(Kind.I2C);
    }

    @Override
    public Optional<String> device() {
      return Optional.of(name);
    }
  }

  /**
   * A device on an SPI bus, on its chip select.
   *
   * @param name the device's name ({@code mcp3008})
   * @param bus the SPI controller ({@code spi0})
   * @param chipSelect its chip select line on the controller
   * @param modes the SPI modes (0..3) both the controller and the device support
   * @param maxHz the fastest clock both support
   * @param compatible the device's compatible
   */
  record Spi(String name, String bus, int chipSelect, Set<Integer> modes, long maxHz, String compatible)
      implements Resource {
    public Spi {
      modes = Set.copyOf(modes);
    }

    @Override
    public Set<Kind> kinds() {
      return Set.of(Kind.SPI);
    }

    @Override
    public Optional<String> device() {
      return Optional.of(name);
    }
  }

  /**
   * A UART.
   *
   * @param name the controller's name ({@code uart0})
   * @param bauds the baud rates it runs
   */
  record Uart(String name, SortedSet<Integer> bauds) implements Resource {
    public Uart {
      bauds = Collections.unmodifiableSortedSet(new TreeSet<>(bauds));
    }

    @Override
    public Set<Kind> kinds() {
      return Set.of(Kind.UART);
    }
  }

  /**
   * One ADC channel.
   *
   * @param name {@code adc0.3}
   * @param controller {@code adc0}
   * @param channel the channel number
   * @param bits the resolution: samples are 0 .. 2^bits - 1
   * @param referenceMv the voltage (mV) of the full-scale sample
   */
  record Adc(String name, String controller, int channel, int bits, int referenceMv) implements Resource {
    @Override
    public Set<Kind> kinds() {
      return Set.of(Kind.ADC);
    }

    @Override
    public String claim() {
      return controller + "." + channel;
    }
  }

  /**
   * One PWM channel.
   *
   * @param name {@code pwm0.0} or the device's name ({@code fan})
   * @param controller {@code pwm0}
   * @param channel the channel number
   * @param minHz the slowest frequency (1e9 / period ns) the channel runs
   * @param maxHz the fastest
   * @param device the device driven by the channel
   */
  record Pwm(String name, String controller, int channel, long minHz, long maxHz, Optional<String> device)
      implements Resource {
    @Override
    public Set<Kind> kinds() {
      return Set.of(Kind.PWM);
    }

    @Override
    public String claim() {
      return controller + "." + channel;
    }
  }

  /**
   * One timer channel.
   *
   * @param name {@code timer0.1}
   * @param controller {@code timer0}
   * @param channel the channel number
   */
  record Timer(String name, String controller, int channel) implements Resource {
    @Override
    public Set<Kind> kinds() {
      return Set.of(Kind.TIMER);
    }

    @Override
    public String claim() {
      return controller + "." + channel;
    }
  }
}
