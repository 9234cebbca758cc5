package dev.isola.cli.view;

import dev.isola.kernel.SystemSummary;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Takes a snapshot every interval on its own daemon thread and writes what the {@link View} draws of it. It is
 * also the kernel's log sink: lines go straight to the output, or into the tail the view draws.
 */
public final class Monitor {
  /** Log lines a live screen keeps. */
  static final int LOG_TAIL = 8;

  private final View view;
  private final PrintStream out;
  private final Duration interval;
  // Guarded by itself: log lines come from any guest's thread.
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private Thread thread;
  private Snapshot previous;

  public Monitor(View view, PrintStream out, Duration interval) {
    this.view = view;
    this.out = out;
    this.interval = interval;
  }

  /** One log line of {@code container}: printed now, or kept for the next screen. */
  public void log(String container, String text) {
    String line = container + " | " + text;
    if (!view.keepsLog()) {
      out.println(line);
      return;
    }
    synchronized (tail) {
      tail.addLast(line);
      while (tail.size() > LOG_TAIL) {
        tail.removeFirst();
      }
    }
  }

  /**
   * A stream whose lines become log lines of {@code source}: on a live screen, what a simulated UART writes to the
   * process's standard output (its "terminal" end) is drawn in the log tail instead of across the screen.
   */
  public OutputStream lines(String source) {
    return new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        if (b == '\n') {
          log(source, line.toString(StandardCharsets.UTF_8).replace("\r", ""));
          line.reset();
        } else {
          line.write(b);
        }
      }
    };
  }

  /** What a snapshot is taken from: the kernel's figures, the board's readings, the interrupt counts. */
  public interface Source {
    SystemSummary summary();

    List<Gauge> gauges();

    Map<String, Long> interrupts();
  }

  /** Starts drawing, every interval, what {@code source} shows. */
  public synchronized void start(Source source) {
    thread = Thread.ofPlatform().daemon().name("isola-view").start(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(interval);
          draw(source.summary(), source.gauges(), source.interrupts());
        }
      } catch (InterruptedException e) {
        // stop(): the last screen is drawn by the caller's thread.
      }
    });
  }

  /** Stops the drawing thread and draws the system's final figures once more. */
  public void stop(SystemSummary last, List<Gauge> gauges, Map<String, Long> interrupts) throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      t.join();
    }
    draw(last, gauges, interrupts);
  }

  private synchronized void draw(SystemSummary summary, List<Gauge> gauges, Map<String, Long> interrupts) {
    List<String> log;
    synchronized (tail) {
      log = List.copyOf(tail);
    }
    Snapshot now = new Snapshot(summary, gauges, interrupts, log);
    out.print(view.draw(previous, now));
    out.flush();
    previous = now;
  }
}
