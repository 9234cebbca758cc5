package dev.isola.cli.greenhouse;

import dev.isola.hal.sim.SimBoard;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.config.SystemCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.DoublePredicate;

/**
 * examples/greenhouse running in-process on the simulated board, time-scaled so the room moves fast, with the
 * kernel's log kept for assertions. The UART's other end is nothing (the test injects and reads it).
 */
final class RunningGreenhouse implements AutoCloseable {
  /**
   * Sim seconds per wall second: the room heats by about 0.2 °C per wall second, a 100 ms control period is half a
   * second of room time. Not more: the board's timers follow the scale, and the rogue's 1 ms storm timer would
   * then expire faster than the simulator's timer thread parks (it spins the last 150 us before each expiry).
   */
  static final double TIME_SCALE = 5;
  /** The controller's band: 22 °C +/- 1 (control.c). */
  static final double LOW = 21.0;
  static final double HIGH = 23.0;

  private final Kernel kernel;
  private final SimBoard sim;
  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

  private RunningGreenhouse() throws Exception {
    // Read by the simulator when the kernel opens the board: no terminal in a test, and fast time.
    System.setProperty("isola.sim.endpoint", "none");
    System.setProperty("isola.sim.time-scale", Double.toString(TIME_SCALE));
    try {
      kernel = Kernel.create(SystemCheck.load(Greenhouse.DIR.resolve("system.toml")),
          KernelOptions.defaults().withLog((container, text) -> log.add(container + " | " + text)));
    } finally {
      System.clearProperty("isola.sim.endpoint");
      System.clearProperty("isola.sim.time-scale");
    }
    sim = SimBoard.of(kernel.board().orElseThrow());
  }

  /** Creates the system and starts it with the room at {@code celsius}. */
  static RunningGreenhouse start(double celsius) throws Exception {
    RunningGreenhouse g = new RunningGreenhouse();
    g.sim.roomTemperature(celsius);
    g.kernel.start();
    return g;
  }

  Kernel kernel() {
    return kernel;
  }

  SimBoard sim() {
    return sim;
  }

  List<String> log() {
    return List.copyOf(log);
  }

  /** Whether a log line matches {@code regex} (whole line). */
  boolean logged(String regex) {
    return log.stream().anyMatch(l -> l.matches(regex));
  }

  /** Waits until {@code regex} matches a log line, at most {@code within}. */
  void awaitLog(String regex, Duration within) throws InterruptedException {
    await(() -> logged(regex), within, "a log line matching " + regex);
  }

  /**
   * Waits until {@code container} has run at least {@code activations} periods, at most {@code within}: that it ran
   * on, not how fast (a loaded machine runs fewer periods in a given wall time).
   */
  void awaitActivations(String container, long activations, Duration within) throws InterruptedException {
    await(() -> kernel.summary().container(container).activations() >= activations, within,
        container + " to reach " + activations + " activations");
  }

  /** Waits until the room is inside the band, at most {@code within}. */
  void awaitInBand(Duration within) throws InterruptedException {
    await(() -> inBand(sim.roomTemperature()), within, "the room in its band");
  }

  static boolean inBand(double celsius) {
    return celsius >= LOW && celsius <= HIGH;
  }

  /**
   * Samples the room every 20 ms of wall time for {@code span} and returns the samples that fail {@code ok}
   * (as "t=...s: ... °C"), all of them.
   */
  List<String> watchRoom(Duration span, DoublePredicate ok) throws InterruptedException {
    var bad = new ArrayList<String>();
    long end = System.nanoTime() + span.toNanos();
    while (System.nanoTime() - end < 0) {
      double t = sim.roomTemperature();
      if (!ok.test(t)) {
        bad.add(String.format(Locale.ROOT, "t=%.1fs: %.2f °C", sim.now().toMillis() / 1e3, t));
      }
      Thread.sleep(20);
    }
    return bad;
  }

  static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("waited " + within.toSeconds() + "s for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    kernel.close();
  }
}
