package dev.isola.bench;

import java.util.List;

/**
 * One column of the result: a way to run the kernels, measured two ways. {@link #steady} is the steady state:
 * {@code warmup} unmeasured and {@code runs} measured runs in one process, each on a fresh instance, so the
 * engine's JIT has done its work. {@link #processCommand} is one whole process that runs the kernel once, whose
 * wall-clock time includes starting the runtime: what a user who runs a program once sees.
 */
public sealed interface Contender permits NativeContender, InJvmContender, LaunchedContender {
  /** The column name in the result tables. */
  String name();

  SteadyRuns steady(Kernel kernel, int warmup, int runs) throws Exception;

  /** The command line of a process that runs {@code kernel} once and prints its output unchanged. */
  List<String> processCommand(Kernel kernel);
}
