package dev.isola.hal.board;

import dev.isola.hal.Edge;
import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import dev.isola.hal.Resource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The resources a checked board offers, derived from its controllers and devices: every line of every controller by
 * {@code CONTROLLER.N}, then every device by its name (and its extra pins by {@code DEVICE.ROLE}). A device narrows
 * the line it sits on: the pin under an LED is output only, whichever name reaches it.
 */
final class Resources {
  private Resources() {}

  static Map<String, Resource> of(Map<String, ControllerSpec> controllers, Map<String, DeviceSpec> devices,
      BiConsumer<String, String> problem) {
    // What devices make of their lines, first, so both names of a line carry the same capabilities.
    Map<String, Resource.Pin> pins = new HashMap<>();
    Map<String, String> pwmDevices = new HashMap<>();
    for (DeviceSpec d : devices.values()) {
      switch (d) {
        case DeviceSpec.Gpio g -> {
          ControllerSpec.Gpio c = (ControllerSpec.Gpio) controllers.get(g.pin().controller());
          pins.put(g.pin().toString(), pin(g.name(), c, g.pin().index(), g.direction(), g.pull(), g.name()));
        }
        case DeviceSpec.I2c i -> extraPins(i.name(), i.pins(), controllers, pins);
        case DeviceSpec.Spi s -> extraPins(s.name(), s.pins(), controllers, pins);
        case DeviceSpec.Pwm p -> pwmDevices.put(p.channel().toString(), p.name());
        case DeviceSpec.Free f -> {
          // Attached to nothing a guest can reach.
        }
      }
    }
    Map<String, Resource> out = new LinkedHashMap<>();
    for (ControllerSpec c : controllers.values()) {
      switch (c) {
        case ControllerSpec.Gpio g -> {
          for (int i = 0; i < g.pins(); i++) {
            String name = g.name() + "." + i;
            Resource.Pin device = pins.get(name);
            out.put(name, device == null
                ? new Resource.Pin(name, g.name(), i, Set.of(Kind.GPIO_IN, Kind.GPIO_OUT), g.pulls(), g.edges(),
                    Optional.empty())
                : new Resource.Pin(name, g.name(), i, device.kinds(), device.pulls(), device.edges(),
                    device.device()));
          }
        }
        case ControllerSpec.I2c i -> {
          // Buses are reached through their devices only: a guest holding a bus could address anything on it.
        }
        case ControllerSpec.Spi s -> {
          // As I2C: through devices, each on its chip select.
        }
        case ControllerSpec.Uart u -> out.put(u.name(), new Resource.Uart(u.name(), u.bauds()));
        case ControllerSpec.Adc a -> {
          for (int i = 0; i < a.channels(); i++) {
            String name = a.name() + "." + i;
            out.put(name, new Resource.Adc(name, a.name(), i, a.bits(), a.referenceMv()));
          }
        }
        case ControllerSpec.Pwm p -> {
          for (int i = 0; i < p.channels(); i++) {
            String name = p.name() + "." + i;
            out.put(name, new Resource.Pwm(name, p.name(), i, p.minHz(), p.maxHz(),
                Optional.ofNullable(pwmDevices.get(name))));
          }
        }
        case ControllerSpec.Timer t -> {
          for (int i = 0; i < t.channels(); i++) {
            String name = t.name() + "." + i;
            out.put(name, new Resource.Timer(name, t.name(), i));
          }
        }
      }
    }
    for (DeviceSpec d : devices.values()) {
      switch (d) {
        case DeviceSpec.Gpio g -> out.put(g.name(), pins.get(g.pin().toString()));
        case DeviceSpec.I2c i -> {
          ControllerSpec.I2c bus = (ControllerSpec.I2c) controllers.get(i.bus());
          out.put(i.name(), new Resource.I2c(i.name(), i.bus(), i.address(), bus.speeds(), i.compatible()));
          devicePins(i.name(), i.pins(), pins, out);
        }
        case DeviceSpec.Spi s -> {
          ControllerSpec.Spi bus = (ControllerSpec.Spi) controllers.get(s.bus());
          Set<Integer> modes = new TreeSet<>(s.modes());
          modes.retainAll(bus.modes());
          if (modes.isEmpty()) {
            problem.accept("devices." + s.name() + ".bus", "the part's SPI modes " + new TreeSet<>(s.modes())
                + " and " + bus.name() + "'s " + new TreeSet<>(bus.modes()) + " have none in common");
          }
          long maxHz = Math.min(s.maxHz(), bus.maxHz());
          out.put(s.name(), new Resource.Spi(s.name(), s.bus(), s.chipSelect(), modes, maxHz, s.compatible()));
          devicePins(s.name(), s.pins(), pins, out);
        }
        case DeviceSpec.Pwm p -> {
          Resource.Pwm channel = (Resource.Pwm) out.get(p.channel().toString());
          out.put(p.name(), new Resource.Pwm(p.name(), channel.controller(), channel.channel(), channel.minHz(),
              channel.maxHz(), Optional.of(p.name())));
        }
        case DeviceSpec.Free f -> {
          // Nothing to bind.
        }
      }
    }
    return out;
  }

  /** A pin a device sits on, narrowed to the device's direction. */
  private static Resource.Pin pin(String name, ControllerSpec.Gpio c, int index, Kind direction, Pull pull,
      String device) {
    if (direction == Kind.GPIO_OUT) {
      return new Resource.Pin(name, c.name(), index, Set.of(Kind.GPIO_OUT), Set.of(Pull.NONE), Set.of(Edge.NONE),
          Optional.of(device));
    }
    // An input part that needs a bias (a button to ground needs the pull-up) allows only that one.
    Set<Pull> pulls = pull == Pull.NONE ? c.pulls() : Set.of(pull);
    return new Resource.Pin(name, c.name(), index, Set.of(Kind.GPIO_IN), pulls, c.edges(), Optional.of(device));
  }

  /** A device's extra lines (an ALERT output: an input to us) under their gpio names. */
  private static void extraPins(String device, Map<String, Channel> lines, Map<String, ControllerSpec> controllers,
      Map<String, Resource.Pin> pins) {
    for (Map.Entry<String, Channel> e : lines.entrySet()) {
      ControllerSpec.Gpio c = (ControllerSpec.Gpio) controllers.get(e.getValue().controller());
      pins.put(e.getValue().toString(), pin(device + "." + e.getKey(), c, e.getValue().index(), Kind.GPIO_IN,
          Pull.NONE, device));
    }
  }

  /** The extra lines again under their device names ({@code tmp102.alert}). */
  private static void devicePins(String device, Map<String, Channel> lines, Map<String, Resource.Pin> pins,
      Map<String, Resource> out) {
    for (Map.Entry<String, Channel> e : lines.entrySet()) {
      Resource.Pin p = pins.get(e.getValue().toString());
      out.put(device + "." + e.getKey(), p);
    }
  }
}
