package dev.isola.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs one kernel on one JVM engine {@code warmup + runs} times in this process, each on a fresh instance, and
 * reports like {@code bin/isola bench}: the program's output passes through to standard output, and standard
 * error gets {@code STEADY_MS <ms>} after each measured run, {@code MODE <text>} first when the engine's mode is
 * decided at run time, and {@code MEDIAN_MS <ms>} at the end. The runner starts it in a child JVM for the
 * whole-process time ({@code --warmup 0 --runs 1}) and for GraalWasm, which needs JVM options of its own.
 */
@Command(name = "steady-state", mixinStandardHelpOptions = true,
    description = "Runs a kernel on one JVM engine, warm-up runs then measured runs, and prints STEADY_MS lines.")
public final class SteadyState implements Callable<Integer> {
  @Option(names = "--contender", required = true,
      description = "isola-compiled, isola-interp, chicory-compiled, chicory-interp or graalwasm.")
  String contender;

  @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured runs (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--runs", defaultValue = "5", description = "Measured runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Parameters(index = "0", description = "The kernel's WASI command module.")
  Path module;

  @Parameters(index = "1..*", description = "Its arguments.")
  List<String> args = new ArrayList<>();

  public static void main(String[] args) {
    // Arguments after the module belong to the kernel, even when they look like options.
    // An engine's failure is one line on stderr (the runner shows the last lines), not a stack trace.
    System.exit(new CommandLine(new SteadyState())
        .setStopAtPositional(true)
        .setExecutionExceptionHandler((e, command, parsed) -> {
          System.err.println("steady-state: " + e);
          return 1;
        })
        .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = System.err;
    String name = module.getFileName().toString().replaceFirst("\\.wasm$", "");
    var kernel = new Kernel(name, module, module.resolveSibling(name), args);
    JvmContender engine = JvmContender.named(contender);
    JvmContender.Prepared prepared = engine.prepare(kernel);
    if (!engine.mode().isEmpty()) {
      err.println(LaunchedContender.MODE + engine.mode());
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < warmup + runs; i++) {
      KernelRun run = prepared.run();
      out.print(run.stdout());
      out.flush();
      if (run.exitStatus() != 0) {
        return run.exitStatus();
      }
      if (i >= warmup) {
        nanos[i - warmup] = run.nanos();
        err.printf(Locale.ROOT, "%s%.3f%n", LaunchedContender.STEADY, run.nanos() / 1e6);
      }
    }
    if (runs > 0) {
      err.printf(Locale.ROOT, "MEDIAN_MS %.3f%n", ResultTable.medianMillis(nanos));
    }
    return 0;
  }
}
