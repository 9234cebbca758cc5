package dev.isola.hal.sim.backend;

import dev.isola.hal.HalException;
import dev.isola.hal.Reading;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.board.Channel;
import dev.isola.hal.board.ControllerSpec;
import dev.isola.hal.board.DeviceSpec;
import dev.isola.hal.sim.device.Button;
import dev.isola.hal.sim.device.Fan;
import dev.isola.hal.sim.device.GpioBank;
import dev.isola.hal.sim.device.Heater;
import dev.isola.hal.sim.device.I2cBusModel;
import dev.isola.hal.sim.device.Led;
import dev.isola.hal.sim.device.Mcp3008;
import dev.isola.hal.sim.device.PwmBank;
import dev.isola.hal.sim.device.Room;
import dev.isola.hal.sim.device.Simulation;
import dev.isola.hal.sim.device.SpiBusModel;
import dev.isola.hal.sim.device.TimerBank;
import dev.isola.hal.sim.device.Tmp102;
import dev.isola.hal.sim.device.Uart;
import dev.isola.hal.sim.device.UartEndpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One opened simulated board: the models of every controller whose compatible is a simulator's ({@link
 * #COMPATIBLES}) and of every part the board file puts on them, wired as the file says. A part on a
 * controller the simulator does not drive is real hardware: it is left alone.
 *
 * <p>There is always a room (an {@code isola,sim-room} device only sets its parameters), so a TMP102 always has
 * air to measure. Settings come from the parts' {@code properties} in the board file; two system properties
 * override, for tests and the command line: {@code isola.sim.time-scale} and {@code isola.sim.endpoint} (every
 * UART's endpoint; {@code none} keeps a test's JVM from reading its stdin, which surefire uses itself).
 */
public final class SimWorld implements AutoCloseable {
  public static final String GPIO = "isola,sim-gpio";
  public static final String I2C = "isola,sim-i2c";
  public static final String SPI = "isola,sim-spi";
  public static final String UART = "isola,sim-uart";
  public static final String PWM = "isola,sim-pwm";
  public static final String TIMER = "isola,sim-timer";
  public static final Set<String> COMPATIBLES = Set.of(GPIO, I2C, SPI, UART, PWM, TIMER);

  private final BoardSpec spec;
  private final Simulation sim;
  private final Room room;
  private final Map<String, Object> backends = new LinkedHashMap<>();
  private final Map<String, GpioBank> gpio = new LinkedHashMap<>();
  private final Map<String, I2cBusModel> i2c = new LinkedHashMap<>();
  private final Map<String, SpiBusModel> spi = new LinkedHashMap<>();
  private final Map<String, Uart> uarts = new LinkedHashMap<>();
  private final Map<String, PwmBank> pwm = new LinkedHashMap<>();
  private final Map<String, TimerBank> timers = new LinkedHashMap<>();
  private final Map<String, Tmp102> tmp102 = new LinkedHashMap<>();
  private final Map<String, Mcp3008> mcp3008 = new LinkedHashMap<>();
  private final Map<String, Led> leds = new LinkedHashMap<>();
  private final Map<String, Button> buttons = new LinkedHashMap<>();
  private final Map<String, Heater> heaters = new LinkedHashMap<>();
  private final Map<String, Fan> fans = new LinkedHashMap<>();
  private final String roomName;

  private SimWorld(BoardSpec spec, Simulation sim, Room room, String roomName) {
    this.spec = spec;
    this.sim = sim;
    this.room = room;
    this.roomName = roomName;
  }

  public BoardSpec spec() {
    return spec;
  }

  public Simulation sim() {
    return sim;
  }

  public Room room() {
    return room;
  }

  // The parts by name (the board file's), for the test API.

  public Map<String, GpioBank> gpio() {
    return Collections.unmodifiableMap(gpio);
  }

  public Map<String, Uart> uarts() {
    return Collections.unmodifiableMap(uarts);
  }

  public Map<String, Tmp102> tmp102() {
    return Collections.unmodifiableMap(tmp102);
  }

  public Map<String, Mcp3008> mcp3008() {
    return Collections.unmodifiableMap(mcp3008);
  }

  public Map<String, Led> leds() {
    return Collections.unmodifiableMap(leds);
  }

  public Map<String, Button> buttons() {
    return Collections.unmodifiableMap(buttons);
  }

  public Map<String, Heater> heaters() {
    return Collections.unmodifiableMap(heaters);
  }

  public Map<String, Fan> fans() {
    return Collections.unmodifiableMap(fans);
  }

  /** The backend opened for controller {@code name}, or null when the simulator does not drive it. */
  public Object backend(String name) {
    return backends.get(name);
  }

  /** Builds the world of {@code spec}. */
  public static SimWorld open(BoardSpec spec) throws HalException {
    Settings roomSettings = new Settings("room", Map.of());
    String roomName = "room";
    for (DeviceSpec d : spec.devices().values()) {
      if (d instanceof DeviceSpec.Free f && f.compatible().equals("isola,sim-room")) {
        roomSettings = new Settings(f.name(), f.properties());
        roomName = f.name();
      }
    }
    double scale = roomSettings.number("time-scale", 1);
    String scaleOverride = System.getProperty("isola.sim.time-scale");
    if (scaleOverride != null) {
      try {
        scale = Double.parseDouble(scaleOverride);
      } catch (NumberFormatException e) {
        throw HalException.invalid("isola.sim.time-scale", "must be a number >= 0, not \"" + scaleOverride + "\"");
      }
    }
    if (!(scale >= 0) || Double.isInfinite(scale)) {
      throw HalException.invalid(roomName, "time-scale must be a number >= 0, not " + scale);
    }
    Simulation sim = new Simulation(scale);
    Room.Parameters d = Room.Parameters.defaults();
    Room room = new Room(sim, new Room.Parameters(
        roomSettings.number("ambient", d.ambient()),
        roomSettings.number("heat", d.heat() * 60) / 60,
        1 / roomSettings.number("walls", 1 / d.leak()),
        1 / roomSettings.number("fan", 1 / d.cooling())));
    if (roomSettings.has("temperature")) {
      room.temperature(roomSettings.number("temperature", d.ambient()));
    }
    SimWorld w = new SimWorld(spec, sim, room, roomName);
    try {
      w.build();
    } catch (HalException | RuntimeException e) {
      w.close();
      throw e;
    }
    return w;
  }

  private void build() throws HalException {
    for (ControllerSpec c : spec.controllers().values()) {
      if (!COMPATIBLES.contains(c.compatible())) {
        continue;
      }
      switch (c) {
        case ControllerSpec.Gpio g -> {
          GpioBank b = new GpioBank(sim, g.name(), g.pins());
          gpio.put(g.name(), b);
          backends.put(g.name(), new SimGpio(b));
        }
        case ControllerSpec.I2c i -> {
          I2cBusModel b = new I2cBusModel(sim, i.name());
          i2c.put(i.name(), b);
          backends.put(i.name(), new SimI2c(b));
        }
        case ControllerSpec.Spi s -> {
          SpiBusModel b = new SpiBusModel(sim, s.name());
          spi.put(s.name(), b);
          backends.put(s.name(), new SimSpi(b));
        }
        case ControllerSpec.Uart u -> {
          Settings set = new Settings(u.name(), u.properties());
          String text = System.getProperty("isola.sim.endpoint", set.text("endpoint", "terminal"));
          UartEndpoint endpoint;
          try {
            endpoint = UartEndpoint.parse(text);
          } catch (IllegalArgumentException e) {
            throw HalException.invalid(u.name(), e.getMessage());
          }
          Uart m = new Uart(u.name(), endpoint);
          uarts.put(u.name(), m);
          backends.put(u.name(), new SimUart(m));
        }
        case ControllerSpec.Pwm p -> {
          PwmBank b = new PwmBank(sim, p.name(), p.channels());
          pwm.put(p.name(), b);
          backends.put(p.name(), new SimPwm(b));
        }
        case ControllerSpec.Timer t -> {
          TimerBank b = new TimerBank(sim, t.name(), t.channels());
          timers.put(t.name(), b);
          backends.put(t.name(), new SimTimer(b));
        }
        case ControllerSpec.Adc a -> {} // an ADC of the simulator's is an SPI part: hal's driver speaks to it
      }
    }
    for (DeviceSpec d : spec.devices().values()) {
      Settings set = new Settings(d.name(), d.properties());
      switch (d) {
        case DeviceSpec.I2c i when i.compatible().equals("ti,tmp102") && i2c.containsKey(i.bus()) -> {
          Channel alert = i.pins().get("alert");
          GpioBank bank = alert == null ? null : gpio.get(alert.controller());
          Tmp102 t = new Tmp102(sim, now -> room.sampleAt(now), bank, alert == null ? 0 : alert.index());
          tmp102.put(i.name(), t);
          i2c.get(i.bus()).attach(i.address(), t);
        }
        case DeviceSpec.Spi s when s.compatible().equals("microchip,mcp3008") && spi.containsKey(s.bus()) -> {
          Mcp3008 m = new Mcp3008(sim, set.number("reference-mv", referenceMv(s.name())));
          for (int ch = 0; ch < 8; ch++) {
            m.input(ch, set.number("ch" + ch + "-mv", ch == 0 ? 1650 : ch == 1 ? 2400 : 0));
          }
          mcp3008.put(s.name(), m);
          spi.get(s.bus()).attach(s.chipSelect(), m);
        }
        case DeviceSpec.Gpio g when gpio.containsKey(g.pin().controller()) -> {
          GpioBank bank = gpio.get(g.pin().controller());
          int pin = g.pin().index();
          switch (g.compatible()) {
            case "isola,sim-led" -> leds.put(g.name(), new Led(sim, bank, pin, g.activeLow()));
            case "isola,sim-button" -> buttons.put(g.name(), new Button(sim, bank, pin, g.activeLow()));
            case "isola,sim-heater" -> heaters.put(g.name(), new Heater(sim, bank, pin, g.activeLow(), room));
            default -> {}
          }
        }
        case DeviceSpec.Pwm p
            when p.compatible().equals("isola,sim-fan") && pwm.containsKey(p.channel().controller()) -> {
          Fan f = new Fan(set.number("max-rpm", Fan.MAX_RPM), set.number("inertia", Fan.INERTIA_SECONDS));
          f.attach(room, pwm.get(p.channel().controller()), p.channel().index());
          fans.put(p.name(), f);
        }
        default -> {}
      }
    }
  }

  /** The reference of the ADC controller that is device {@code part}, else 3.3 V. */
  private double referenceMv(String part) {
    for (ControllerSpec c : spec.controllers().values()) {
      if (c instanceof ControllerSpec.Adc a && a.device().filter(part::equals).isPresent()) {
        return a.referenceMv();
      }
    }
    return 3300;
  }

  /**
   * Live values: {@code ROOM.temperature} (°C), {@code ROOM.ambient}, and per part {@code FAN.duty} (%), {@code
   * FAN.rpm}, {@code HEATER} and {@code LED} (on/off), {@code BUTTON} (on/off: pressed).
   */
  public List<Reading> readings() {
    List<Reading> out = new ArrayList<>();
    out.add(new Reading(roomName + ".temperature", room.temperature(), "°C"));
    out.add(new Reading(roomName + ".ambient", room.ambient(), "°C"));
    fans.forEach((name, f) -> {
      out.add(new Reading(name + ".duty", Math.round(room.duty(f) * 1000) / 10.0, "%"));
      out.add(new Reading(name + ".rpm", Math.round(room.rpm(f)), "rpm"));
    });
    heaters.forEach((name, h) -> out.add(new Reading(name, h.on() ? 1 : 0, "on/off")));
    leds.forEach((name, l) -> out.add(new Reading(name, l.lit() ? 1 : 0, "on/off")));
    buttons.forEach((name, b) -> out.add(new Reading(name, b.pressed() ? 1 : 0, "on/off")));
    return out;
  }

  @Override
  public void close() {
    for (Uart u : uarts.values()) {
      u.close();
    }
    sim.close();
  }

  /** A part's {@code properties} table, read with defaults; a value of the wrong type is the board's mistake. */
  private record Settings(String owner, Map<String, Object> properties) {
    boolean has(String key) {
      return properties.containsKey(key);
    }

    double number(String key, double fallback) throws HalException {
      Object v = properties.get(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      throw HalException.invalid(owner, "properties." + key + " must be a number, not \"" + v + "\"");
    }

    String text(String key, String fallback) throws HalException {
      Object v = properties.get(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof String s) {
        return s;
      }
      throw HalException.invalid(owner, "properties." + key + " must be a string, not " + v);
    }
  }
}
