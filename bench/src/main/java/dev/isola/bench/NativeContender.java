package dev.isola.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel compiled for the host ({@code cc -O2}), run as a process: the baseline every ratio is taken to.
 * It has no warm state to reach, so its steady-state runs are processes too; their time includes starting the
 * process (about a millisecond), which the kernels' sizes make small.
 */
public record NativeContender() implements Contender {
  @Override
  public String name() {
    return "native";
  }

  @Override
  public SteadyRuns steady(Kernel kernel, int warmup, int runs) throws Exception {
    var stdout = new StringBuilder();
    long[] nanos = new long[runs];
    for (int i = 0; i < warmup + runs; i++) {
      ChildProcess run = ChildProcess.run(processCommand(kernel));
      stdout.append(run.stdout());
      if (run.status() != 0) {
        return new SteadyRuns(stdout.toString(), run.status(), new long[0], "");
      }
      if (i >= warmup) {
        nanos[i - warmup] = run.nanos();
      }
    }
    return new SteadyRuns(stdout.toString(), 0, nanos, "");
  }

  @Override
  public List<String> processCommand(Kernel kernel) {
    var command = new ArrayList<String>();
    command.add(kernel.nativeBinary().toAbsolutePath().toString());
    command.addAll(kernel.args());
    return command;
  }
}
