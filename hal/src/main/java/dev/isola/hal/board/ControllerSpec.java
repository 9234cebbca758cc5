package dev.isola.hal.board;

import dev.isola.hal.Edge;
import dev.isola.hal.Pull;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One controller of a board file ({@code [i2c.i2c0]}): its compatible (which picks the backend) and its
 * capabilities. {@code properties} are the backend's own settings ({@code [uart.uart0.properties]}), passed through
 * unread by hal: strings, integers, floats and booleans.
 */
public sealed interface ControllerSpec {
  /** The controller's name ({@code gpio0}). */
  String name();

  /** Which backend drives it ({@code isola,sim-gpio}). */
  String compatible();

  /** The backend's own settings. */
  Map<String, Object> properties();

  /** The table the controller sits in: {@code gpio}, {@code i2c}... */
  String table();

  /**
   * @param pins how many pins: 0 .. pins - 1
   * @param pulls the bias settings inputs support
   * @param edges the edges inputs raise events on ({@link Edge#NONE} included)
   */
  record Gpio(String name, String compatible, int pins, Set<Pull> pulls, Set<Edge> edges,
      Map<String, Object> properties) implements ControllerSpec {
    public Gpio {
      pulls = Set.copyOf(pulls);
      edges = Set.copyOf(edges);
      properties = Map.copyOf(properties);
    }

    @Override
    public String table() {
      return "gpio";
    }
  }

  /** @param speeds the bus speeds (Hz) it runs */
  record I2c(String name, String compatible, SortedSet<Integer> speeds, Map<String, Object> properties)
      implements ControllerSpec {
    public I2c {
      speeds = Collections.unmodifiableSortedSet(new TreeSet<>(speeds));
      properties = Map.copyOf(properties);
    }

    @Override
    public String table() {
      return "i2c";
    }
  }

  /**
   * @param chipSelects how many chip select lines: 0 .. chipSelects - 1
   * @param modes the SPI modes (0..3) it runs
   * @param maxHz its fastest clock
   */
  record Spi(String name, String compatible, int chipSelects, Set<Integer> modes, long maxHz,
      Map<String, Object> properties) implements ControllerSpec {
    public Spi {
      modes = Set.copyOf(modes);
      properties = Map.copyOf(properties);
    }

    @Override
    public String table() {
      return "spi";
    }
  }

  /** @param bauds the baud rates it runs */
  record Uart(String name, String compatible, SortedSet<Integer> bauds, Map<String, Object> properties)
      implements ControllerSpec {
    public Uart {
      bauds = Collections.unmodifiableSortedSet(new TreeSet<>(bauds));
      properties = Map.copyOf(properties);
    }

    @Override
    public String table() {
      return "uart";
    }
  }

  /**
   * @param channels how many channels
   * @param bits resolution
   * @param referenceMv full-scale voltage in mV
   * @param device the SPI or I2C device this ADC is (an MCP3008 on spi0): that device is then not bindable
   */
  record Adc(String name, String compatible, int channels, int bits, int referenceMv, Optional<String> device,
      Map<String, Object> properties) implements ControllerSpec {
    public Adc {
      properties = Map.copyOf(properties);
    }

    @Override
    public String table() {
      return "adc";
    }
  }

  /**
   * @param channels how many channels
   * @param minHz slowest frequency
   * @param maxHz fastest frequency
   */
  record Pwm(String name, String compatible, int channels, long minHz, long maxHz, Map<String, Object> properties)
      implements ControllerSpec {
    public Pwm {
      properties = Map.copyOf(properties);
    }

    @Override
    public String table() {
      return "pwm";
    }
  }

  /** @param channels how many channels */
  record Timer(String name, String compatible, int channels, Map<String, Object> properties)
      implements ControllerSpec {
    public Timer {
      properties = Map.copyOf(properties);
    }

    @Override
    public String table() {
      return "timer";
    }
  }
}
