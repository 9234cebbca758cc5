package dev.isola.hal.board;

import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a board file may say about a part of one compatible, as Zephyr's bindings do: what it attaches to, its
 * extra lines, and the limits of the part itself. The board file reader refuses a device whose compatible has no
 * binding, a key the binding does not take, a missing attachment.
 *
 * @param compatible {@code vendor,part}
 * @param attachment what the device sits on
 * @param direction for a {@link Attachment#GPIO} device: {@link Kind#GPIO_IN} or {@link Kind#GPIO_OUT}
 * @param pull for a GPIO input device: the bias it needs (a button to ground: up); NONE otherwise
 * @param activeLow for a GPIO device: whether on is low
 * @param pins extra lines by role, each the kind of line ({@code alert} = gpio-in)
 * @param spiModes for an SPI part: the modes it takes
 * @param spiMaxHz for an SPI part: its fastest clock
 * @param adcChannels for an ADC part (one an {@code [adc.NAME] device} may name): its channels; 0 otherwise
 * @param adcBits for an ADC part: its resolution; 0 otherwise
 */
public record DeviceBinding(String compatible, Attachment attachment, Kind direction, Pull pull, boolean activeLow,
    Map<String, Kind> pins, Set<Integer> spiModes, long spiMaxHz, int adcChannels, int adcBits) {
  public DeviceBinding {
    pins = Map.copyOf(pins);
    spiModes = Set.copyOf(spiModes);
  }

  /** What a device is attached to, and so which keys locate it. */
  public enum Attachment {
    /** {@code bus} (an I2C controller) and {@code address}. */
    I2C,
    /** {@code bus} (an SPI controller) and {@code cs}. */
    SPI,
    /** {@code pin}. */
    GPIO,
    /** {@code channel} (a PWM channel). */
    PWM,
    /** Nothing: an environment model. */
    NONE
  }

  /** An I2C part with extra lines. */
  public static DeviceBinding i2c(String compatible, Map<String, Kind> pins) {
    return new DeviceBinding(compatible, Attachment.I2C, Kind.I2C, Pull.NONE, false, pins, Set.of(), 0, 0, 0);
  }

  /** An SPI part taking {@code modes} up to {@code maxHz}. */
  public static DeviceBinding spi(String compatible, Set<Integer> modes, long maxHz) {
    return new DeviceBinding(compatible, Attachment.SPI, Kind.SPI, Pull.NONE, false, Map.of(), modes, maxHz, 0, 0);
  }

  /** This SPI or I2C part as an ADC of {@code channels} channels of {@code bits} bits. */
  public DeviceBinding adc(int channels, int bits) {
    return new DeviceBinding(compatible, attachment, direction, pull, activeLow, pins, spiModes, spiMaxHz, channels,
        bits);
  }

  /** A part on one pin. */
  public static DeviceBinding gpio(String compatible, Kind direction, Pull pull, boolean activeLow) {
    return new DeviceBinding(compatible, Attachment.GPIO, direction, pull, activeLow, Map.of(), Set.of(), 0, 0, 0);
  }

  /** A part on a PWM channel. */
  public static DeviceBinding pwm(String compatible) {
    return new DeviceBinding(compatible, Attachment.PWM, Kind.PWM, Pull.NONE, false, Map.of(), Set.of(), 0, 0, 0);
  }

  /** A part attached to nothing. */
  public static DeviceBinding free(String compatible) {
    return new DeviceBinding(compatible, Attachment.NONE, Kind.GPIO_IN, Pull.NONE, false, Map.of(), Set.of(), 0, 0,
        0);
  }

  /**
   * The parts hal knows: the ones the simulated board models, written once here so a board file naming them is
   * checked the same with any backend. Providers add theirs through
   * {@link dev.isola.hal.spi.BackendProvider#bindings()}.
   */
  public static final List<DeviceBinding> BUILT_IN = List.of(
      // TMP102: I2C up to 400 kHz in fast mode (3.4 MHz high-speed mode is not offered); ALERT is open drain.
      i2c("ti,tmp102", Map.of("alert", Kind.GPIO_IN)),
      // MCP3008: SPI modes 0 and 3; 3.6 MHz at 5 V (1.35 MHz at 2.7 V: a board at 2.7 V says max-hz).
      spi("microchip,mcp3008", Set.of(0, 3), 3_600_000).adc(8, 10),
      gpio("isola,sim-led", Kind.GPIO_OUT, Pull.NONE, false),
      // A push button to ground: read low when pressed, so it needs the pull-up.
      gpio("isola,sim-button", Kind.GPIO_IN, Pull.UP, true),
      gpio("isola,sim-heater", Kind.GPIO_OUT, Pull.NONE, false),
      pwm("isola,sim-fan"),
      free("isola,sim-room"));
}
