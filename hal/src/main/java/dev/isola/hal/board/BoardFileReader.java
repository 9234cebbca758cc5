package dev.isola.hal.board;

import static dev.isola.hal.board.Values.count;
import static dev.isola.hal.board.Values.edges;
import static dev.isola.hal.board.Values.hertz;
import static dev.isola.hal.board.Values.keywords;
import static dev.isola.hal.board.Values.known;
import static dev.isola.hal.board.Values.modes;
import static dev.isola.hal.board.Values.positive;
import static dev.isola.hal.board.Values.range;
import static dev.isola.hal.board.Values.sorted;

import dev.isola.hal.Kind;
import dev.isola.hal.Pull;
import dev.isola.toml.Locator;
import dev.isola.toml.Problem;
import dev.isola.toml.Section;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * Turns a parsed board file into a {@link BoardSpec}: controllers first (devices refer to them, wherever they sit in
 * the file), then devices, then the ADCs that are devices, then the resources. Every problem is reported and reading
 * goes on; a controller or device with a problem is left out, and references to it are not reported again.
 */
final class BoardFileReader {
  /** Controller and device names become resource names ({@code gpio0.5}, {@code tmp102.alert}): no dots. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  /** The controller tables, in the order they are read and their resources listed. */
  private static final List<String> CLASSES = List.of("gpio", "i2c", "spi", "uart", "adc", "pwm", "timer");

  /** The standard baud rates, a UART's list unless its table gives one. */
  static final List<Integer> STANDARD_BAUDS = List.of(9_600, 19_200, 38_400, 57_600, 115_200);

  private final Path file;
  private final Locator locator;
  private final List<Problem> problems;
  private final Catalog catalog;
  /** Every controller and device name, to the key that defined it: names are one namespace. */
  private final Map<String, String> names = new LinkedHashMap<>();
  /** Every line a device uses ({@code gpio0.5}, {@code pwm0.0}, {@code i2c0@0x48}, {@code spi0#0}) to its key. */
  private final Map<String, String> used = new LinkedHashMap<>();
  /** Names that failed to read: references to them are not reported again. */
  private final Set<String> broken = new LinkedHashSet<>();

  BoardFileReader(Path file, Locator locator, List<Problem> problems, Catalog catalog) {
    this.file = file;
    this.locator = locator;
    this.problems = problems;
    this.catalog = catalog;
  }

  BoardSpec read(TomlTable toml) {
    Section root = new Section(toml, "", locator, problems);
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".toml") ? fileName.substring(0, fileName.length() - 5) : fileName;
    Optional<Section> board = root.table("board");
    if (board.isPresent()) {
      name = board.get().string("name").orElse(name);
      board.get().string("description");
      board.get().finish();
    }
    Map<String, ControllerSpec> controllers = new LinkedHashMap<>();
    for (String cls : CLASSES) {
      root.table(cls).ifPresent(t -> {
        for (String c : t.keys()) {
          if (!named(t, c)) {
            continue;
          }
          t.table(c).ifPresent(s -> {
            int before = problems.size();
            ControllerSpec spec = controller(cls, s);
            s.finish();
            if (problems.size() == before) {
              controllers.put(c, spec);
            } else {
              broken.add(c);
            }
          });
        }
      });
    }
    Map<String, DeviceSpec> devices = new LinkedHashMap<>();
    root.table("devices").ifPresent(t -> {
      for (String d : t.keys()) {
        if (!named(t, d)) {
          continue;
        }
        t.table(d).ifPresent(s -> {
          int before = problems.size();
          Optional<DeviceSpec> spec = device(s, controllers);
          s.finish();
          if (problems.size() == before && spec.isPresent()) {
            devices.put(d, spec.get());
          } else {
            broken.add(d);
          }
        });
      }
    });
    root.finish();
    Map<String, String> reserved = new LinkedHashMap<>();
    for (ControllerSpec c : controllers.values()) {
      if (c instanceof ControllerSpec.Adc adc && adc.device().isPresent()) {
        String d = adc.device().get();
        String key = "adc." + adc.name() + ".device";
        if (broken.contains(d)) {
          continue;
        }
        if (!(devices.get(d) instanceof DeviceSpec.Spi) && !(devices.get(d) instanceof DeviceSpec.I2c)) {
          problem(key, devices.containsKey(d) ? "\"" + d + "\" is not an spi or i2c device"
              : "no device \"" + d + "\" ([devices." + d + "])");
        } else if (reserved.containsKey(d)) {
          problem(key, "\"" + d + "\" " + reserved.get(d));
        } else {
          reserved.put(d, "is the ADC " + adc.name());
          // The part fixes what the ADC can be: an MCP3008 has 8 channels of 10 bits, whatever the file says.
          DeviceBinding part = catalog.binding(devices.get(d).compatible()).orElseThrow();
          if (part.adcChannels() == 0) {
            problem(key, "\"" + d + "\" (" + part.compatible() + ") is not an ADC");
          } else if (adc.channels() > part.adcChannels() || adc.bits() != part.adcBits()) {
            problem("adc." + adc.name() + (adc.channels() > part.adcChannels() ? ".channels" : ".bits"),
                "a " + part.compatible() + " has " + part.adcChannels() + " channels of "
                + part.adcBits() + " bits, not " + adc.channels() + " of " + adc.bits());
          }
        }
      }
    }
    return new BoardSpec(name, file, controllers, devices, Resources.of(controllers, devices, this::problem),
        reserved);
  }

  private void problem(String key, String message) {
    problems.add(locator.problem(key, message));
  }

  /** Checks a controller's or device's name; false (after a problem) when it cannot be used. */
  private boolean named(Section table, String name) {
    String key = table.keyOf(name);
    if (!NAME.matcher(name).matches()) {
      table.problem(name, "a name must be lower-case letters, digits, '_' and '-', starting with a letter, at most 32");
      broken.add(name);
      return false;
    }
    String before = names.putIfAbsent(name, key);
    if (before != null) {
      table.problem(name, "the name \"" + name + "\" is already used by [" + before + "]");
      return false;
    }
    return true;
  }

  private ControllerSpec controller(String cls, Section s) {
    String name = s.name();
    String compatible = s.requiredString("compatible").orElse("");
    if (!compatible.isEmpty() && !catalog.compatibles().contains(compatible)) {
      s.problem("compatible", "unknown compatible \"" + compatible + "\": no backend installed serves it"
          + known(catalog.compatibles()));
    }
    Map<String, Object> properties = s.properties("properties");
    return switch (cls) {
      case "gpio" -> new ControllerSpec.Gpio(name, compatible, count(s, "pins", 32),
          keywords(s, "pulls", Pull.values(), Pull::keyword, EnumSet.allOf(Pull.class)),
          edges(s), properties);
      case "i2c" -> new ControllerSpec.I2c(name, compatible,
          hertz(s, "speeds", List.of(100_000), 5_000_000), properties);
      case "spi" -> new ControllerSpec.Spi(name, compatible, count(s, "chip-selects", 1), modes(s),
          positive(s, "max-hz", 0, true), properties);
      case "uart" -> new ControllerSpec.Uart(name, compatible, hertz(s, "bauds", STANDARD_BAUDS, 100_000_000),
          properties);
      case "adc" -> new ControllerSpec.Adc(name, compatible, count(s, "channels", 1),
          range(s, "bits", 10, 1, 24), range(s, "reference-mv", 3300, 1, 100_000), s.string("device"),
          properties);
      case "pwm" -> {
        int channels = count(s, "channels", 1);
        long min = positive(s, "min-hz", 1, false);
        long max = positive(s, "max-hz", 1_000_000, false);
        if (max > 1_000_000_000L) {
          s.problem("max-hz", "must be at most 1000000000 (a period of 1 ns), found " + max);
        } else if (min > max) {
          s.problem("min-hz", "is above max-hz (" + max + ")");
        }
        yield new ControllerSpec.Pwm(name, compatible, channels, min, max, properties);
      }
      case "timer" -> new ControllerSpec.Timer(name, compatible, count(s, "channels", 1), properties);
      default -> throw new IllegalStateException("controller class " + cls);
    };
  }

  private Optional<DeviceSpec> device(Section s, Map<String, ControllerSpec> controllers) {
    String name = s.name();
    Optional<String> compatible = s.requiredString("compatible");
    Map<String, Object> properties = s.properties("properties");
    if (compatible.isEmpty()) {
      s.skip();
      return Optional.empty();
    }
    Optional<DeviceBinding> found = catalog.binding(compatible.get());
    if (found.isEmpty()) {
      s.problem("compatible", "unknown compatible \"" + compatible.get() + "\"" + known(catalog.bindings().keySet()));
      s.skip();
      return Optional.empty();
    }
    DeviceBinding binding = found.get();
    String c = compatible.get();
    return switch (binding.attachment()) {
      case I2C -> {
        Optional<ControllerSpec> bus = bus(s, "i2c", controllers);
        Optional<Long> address = s.requiredInteger("address");
        Map<String, Channel> pins = extraPins(s, binding, controllers);
        if (address.isPresent() && (address.get() < 0x08 || address.get() > 0x77)) {
          s.problem("address", "must be a 7-bit address from 0x08 to 0x77 (the others are reserved), found 0x"
              + Long.toHexString(address.get()));
          yield Optional.empty();
        }
        if (bus.isEmpty() || address.isEmpty()) {
          yield Optional.empty();
        }
        use(s, "address", bus.get().name() + "@0x" + Long.toHexString(address.get()),
            "address 0x" + Long.toHexString(address.get()) + " on " + bus.get().name());
        yield Optional.of(new DeviceSpec.I2c(name, c, bus.get().name(), address.get().intValue(), pins, properties));
      }
      case SPI -> {
        Optional<ControllerSpec> bus = bus(s, "spi", controllers);
        Optional<Long> cs = s.requiredInteger("cs");
        Set<Integer> modes = binding.spiModes();
        if (s.has("modes")) {
          Set<Integer> given = modes(s);
          if (!binding.spiModes().containsAll(given)) {
            s.problem("modes", "the part takes modes " + sorted(binding.spiModes()) + " only");
          }
          modes = given;
        }
        long maxHz = binding.spiMaxHz();
        if (s.has("max-hz")) {
          long given = positive(s, "max-hz", maxHz, false);
          if (given > binding.spiMaxHz()) {
            s.problem("max-hz", "the part runs at most " + binding.spiMaxHz() + " Hz, found " + given);
          }
          maxHz = given;
        }
        Map<String, Channel> pins = extraPins(s, binding, controllers);
        if (bus.isEmpty() || cs.isEmpty()) {
          yield Optional.empty();
        }
        ControllerSpec.Spi spi = (ControllerSpec.Spi) bus.get();
        if (cs.get() < 0 || cs.get() >= spi.chipSelects()) {
          s.problem("cs", "must be a chip select of " + spi.name() + " (0.." + (spi.chipSelects() - 1) + "), found "
              + cs.get());
          yield Optional.empty();
        }
        use(s, "cs", spi.name() + "#" + cs.get(), "chip select " + cs.get() + " of " + spi.name());
        yield Optional.of(new DeviceSpec.Spi(name, c, spi.name(), cs.get().intValue(), modes, maxHz, pins,
            properties));
      }
      case GPIO -> {
        Optional<Channel> pin = line(s, "pin", "gpio", controllers);
        boolean activeLow = s.bool("active-low").orElse(binding.activeLow());
        if (pin.isEmpty()) {
          if (!s.has("pin")) {
            s.missing("pin");
          }
          yield Optional.empty();
        }
        if (binding.direction() == Kind.GPIO_IN && binding.pull() != Pull.NONE
            && controllers.get(pin.get().controller()) instanceof ControllerSpec.Gpio g
            && !g.pulls().contains(binding.pull())) {
          s.problem("pin", "the part needs pull " + binding.pull() + ", which " + g.name() + " does not have");
        }
        yield Optional.of(new DeviceSpec.Gpio(name, c, pin.get(), binding.direction(), binding.pull(), activeLow,
            properties));
      }
      case PWM -> {
        Optional<Channel> channel = line(s, "channel", "pwm", controllers);
        if (channel.isEmpty()) {
          if (!s.has("channel")) {
            s.missing("channel");
          }
          yield Optional.empty();
        }
        yield Optional.of(new DeviceSpec.Pwm(name, c, channel.get(), properties));
      }
      case NONE -> Optional.of(new DeviceSpec.Free(name, c, properties));
    };
  }

  /** The device's {@code bus}: a controller of class {@code cls}. */
  private Optional<ControllerSpec> bus(Section s, String cls, Map<String, ControllerSpec> controllers) {
    Optional<String> bus = s.requiredString("bus");
    if (bus.isEmpty() || broken.contains(bus.get())) {
      return Optional.empty();
    }
    ControllerSpec c = controllers.get(bus.get());
    if (c == null || !c.table().equals(cls)) {
      s.problem("bus", c == null ? "no " + cls + " controller \"" + bus.get() + "\" ([" + cls + "." + bus.get() + "])"
          : "\"" + bus.get() + "\" is a " + c.table() + " controller, not " + cls);
      return Optional.empty();
    }
    return Optional.of(c);
  }

  /** The binding's extra pins ({@code alert}): each optional, each a gpio line used once. */
  private Map<String, Channel> extraPins(Section s, DeviceBinding binding, Map<String, ControllerSpec> controllers) {
    Map<String, Channel> pins = new LinkedHashMap<>();
    for (String role : binding.pins().keySet().stream().sorted().toList()) {
      if (s.has(role)) {
        line(s, role, "gpio", controllers).ifPresent(p -> pins.put(role, p));
      }
    }
    return pins;
  }

  /** {@code key} as a line ({@code gpio0.5}) of a controller of class {@code cls}, in range, used once. */
  private Optional<Channel> line(Section s, String key, String cls, Map<String, ControllerSpec> controllers) {
    Optional<Channel> ch = s.string(key).flatMap(t -> s.parsed(key, () -> Channel.parse(t)));
    if (ch.isEmpty() || broken.contains(ch.get().controller())) {
      return Optional.empty();
    }
    ControllerSpec c = controllers.get(ch.get().controller());
    if (c == null || !c.table().equals(cls)) {
      s.problem(key, c == null ? "no " + cls + " controller \"" + ch.get().controller() + "\""
          : "\"" + ch.get().controller() + "\" is a " + c.table() + " controller, not " + cls);
      return Optional.empty();
    }
    int lines = switch (c) {
      case ControllerSpec.Gpio g -> g.pins();
      case ControllerSpec.Pwm p -> p.channels();
      default -> 0;
    };
    if (ch.get().index() >= lines) {
      s.problem(key, ch.get() + " is out of range: " + c.name() + " has " + (cls.equals("gpio") ? "pins" : "channels")
          + " 0.." + (lines - 1));
      return Optional.empty();
    }
    if (!use(s, key, ch.get().toString(), ch.get().toString())) {
      return Optional.empty();
    }
    return ch;
  }

  /** Records that {@code s}'s {@code key} uses {@code line}; a problem (and false) when another key already does. */
  private boolean use(Section s, String key, String line, String what) {
    String before = used.putIfAbsent(line, s.keyOf(key));
    if (before != null) {
      s.problem(key, what + " is already used by " + before);
      return false;
    }
    return true;
  }
}
