package dev.isola.hal;

import dev.isola.hal.board.BoardFile;
import dev.isola.hal.board.BoardFileException;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.board.Catalog;
import dev.isola.hal.board.ControllerSpec;
import dev.isola.hal.board.DeviceBinding;
import dev.isola.hal.driver.Mcp3008;
import dev.isola.hal.spi.BackendProvider;
import dev.isola.hal.spi.BoardBackend;
import dev.isola.hal.spi.SpiBackend;
import dev.isola.toml.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Where boards come from: a board file, or the built-in board {@value #DEFAULT} (carried by hal-sim), each checked
 * against the backends installed ({@link BackendProvider}s found by {@link ServiceLoader}).
 */
public final class Boards {
  /** The built-in board a system without {@code board = ...} runs on. */
  public static final String DEFAULT = "sim";

  private Boards() {}

  /**
   * Reads and checks a board without opening it: {@code file}, or the built-in {@value #DEFAULT} board when empty.
   * What {@code isola check} needs.
   *
   * @throws BoardFileException every problem of the file (or: no provider carries the built-in board)
   */
  public static BoardSpec read(Optional<Path> file) throws BoardFileException {
    List<BackendProvider> providers = providers();
    Catalog catalog = catalog(providers);
    if (file.isPresent()) {
      return BoardFile.read(file.get(), catalog);
    }
    Path shown = Path.of("builtin", DEFAULT + ".toml");
    Optional<String> text = providers.stream().map(p -> p.boardFile(DEFAULT)).flatMap(Optional::stream).findFirst();
    if (text.isEmpty()) {
      throw new BoardFileException(List.of(new Problem(shown, 0, 0, "",
          "the built-in board \"" + DEFAULT + "\" needs hal-sim on the module or class path")));
    }
    return BoardFile.parse(shown, text.get(), catalog);
  }

  /** Reads, checks and opens a board: {@code file}, or the built-in {@value #DEFAULT} board when empty. */
  public static Board open(Optional<Path> file) throws BoardFileException, HalException {
    return open(read(file));
  }

  /** Opens the backends of a board already read. */
  public static Board open(BoardSpec spec) throws HalException {
    return open(spec, providers());
  }

  /** Opens {@code spec} with {@code providers} (tests give theirs). */
  public static Board open(BoardSpec spec, List<BackendProvider> providers) throws HalException {
    Map<BackendProvider, BoardBackend> opened = new LinkedHashMap<>();
    Map<String, Object> backends = new LinkedHashMap<>();
    try {
      List<ControllerSpec.Adc> drivers = new ArrayList<>();
      for (ControllerSpec c : spec.controllers().values()) {
        Optional<BackendProvider> p = provider(c.compatible(), providers);
        if (p.isEmpty() && c instanceof ControllerSpec.Adc adc && driven(adc)) {
          drivers.add(adc);  // after the SPI buses it sits on are open
          continue;
        }
        BackendProvider provider = p.orElseThrow(() -> HalException.notSupported(
            c.name() + ": compatible \"" + c.compatible() + "\": no backend"));
        BoardBackend board = opened.get(provider);
        if (board == null) {
          board = provider.open(spec);
          opened.put(provider, board);
        }
        backends.put(c.name(), switch (c) {
          case ControllerSpec.Gpio g -> board.gpio(g);
          case ControllerSpec.I2c i -> board.i2c(i);
          case ControllerSpec.Spi s -> board.spi(s);
          case ControllerSpec.Uart u -> board.uart(u);
          case ControllerSpec.Adc a -> board.adc(a);
          case ControllerSpec.Pwm w -> board.pwm(w);
          case ControllerSpec.Timer t -> board.timer(t);
        });
      }
      for (ControllerSpec.Adc adc : drivers) {
        // The reader has checked that the device is an SPI device of this board.
        Resource.Spi part = (Resource.Spi) spec.resources().get(adc.device().orElseThrow());
        if (!(backends.get(part.bus()) instanceof SpiBackend bus)) {
          throw HalException.notSupported(adc.name() + ": " + part.bus() + " has no spi backend");
        }
        backends.put(adc.name(), new Mcp3008(SpiDevice.of(part, bus)));
      }
    } catch (HalException | RuntimeException e) {
      for (BoardBackend b : opened.values()) {
        b.close();
      }
      throw e;
    }
    return new Board(spec, backends, new ArrayList<>(opened.values()));
  }

  /** The providers installed, in {@link ServiceLoader} order. */
  public static List<BackendProvider> providers() {
    List<BackendProvider> out = new ArrayList<>();
    ServiceLoader.load(BackendProvider.class, Boards.class.getClassLoader()).forEach(out::add);
    return out;
  }

  /** What {@code providers} (and hal's own drivers) can drive. */
  public static Catalog catalog(List<BackendProvider> providers) {
    Set<String> compatibles = new HashSet<>();
    List<DeviceBinding> bindings = new ArrayList<>();
    compatibles.add(Mcp3008.COMPATIBLE);
    for (BackendProvider p : providers) {
      compatibles.addAll(p.compatibles());
      bindings.addAll(p.bindings());
    }
    return Catalog.of(compatibles, bindings);
  }

  private static boolean driven(ControllerSpec.Adc adc) {
    return adc.compatible().equals(Mcp3008.COMPATIBLE) && adc.device().isPresent();
  }

  private static Optional<BackendProvider> provider(String compatible, List<BackendProvider> providers)
      throws HalException {
    List<BackendProvider> serving = providers.stream().filter(p -> p.compatibles().contains(compatible)).toList();
    if (serving.size() > 1) {
      throw HalException.invalid("compatible \"" + compatible + "\"", "served by " + serving.size()
          + " backends (" + serving.stream().map(p -> p.getClass().getName()).toList() + ")");
    }
    return serving.stream().findFirst();
  }
}
