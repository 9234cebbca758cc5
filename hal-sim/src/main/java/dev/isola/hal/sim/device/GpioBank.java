package dev.isola.hal.sim.device;

import dev.isola.hal.Edge;
import dev.isola.hal.Pull;
import dev.isola.hal.sim.PinLevel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A GPIO controller's pins and the nets behind them. A pin's level is resolved from, in order: its own output
 * (an output pin), a device's drive on the net ({@link Drive#LOW}/{@link Drive#HIGH}), then the pin's pull
 * (up 1, down 0). A floating input (no pull, nothing driving) reads 0: real silicon reads noise, a test wants
 * determinism. Contention (an output pin against a device driving the net) is not modelled: the pin wins.
 *
 * <p>Every change of a resolved level is recorded with its sim instant (the recorder keeps the newest {@link
 * #HISTORY} per pin), told to the devices watching the net (the LED, the heater's relay; under the lock) and
 * posted to the pin's edge listener (outside the lock).
 */
public final class GpioBank {
  /** Levels kept per pin; a storm of toggles drops the oldest (counted in {@link #dropped}). */
  static final int HISTORY = 100_000;

  private final Simulation sim;
  private final String name;
  private final Pin[] pins;

  private static final class Pin {
    final String name;
    PinMode mode = PinMode.UNCONFIGURED;
    Pull pull = Pull.NONE;
    boolean out;
    Drive drive = Drive.RELEASED;
    boolean level;
    Edge edge;
    /** Volatile: a posted edge is delivered only if its listener is still the pin's when the call runs. */
    volatile EdgeListener listener;
    final List<Consumer<Boolean>> watchers = new ArrayList<>(1);
    final ArrayDeque<PinLevel> history = new ArrayDeque<>();
    long dropped;

    Pin(String name) {
      this.name = name;
    }
  }

  public GpioBank(Simulation sim, String name, int count) {
    this.sim = sim;
    this.name = name;
    this.pins = new Pin[count];
    for (int i = 0; i < count; i++) {
      pins[i] = new Pin(name + "." + i);
    }
    sim.locked(() -> {
      for (int i = 0; i < count; i++) {
        record(pins[i]);
      }
    });
  }

  public String name() {
    return name;
  }

  public int count() {
    return pins.length;
  }

  private Pin pin(int i) {
    Objects.checkIndex(i, pins.length);
    return pins[i];
  }

  /** Configures a pin as an input with a pull. */
  public void input(int i, Pull pull) {
    sim.locked(() -> {
      Pin p = pin(i);
      p.mode = PinMode.INPUT;
      p.pull = pull;
      resolve(i, p);
    });
  }

  /** Configures a pin as an output driving {@code initial}. */
  public void output(int i, boolean initial) {
    sim.locked(() -> {
      Pin p = pin(i);
      p.mode = PinMode.OUTPUT;
      p.out = initial;
      resolve(i, p);
    });
  }

  public PinMode mode(int i) {
    return sim.locked(() -> pin(i).mode);
  }

  /** Writes an output pin's level (ignored by an input, as a real output latch with the driver off). */
  public void write(int i, boolean high) {
    sim.locked(() -> {
      Pin p = pin(i);
      p.out = high;
      resolve(i, p);
    });
  }

  public boolean read(int i) {
    return sim.locked(() -> pin(i).level);
  }

  /** A device drives or releases the net of pin {@code i}. */
  public void drive(int i, Drive drive) {
    sim.locked(() -> {
      Pin p = pin(i);
      p.drive = drive;
      resolve(i, p);
    });
  }

  /** Sets (or, with a null listener, removes) the pin's one edge listener. */
  public void listen(int i, Edge edge, EdgeListener listener) {
    sim.locked(() -> {
      Pin p = pin(i);
      p.edge = listener == null ? null : edge;
      p.listener = listener;
    });
  }

  /** Adds a device watching the net's level (called under the lock with each new level, then once now). */
  public void watch(int i, Consumer<Boolean> watcher) {
    sim.locked(() -> {
      Pin p = pin(i);
      p.watchers.add(watcher);
      watcher.accept(p.level);
    });
  }

  /** Every level pin {@code i} had, oldest first (the first is its level when the board opened). */
  public List<PinLevel> history(int i) {
    return sim.locked(() -> List.copyOf(pin(i).history));
  }

  /** Levels the recorder dropped for pin {@code i} (more than {@link #HISTORY} changes). */
  public long dropped(int i) {
    return sim.locked(() -> pin(i).dropped);
  }

  private void resolve(int i, Pin p) {
    boolean level =
        switch (p.mode) {
          case OUTPUT -> p.out;
          case INPUT, UNCONFIGURED ->
              switch (p.drive) {
                case LOW -> false;
                case HIGH -> true;
                case RELEASED -> p.pull == Pull.UP;
              };
        };
    if (level == p.level) {
      return;
    }
    p.level = level;
    record(p);
    for (Consumer<Boolean> w : p.watchers) {
      w.accept(level);
    }
    EdgeListener l = p.listener;
    if (l != null && p.edge.matches(level)) {
      long at = sim.now();
      sim.post(() -> {
        if (p.listener == l) {
          l.edge(i, level, at);
        }
      });
    }
  }

  private void record(Pin p) {
    if (p.history.size() == HISTORY) {
      p.history.removeFirst();
      p.dropped++;
    }
    // A timed event records at its own instant, which may precede a change another thread just recorded at
    // the clock's now: keep each pin's history in order.
    long at = p.history.isEmpty() ? sim.now() : Math.max(sim.now(), p.history.peekLast().nanos());
    p.history.addLast(new PinLevel(p.name, at, p.level));
  }
}
