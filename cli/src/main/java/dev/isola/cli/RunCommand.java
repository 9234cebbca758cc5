package dev.isola.cli;

import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.ControlSocket;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelException;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.SystemSummary;
import dev.isola.kernel.config.Problem;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.kernel.config.SystemFile;
import dev.isola.kernel.config.SystemFileException;
import dev.isola.kernel.config.SystemSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isola run}: checks a system file (refusing to start on any problem, all printed), starts the system,
 * runs it until Ctrl-C, the {@code --for} duration, or every container has stopped for good, then prints a
 * summary per container. Guests' output and the kernel's events go to standard output as {@code container |
 * line}; the summary follows them.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a system: checks SYSTEM.toml first (as 'isola check'), then starts its containers (docs/kernel.md).",
        "Runs until Ctrl-C, --for, or every container stopped; then prints a summary per container.",
        "Listens for 'isola swap' on a Unix domain socket, printed at start."})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SYSTEM.toml", description = "The system file.")
  Path system;

  @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long (e.g. 500ms, 10s, 5m); default: until Ctrl-C.")
  Duration duration;

  @Option(names = "--socket", paramLabel = "PATH",
      description = "The control socket (default: $XDG_RUNTIME_DIR/isola-NAME.sock, else in /tmp).")
  Path socket;

  @Option(names = "--swap-grace", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long a swapped-in module must run without failing before the swap counts (default 2s).")
  Duration swapGrace = KernelOptions.DEFAULT_SWAP_GRACE;

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
    KernelOptions options = KernelOptions.defaults().withSwapGrace(swapGrace)
        .withLog((container, text) -> out.println(container + " | " + text));
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
      kernel.stop();
      print(kernel.summary(), out);
    } finally {
      reported.countDown();
      if (interrupted.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    return ExitCode.OK.code();
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
