package dev.isola.hal.board;

import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import java.util.Map;
import java.util.Set;

/**
 * One device of a board file ({@code [devices.tmp102]}): its compatible (what part it is, see {@link DeviceBinding})
 * and where it is attached. {@code pins} are its extra lines ({@code alert = "gpio0.7"}); {@code properties} the
 * backend's own settings for it ({@code [devices.fan.properties]}), passed through unread by hal.
 */
public sealed interface DeviceSpec {
  String name();

  String compatible();

  Map<String, Object> properties();

  /**
   * A device on an I2C bus.
   *
   * @param bus the I2C controller
   * @param address its 7-bit address
   * @param pins its extra lines by role ({@code alert})
   */
  record I2c(String name, String compatible, String bus, int address, Map<String, Channel> pins,
      Map<String, Object> properties) implements DeviceSpec {
    public I2c {
      pins = Map.copyOf(pins);
      properties = Map.copyOf(properties);
    }
  }

  /**
   * A device on an SPI bus.
   *
   * @param bus the SPI controller
   * @param chipSelect its chip select line
   * @param modes the modes the part takes
   * @param maxHz the part's fastest clock
   * @param pins its extra lines by role
   */
  record Spi(String name, String compatible, String bus, int chipSelect, Set<Integer> modes, long maxHz,
      Map<String, Channel> pins, Map<String, Object> properties) implements DeviceSpec {
    public Spi {
      modes = Set.copyOf(modes);
      pins = Map.copyOf(pins);
      properties = Map.copyOf(properties);
    }
  }

  /**
   * A device on one GPIO pin (an LED, a button, a relay).
   *
   * @param pin the pin
   * @param direction {@link Kind#GPIO_IN} or {@link Kind#GPIO_OUT}, from the part's binding
   * @param pull the bias the part needs (a button to ground needs {@link Pull#UP})
   * @param activeLow whether the part is on when the line is low
   */
  record Gpio(String name, String compatible, Channel pin, Kind direction, Pull pull, boolean activeLow,
      Map<String, Object> properties) implements DeviceSpec {
    public Gpio {
      properties = Map.copyOf(properties);
    }
  }

  /**
   * A device driven by one PWM channel (a fan).
   *
   * @param channel the PWM channel
   */
  record Pwm(String name, String compatible, Channel channel, Map<String, Object> properties) implements DeviceSpec {
    public Pwm {
      properties = Map.copyOf(properties);
    }
  }

  /** A device attached to nothing a guest can reach: the simulator's room, an environment. */
  record Free(String name, String compatible, Map<String, Object> properties) implements DeviceSpec {
    public Free {
      properties = Map.copyOf(properties);
    }
  }
}
