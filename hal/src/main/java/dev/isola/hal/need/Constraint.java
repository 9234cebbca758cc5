package dev.isola.hal.need;

import dev.isola.hal.Edge;
import dev.isola.hal.Pull;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code KEY=VALUE} of a need: what the module requires of the resource its label is bound to. Each key
 * belongs to one kind (docs/peripherals.md lists them); {@link #key()} and {@link #value()} give it back in the
 * section's own words, so a report prints what the module wrote, normalised.
 */
public sealed interface Constraint {
  /** The key in the section: {@code pull}, {@code address}... */
  default String key() {
    return switch (this) {
      case PullBias _ -> "pull";
      case EdgeEvents _ -> "edge";
      case InitialLevel _ -> "initial";
      case Address _ -> "address";
      case BusSpeeds _ -> "speed";
      case SpiMode _ -> "mode";
      case ClockHz _, Frequency _ -> "hz";
      case Baud _ -> "baud";
      case Bits _ -> "bits";
    };
  }

  /** The value in the section's words: {@code up}, {@code 0x48}, {@code 100000,400000}. */
  default String value() {
    return switch (this) {
      case PullBias(Pull pull) -> pull.keyword();
      case EdgeEvents(Edge edge) -> edge.keyword();
      case InitialLevel(boolean high) -> high ? "1" : "0";
      case Address(int address) -> String.format("0x%02x", address);
      case BusSpeeds(List<Integer> hz) -> hz.stream().map(String::valueOf).collect(Collectors.joining(","));
      case SpiMode(int mode) -> Integer.toString(mode);
      case ClockHz(long hz) -> Long.toString(hz);
      case Baud(int baud) -> Integer.toString(baud);
      case Bits(int bits) -> Integer.toString(bits);
      case Frequency(long hz) -> Long.toString(hz);
    };
  }

  /** {@code KEY=VALUE}, as the section writes it. */
  default String text() {
    return key() + "=" + value();
  }

  /** {@code gpio-in pull=}: the input's bias; the pin must support it. */
  record PullBias(Pull pull) implements Constraint {}

  /**
   * {@code gpio-in edge=}: the level changes the module listens to (its interrupt line); the pin must raise events
   * on them. {@link Edge#NONE} (the default) is an input polled only.
   */
  record EdgeEvents(Edge edge) implements Constraint {}

  /** {@code gpio-out initial=0|1}: the level the pin takes when the module opens it; any output can. */
  record InitialLevel(boolean high) implements Constraint {}

  /** {@code i2c address=}: the 7-bit address the driver is written for; the bound device must sit there. */
  record Address(int address) implements Constraint {}

  /** {@code i2c speed=}: the bus speeds (Hz) the driver works at; the bus must run at least one of them. */
  record BusSpeeds(List<Integer> hz) implements Constraint {
    public BusSpeeds {
      hz = List.copyOf(hz);
    }
  }

  /** {@code spi mode=0..3}: clock polarity and phase; the device and its controller must support the mode. */
  record SpiMode(int mode) implements Constraint {}

  /** {@code spi hz=}: the clock the driver runs the device at; the device and its bus must reach it. */
  record ClockHz(long hz) implements Constraint {}

  /** {@code uart baud=}: the baud rate the module opens the UART at; the UART must run it. */
  record Baud(int baud) implements Constraint {}

  /**
   * {@code adc bits=}: the resolution the module needs at least; the channel must have as many bits or more (the
   * module learns the real resolution at run time through {@code isola:adc bits}).
   */
  record Bits(int bits) implements Constraint {}

  /** {@code pwm hz=}: the PWM frequency the module drives; it must lie in the channel's range. */
  record Frequency(long hz) implements Constraint {}
}
