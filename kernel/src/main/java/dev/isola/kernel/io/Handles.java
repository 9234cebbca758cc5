package dev.isola.kernel.io;

import dev.isola.hal.AdcChannel;
import dev.isola.hal.Board;
import dev.isola.hal.GpioPin;
import dev.isola.hal.HalException;
import dev.isola.hal.I2cDevice;
import dev.isola.hal.Kind;
import dev.isola.hal.PwmChannel;
import dev.isola.hal.SpiDevice;
import dev.isola.hal.TimerChannel;
import dev.isola.hal.UartConfig;
import dev.isola.hal.UartPort;
import dev.isola.hal.need.Constraint;
import dev.isola.hal.need.Need;
import dev.isola.hal.need.NeedException;
import dev.isola.hal.need.Needs;
import dev.isola.kernel.config.ModuleNeeds;
import dev.isola.kernel.irq.EventSources;
import dev.isola.runtime.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The handle table of one incarnation of one container: the labels it opened, by handle (an i32 >= 0, the index
 * here; a closed slot is reused by the next open, as file descriptors are). Owner = the incarnation: another
 * container has its own table, so its handle numbers mean nothing here ({@code EBADF}), and when the incarnation
 * ends the whole table is closed, releasing every resource for the next incarnation (a restart, a swapped-in
 * module) to open again.
 *
 * <p>A guest reaches a label only if its module declares it (a {@link Need} in its {@code isola.peripherals}
 * section, read from the calling instance's module, so a swapped-in module is judged by its own section) AND the
 * system file binds it to a board resource. Thread-safe: calls of one incarnation's contexts are serialised by
 * its exclusion, but a context blocked in a UART read has given the exclusion up, the irq engine looks sources up
 * from its own threads, and the supervisor closes the table at the end.
 */
public final class Handles implements AutoCloseable {
  private final Optional<Board> board;
  private final Map<String, String> bindings;
  private final List<Handle> table = new ArrayList<>();
  /** The needs of {@link #needsOf}, parsed at the first open (a module's section is read once). */
  private Needs needs;
  private Module needsOf;
  private boolean closed;

  Handles(Optional<Board> board, Map<String, String> bindings) {
    this.board = board;
    this.bindings = Map.copyOf(bindings);
  }

  /**
   * Opens {@code label} for a call of a module that serves {@code accepted} kinds: answers the new handle, or
   * ENOENT (undefined: not declared, or not bound), EACCES (declared and bound, but of another kind), EBUSY
   * (open already, here or, for the same hardware, by someone else), or the board's error.
   */
  synchronized int open(Module module, String label, Set<Kind> accepted) {
    if (closed) {
      return IoError.EBADF.code();
    }
    Need need = needs(module).label(label).orElse(null);
    String resource = bindings.get(label);
    if (need == null || resource == null || board.isEmpty()) {
      return IoError.ENOENT.code();
    }
    if (!accepted.contains(need.kind())) {
      return IoError.EACCES.code();
    }
    for (Handle h : table) {
      if (h != null && h.label().equals(label)) {
        return IoError.EBUSY.code();
      }
    }
    int id = table.indexOf(null);
    if (id < 0) {
      id = table.size();
      table.add(null);
    }
    try {
      table.set(id, open(need, resource, board.get()));
      return id;
    } catch (HalException e) {
      return IoError.of(e.error()).code();
    }
  }

  /** The open handle {@code h}, or null (never opened here, closed, or the table is closed). */
  synchronized Handle get(int h) {
    return h >= 0 && h < table.size() ? table.get(h) : null;
  }

  /** Closes handle {@code h}: OK, or EBADF. */
  int close(int h) {
    Handle handle;
    synchronized (this) {
      handle = get(h);
      if (handle == null) {
        return IoError.EBADF.code();
      }
      table.set(h, null);
    }
    // Outside the lock: closing a facade stops its listener, which may wait for a backend thread.
    handle.close();
    return 0;
  }

  /**
   * The event source behind handle {@code h} (for {@code isola:irq attach}): empty if {@code h} is not open
   * or cannot interrupt (a {@code gpio-in} without an edge, an output, a bus).
   */
  public synchronized Optional<EventSource> source(int h) {
    Handle handle = get(h);
    return handle != null && handle.isEventSource() ? Optional.of(handle) : Optional.empty();
  }

  /** What handle {@code h} is, in the words of {@code isola:irq attach}. */
  public synchronized EventSources.Lookup find(int h) {
    Handle handle = get(h);
    if (handle == null) {
      return new EventSources.Lookup.NotOpen();
    }
    return handle.isEventSource() ? new EventSources.Lookup.Found(handle) : new EventSources.Lookup.NotASource();
  }

  /**
   * Closes every handle (their listeners stop, their resources are released) and refuses later opens: the end
   * of the incarnation. Idempotent.
   */
  @Override
  public void close() {
    List<Handle> open = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (Handle h : table) {
        if (h != null) {
          open.add(h);
        }
      }
      table.clear();
    }
    open.forEach(Handle::close);
  }

  private Needs needs(Module module) {
    if (module != needsOf) {
      needsOf = module;
      try {
        needs = ModuleNeeds.read(module.model());
      } catch (NeedException e) {
        // isola check and swap refuse such a module; one that got here anyway reaches nothing.
        needs = Needs.NONE;
      }
    }
    return needs;
  }

  /** Opens the facade of {@code resource} and sets it up as {@code need} says (direction, pull, speed, mode). */
  private static Handle open(Need need, String resource, Board board) throws HalException {
    return switch (need.kind()) {
      case GPIO_IN -> {
        GpioPin pin = board.gpio(resource);
        setUp(pin::close, () -> pin.input(need.pull()));
        Handle.Listening listening = need.edge() == dev.isola.hal.Edge.NONE ? null
            : l -> pin.listen(l == null ? dev.isola.hal.Edge.NONE : need.edge(), l);
        yield new Handle(need, pin, pin::close, listening);
      }
      case GPIO_OUT -> {
        GpioPin pin = board.gpio(resource);
        setUp(pin::close, () -> pin.output(need.initialHigh()));
        yield new Handle(need, pin, pin::close, null);
      }
      case I2C -> {
        I2cDevice device = board.i2c(resource);
        Optional<Integer> fastest = need.constraint(Constraint.BusSpeeds.class).flatMap(s -> s.hz().stream()
            .filter(device.resource().speeds()::contains).max(Integer::compare));
        if (fastest.isPresent()) {
          setUp(device::close, () -> device.speed(fastest.get()));
        }
        yield new Handle(need, device, device::close, null);
      }
      case SPI -> {
        SpiDevice device = board.spi(resource);
        var r = device.resource();
        int mode = need.constraint(Constraint.SpiMode.class).map(Constraint.SpiMode::mode)
            .orElse(r.modes().contains(0) ? 0 : r.modes().stream().min(Integer::compare).orElse(0));
        long hz = need.constraint(Constraint.ClockHz.class).map(Constraint.ClockHz::hz).orElse(r.maxHz());
        setUp(device::close, () -> device.configure(mode, hz));
        yield new Handle(need, device, device::close, null);
      }
      case UART -> {
        UartPort port = board.uart(resource);
        Optional<Integer> baud = need.constraint(Constraint.Baud.class).map(Constraint.Baud::baud);
        if (baud.isPresent()) {
          UartConfig d = UartConfig.DEFAULT;
          setUp(port::close, () -> port.configure(new UartConfig(baud.get(), d.dataBits(), d.parity(),
              d.stopBits())));
        }
        yield new Handle(need, port, port::close, port::listen);
      }
      case ADC -> {
        AdcChannel channel = board.adc(resource);
        yield new Handle(need, channel, channel::close, null);
      }
      case PWM -> {
        PwmChannel channel = board.pwm(resource);
        yield new Handle(need, channel, channel::close, null);
      }
      case TIMER -> {
        TimerChannel channel = board.timer(resource);
        yield new Handle(need, channel, channel::close, channel::listen);
      }
    };
  }

  private interface SetUp {
    void run() throws HalException;
  }

  /** Runs {@code setUp}; if it fails, closes the facade (releasing the resource) before the error goes on. */
  private static void setUp(Runnable close, SetUp setUp) throws HalException {
    try {
      setUp.run();
    } catch (HalException | RuntimeException e) {
      close.run();
      throw e;
    }
  }
}
