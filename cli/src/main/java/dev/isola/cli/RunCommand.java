package dev.isola.cli;

import dev.isola.cli.view.Gauge;
import dev.isola.cli.view.LiveScreen;
import dev.isola.cli.view.Monitor;
import dev.isola.cli.view.StatusLines;
import dev.isola.cli.view.View;
import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.ControlSocket;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelException;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.SystemSummary;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.kernel.config.SystemFile;
import dev.isola.kernel.config.SystemFileException;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.container.Container;
import dev.isola.kernel.irq.LineStats;
import dev.isola.toml.Problem;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isola run}: checks a system file (refusing to start on any problem, all printed), starts the system,
 * runs it until Ctrl-C, the {@code --for} duration, or every container has stopped for good, then prints a
 * summary per container. While it runs, a view ({@code dev.isola.cli.view}) shows the board's readings and each
 * container's state and CPU share: a screen redrawn in place on a terminal, a plain line a second otherwise.
 * Guests' output and the kernel's events go to standard output as {@code container | line} (on a terminal, into
 * the screen's log tail); the summary follows them.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a system: checks SYSTEM first (as 'isola check'), then starts its containers (docs/kernel.md).",
        "SYSTEM is a system file, or a directory holding system.toml.",
        "Shows the board's readings and each container's state and CPU share while it runs: redrawn in place on",
        "a terminal, a line a second otherwise (--view).",
        "Runs until Ctrl-C, --for, or every container stopped; then prints a summary per container.",
        "Listens for 'isola swap' on a Unix domain socket, printed at start."})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SYSTEM", converter = SystemFileConverter.class,
      description = "The system file, or a directory holding system.toml.")
  Path system;

  /** How the running system is shown ({@code --view}, in lower case). */
  enum ViewChoice {
    AUTO, LIVE, LINES, NONE;

    /** picocli's converter: the lower-case name. */
    static final class Converter implements ITypeConverter<ViewChoice> {
      @Override
      public ViewChoice convert(String value) {
        for (ViewChoice v : values()) {
          if (v.name().toLowerCase(Locale.ROOT).equals(value)) {
            return v;
          }
        }
        throw new TypeConversionException("expected auto, live, lines or none, found '" + value + "'");
      }
    }
  }

  @Option(names = "--view", paramLabel = "VIEW", converter = ViewChoice.Converter.class,
      description = "live (a screen redrawn in place), lines (one line a second), none; default auto: live when "
          + "standard output is a terminal, else lines.")
  ViewChoice view = ViewChoice.AUTO;

  @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long (e.g. 500ms, 10s, 5m); default: until Ctrl-C.")
  Duration duration;

  @Option(names = "--socket", paramLabel = "PATH",
      description = "The control socket (default: $XDG_RUNTIME_DIR/isola-NAME.sock, else in /tmp).")
  Path socket;

  @Option(names = "--swap-grace", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long a swapped-in module must run without failing before the swap counts (default 2s).")
  Duration swapGrace = KernelOptions.DEFAULT_SWAP_GRACE;

  @Option(names = "--rehearsal", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
      description = "How long the kernel's start-up rehearsal runs before the system starts, so that its first "
          + "deadlines do not meet a cold JVM (default 300ms; 0 for none; docs/kernel.md).")
  Duration rehearsal = KernelOptions.DEFAULT_REHEARSAL;

  private final Terminal terminal;

  RunCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintStream err = terminal.messages();
    SystemSpec spec;
    try {
      SystemFile file = SystemFile.read(system);
      List<Problem> problems = SystemCheck.check(file);
      if (!problems.isEmpty()) {
        throw new SystemFileException(problems);
      }
      spec = file.spec();
    } catch (SystemFileException e) {
      e.problems().forEach(err::println);
      err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
          + "; nothing started");
      return ExitCode.SYSTEM_FILE.code();
    }
    PrintStream out = terminal.report();
    View shown = switch (view) {
      case AUTO -> onTerminal() ? new LiveScreen() : new StatusLines();
      case LIVE -> new LiveScreen();
      case LINES, NONE -> new StatusLines();
    };
    Monitor monitor = new Monitor(shown, out, shown.keepsLog() ? LIVE_EVERY : LINE_EVERY);
    KernelOptions options = KernelOptions.defaults().withSwapGrace(swapGrace).withRehearsal(rehearsal)
        .withLog(monitor::log);
    Kernel kernel;
    try {
      kernel = Kernel.create(spec, options);
    } catch (KernelException e) {
      err.println("isola: " + e.getMessage());
      return ExitCode.BAD_MODULE.code();
    }
    Path socketPath = socket != null ? socket : ControlSocket.defaultPath(spec.name());
    ControlSocket control;
    try {
      control = ControlSocket.open(kernel, socketPath);
    } catch (IOException e) {
      kernel.stop();
      err.println("isola: control socket " + socketPath + ": " + e.getMessage());
      return ExitCode.IO_ERROR.code();
    }
    // On a live screen, the process's standard output (where a simulated UART's "terminal" end writes) goes
    // into the screen's log tail; the view itself writes to the terminal's own stream.
    PrintStream systemOut = System.out;
    if (shown.keepsLog()) {
      System.setOut(new PrintStream(monitor.lines("uart"), true, StandardCharsets.UTF_8));
    }
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch reported = new CountDownLatch(1);
    // Ctrl-C: stop the wait below, then hold the JVM until the summary is printed.
    Thread hook = new Thread(() -> {
      interrupted.countDown();
      try {
        reported.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "isola-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      err.println("isola: system " + spec.name() + ": " + spec.containers().size() + " containers on "
          + spec.cpus() + (spec.cpus() == 1 ? " CPU" : " CPUs") + "; control socket " + socketPath);
      kernel.start();
      Watched watched = new Watched(kernel);
      if (view != ViewChoice.NONE) {
        monitor.start(watched);
      }
      long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
      // Wakes every 50ms at most to notice a system whose containers all stopped: the operator's wait.
      while (!interrupted.await(Math.max(0, Math.min(50_000_000L, end - System.nanoTime())), TimeUnit.NANOSECONDS)) {
        if (System.nanoTime() - end >= 0 || kernel.awaitStopped(Duration.ZERO)) {
          break;
        }
      }
      try {
        control.close();
      } catch (IOException e) {
        err.println("isola: control socket " + socketPath + ": " + e.getMessage());
      }
      // Read before the stop closes the board and ends the incarnations.
      List<Gauge> lastReadings = watched.gauges();
      Map<String, Long> lastInterrupts = watched.interrupts();
      kernel.stop();
      SystemSummary last = kernel.summary();
      if (view != ViewChoice.NONE) {
        monitor.stop(last, lastReadings, lastInterrupts);
      }
      print(last, out);
    } finally {
      System.setOut(systemOut);
      reported.countDown();
      if (interrupted.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    return ExitCode.OK.code();
  }

  /** A live screen's redraw interval: about four times a second. */
  private static final Duration LIVE_EVERY = Duration.ofMillis(250);

  /** The plain view's interval: a line a second. */
  private static final Duration LINE_EVERY = Duration.ofSeconds(1);

  /**
   * Whether the view may redraw in place: the command writes to the process's own standard output and that is a
   * terminal (the JDK's console: standard input and output both a terminal).
   */
  private boolean onTerminal() {
    try {
      return terminal.out() instanceof FileOutputStream f && f.getFD() == FileDescriptor.out
          && System.console() != null && System.console().isTerminal();
    } catch (IOException e) {
      return false;
    }
  }

  /** What the view shows of a running kernel. */
  private record Watched(Kernel kernel) implements Monitor.Source {
    @Override
    public SystemSummary summary() {
      return kernel.summary();
    }

    /** The board's live readings (none without a board). */
    @Override
    public List<Gauge> gauges() {
      return kernel.board().map(b -> b.readings().stream().map(r -> new Gauge(r.name(), r.text())).toList())
          .orElse(List.of());
    }

    /** Events recorded by each container's interrupt lines (containers with a running incarnation). */
    @Override
    public Map<String, Long> interrupts() {
      Map<String, Long> events = new LinkedHashMap<>();
      for (String name : kernel.spec().containers().keySet()) {
        kernel.container(name).flatMap(Container::interrupts).ifPresent(lines ->
            events.put(name, lines.lines().stream().mapToLong(LineStats::events).sum()));
      }
      return events;
    }
  }

  static void print(SystemSummary s, PrintStream out) {
    out.printf(Locale.ROOT, "system %s: ran %s, all CPUs idle %.0f%% of the time%n", s.name(), millis(s.wallNanos()),
        100.0 * s.idleNanos() / Math.max(1, s.wallNanos()));
    TextTable table = new TextTable(2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
        .row("container", "state", "cpu", "budget used", "periods", "deadline misses", "worst lateness", "traps",
            "restarts", "portal calls", "duty cycle", "last outcome");
    for (ContainerSummary c : s.containers()) {
      table.row(c.name(), c.state(), millis(c.cpuNanos()),
          Double.isNaN(c.budgetShareUsed()) ? "-" : percent(c.budgetShareUsed()),
          Long.toString(c.activations()), Long.toString(c.deadlineMisses()), millis(c.worstLatenessNanos()),
          Long.toString(c.traps()), Long.toString(c.restarts()), Long.toString(c.portalCalls()),
          percent(c.dutyCycle()), c.lastOutcome().isEmpty() ? "-" : c.lastOutcome());
    }
    table.print(out, "  ");
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
