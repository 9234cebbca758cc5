package dev.isola.hal;

import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.spi.AdcBackend;
import dev.isola.hal.spi.BoardBackend;
import dev.isola.hal.spi.GpioBackend;
import dev.isola.hal.spi.I2cBackend;
import dev.isola.hal.spi.PwmBackend;
import dev.isola.hal.spi.SpiBackend;
import dev.isola.hal.spi.TimerBackend;
import dev.isola.hal.spi.UartBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open board: its resources by name and a checking facade for each on request. Opening a resource claims it
 * (one owner at a time: {@code led} and {@code gpio0.5} are one claim); closing the facade releases it. Thread-safe.
 *
 * <p>Closing a facade stops what calls back into its owner (edge and receive listeners, armed timers) but leaves
 * outputs as they are (a pin's level, a PWM's duty), as hardware does: a container restarted or swapped in opens
 * the resource again and takes over without a glitch, and a crashed controller's heater is the system's policy to
 * handle (a restart), not a side effect of a handle closing.
 *
 * <p>Opened by {@link Boards#open}; closing the board closes every facade still open, then the backends.
 */
public final class Board implements AutoCloseable {
  private final BoardSpec spec;
  private final Map<String, Object> backends;
  private final List<BoardBackend> opened;
  /**
   * Claim -> the facade holding it, in order of opening: the open facades. Guarded by {@code this}: open and release
   * race across containers.
   */
  private final Map<String, Facade> claims = new LinkedHashMap<>();
  private boolean closed;

  Board(BoardSpec spec, Map<String, Object> backends, List<BoardBackend> opened) {
    this.spec = spec;
    this.backends = Map.copyOf(backends);
    this.opened = List.copyOf(opened);
  }

  /** The board as its file describes it. */
  public BoardSpec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  /** Every resource by name, including the {@link BoardSpec#reserved() reserved} ones. */
  public Map<String, Resource> resources() {
    return spec.resources();
  }

  public Optional<Resource> resource(String name) {
    return spec.resource(name);
  }

  /** Opens pin {@code name} (not configured yet). */
  public GpioPin gpio(String name) throws HalException {
    Resource.Pin r = resolve(name, Resource.Pin.class, "a gpio pin");
    return claim(r, release -> new GpioPin(r, backend(r.controller(), GpioBackend.class), release));
  }

  /** Opens I2C device {@code name}. */
  public I2cDevice i2c(String name) throws HalException {
    Resource.I2c r = resolve(name, Resource.I2c.class, "an i2c device");
    return claim(r, release -> new I2cDevice(r, backend(r.bus(), I2cBackend.class), release));
  }

  /** Opens SPI device {@code name}. */
  public SpiDevice spi(String name) throws HalException {
    Resource.Spi r = resolve(name, Resource.Spi.class, "an spi device");
    return claim(r, release -> new SpiDevice(r, backend(r.bus(), SpiBackend.class), release));
  }

  /** Opens UART {@code name}. */
  public UartPort uart(String name) throws HalException {
    Resource.Uart r = resolve(name, Resource.Uart.class, "a uart");
    return claim(r, release -> new UartPort(r, backend(r.name(), UartBackend.class), release));
  }

  /** Opens ADC channel {@code name}. */
  public AdcChannel adc(String name) throws HalException {
    Resource.Adc r = resolve(name, Resource.Adc.class, "an adc channel");
    return claim(r, release -> new AdcChannel(r, backend(r.controller(), AdcBackend.class), release));
  }

  /** Opens PWM channel {@code name}. */
  public PwmChannel pwm(String name) throws HalException {
    Resource.Pwm r = resolve(name, Resource.Pwm.class, "a pwm channel");
    return claim(r, release -> new PwmChannel(r, backend(r.controller(), PwmBackend.class), release));
  }

  /** Opens timer channel {@code name}. */
  public TimerChannel timer(String name) throws HalException {
    Resource.Timer r = resolve(name, Resource.Timer.class, "a timer channel");
    return claim(r, release -> new TimerChannel(r, backend(r.controller(), TimerBackend.class), release));
  }

  /** Whether {@code name}'s hardware is open now (by any of the names that reach it). */
  public synchronized boolean isOpen(String name) {
    return spec.resource(name).map(r -> claims.containsKey(r.claim())).orElse(false);
  }

  /** The board's live values for display, read now from every backend. */
  public List<Reading> readings() {
    List<Reading> out = new ArrayList<>();
    for (BoardBackend b : opened) {
      out.addAll(b.readings());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The provider's board backend of {@code type}, when one of this board's providers opened one: how tests reach a
   * simulator's test API ({@code board.unwrap(SimBoard.class)}).
   */
  public <T> Optional<T> unwrap(Class<T> type) {
    return opened.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** Closes every facade still open, then the backends (in reverse order of opening). Closing twice does nothing. */
  @Override
  public void close() {
    List<Facade> open;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      open = new ArrayList<>(claims.values());
    }
    for (Facade f : open) {
      f.close();
    }
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private <R extends Resource> R resolve(String name, Class<R> type, String what) throws HalException {
    Resource r = spec.resource(name)
        .orElseThrow(() -> new HalException(HalError.NO_SUCH_RESOURCE, name + ": no such resource on board "
            + spec.name()));
    String reason = spec.reserved().get(name);
    if (reason != null) {
      throw new HalException(HalError.BUSY, name + ": used by the board (" + reason + ")");
    }
    if (!type.isInstance(r)) {
      throw HalException.invalid(name, "is " + Describe.of(r) + ", not " + what);
    }
    return type.cast(r);
  }

  private <T> T backend(String controller, Class<T> type) throws HalException {
    Object b = backends.get(controller);
    if (!type.isInstance(b)) {
      // Boards.open asks for every controller's backend, so this is a board built wrong, not a caller's mistake.
      throw HalException.notSupported(controller + ": backend");
    }
    return type.cast(b);
  }

  /** A facade constructor given its release action. */
  private interface Opening<F extends Facade> {
    F open(Runnable release) throws HalException;
  }

  private <F extends Facade> F claim(Resource r, Opening<F> opening) throws HalException {
    String claim = r.claim();
    Facade[] self = new Facade[1];
    Runnable release = () -> {
      synchronized (this) {
        claims.remove(claim, self[0]);
      }
    };
    synchronized (this) {
      if (closed) {
        throw new HalException(HalError.CLOSED, "board " + spec.name() + ": closed");
      }
      Facade holder = claims.get(claim);
      if (holder != null) {
        throw new HalException(HalError.BUSY, r.name() + ": already open"
            + (holder.name().equals(r.name()) ? "" : " (as " + holder.name() + ")"));
      }
      F f = opening.open(release);
      self[0] = f;
      claims.put(claim, f);
      return f;
    }
  }
}
