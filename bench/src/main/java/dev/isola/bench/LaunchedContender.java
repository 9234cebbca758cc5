package dev.isola.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A contender measured in a child process of its own, for both times. Its steady-state command runs the kernel
 * {@code --warmup W} + {@code --runs R} times on fresh instances and prints, on standard error, a line
 * {@code STEADY_MS <milliseconds>} after each measured run, and optionally one {@code MODE <text>}; the
 * program's output passes through unchanged. {@code bin/isola bench}, {@link SteadyState} and
 * bench/node/wasi-bench.mjs all speak it.
 *
 * @param name the column name
 * @param steadyPrefix the steady-state command before {@code --warmup W --runs R MODULE ARGS...}
 * @param processPrefix the command that runs the kernel once, before {@code MODULE ARGS...}
 */
public record LaunchedContender(String name, List<String> steadyPrefix, List<String> processPrefix)
    implements Contender {
  static final String STEADY = "STEADY_MS ";
  static final String MODE = "MODE ";

  public LaunchedContender {
    steadyPrefix = List.copyOf(steadyPrefix);
    processPrefix = List.copyOf(processPrefix);
  }

  @Override
  public SteadyRuns steady(Kernel kernel, int warmup, int runs) throws Exception {
    var command = new ArrayList<>(steadyPrefix);
    command.addAll(List.of("--warmup", Integer.toString(warmup), "--runs", Integer.toString(runs)));
    command.addAll(kernel.moduleAndArgs());
    ChildProcess child = ChildProcess.run(command);
    return parse(child, runs);
  }

  /** The measurement {@code child} reported; an exception if it failed or reported another number of runs. */
  static SteadyRuns parse(ChildProcess child, int runs) {
    var nanos = new ArrayList<Long>();
    String mode = "";
    for (String line : child.stderr().lines().toList()) {
      if (line.startsWith(STEADY)) {
        nanos.add(Math.round(Double.parseDouble(line.substring(STEADY.length()).strip()) * 1e6));
      } else if (line.startsWith(MODE)) {
        mode = line.substring(MODE.length()).strip();
      }
    }
    if (child.status() == 0 && nanos.size() != runs) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s reported %d measured runs, expected %d: %s",
          child.command().getFirst(), nanos.size(), runs, child.stderrTail()));
    }
    if (child.status() != 0 && nanos.isEmpty() && child.stdout().isEmpty()) {
      // Nothing ran: the runtime itself failed (missing, cannot load the module); say why in one line.
      throw new IllegalStateException("exited with status " + child.status() + ": " + child.stderrTail());
    }
    return new SteadyRuns(child.stdout(), child.status(), nanos.stream().mapToLong(Long::longValue).toArray(), mode);
  }

  @Override
  public List<String> processCommand(Kernel kernel) {
    var command = new ArrayList<>(processPrefix);
    command.addAll(kernel.moduleAndArgs());
    return command;
  }
}
