package dev.isola.cli;

import dev.isola.compiler.aot.ModuleLoader;
import dev.isola.runtime.GuestExit;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.wasi.Wasi;
import dev.isola.wasi.WasiConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isola bench}: a module's steady-state speed. The module is loaded and compiled once; its {@code _start}
 * then runs W + R times in this process, each time on a fresh instance (a new store and a new WASI guest, so no
 * state carries over), while the JIT warms up. The program's output passes through unchanged; after each of the
 * R measured runs {@code STEADY_MS <milliseconds>} goes to standard error, and a {@code MEDIAN_MS} line ends it.
 *
 * <p>A run's time is from instantiation to the return of {@code _start}: what a fresh instance costs, with the
 * module's code already prepared. A run that exits with a status other than 0, or traps, ends the benchmark with
 * that status, as {@code exec} would.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Measures a WASI command's steady-state speed: runs its _start W+R times on fresh instances in one process.",
        "Prints 'STEADY_MS <ms>' on standard error after each measured run, then 'MEDIAN_MS <ms> (...)'."})
final class BenchCommand extends ModuleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TierOption tierOption;

  @Mixin
  AotOption aotOption;

  @Mixin
  WasiOptions wasiOptions;

  @Option(names = "--warmup", paramLabel = "W", description = "Runs before measuring (default: ${DEFAULT-VALUE}).")
  int warmup = 3;

  @Option(names = "--runs", paramLabel = "R", description = "Measured runs (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Parameters(index = "0", paramLabel = "MODULE.wasm", description = "The module to measure.")
  Path module;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
  List<String> args = new ArrayList<>();

  BenchCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  Path modulePath() {
    return module;
  }

  @Override
  public Integer call() throws Exception {
    if (warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--warmup must not be negative: " + warmup);
    }
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1: " + runs);
    }
    ModuleFile file = moduleFile();
    byte[] bytes = file.read();
    // Background compilation on: under --tier auto a large module's later runs use compiled code, as a
    // long-running embedder (the kernel) would see it.
    Module compiled = tierOption.loader(terminal).backgroundCompilation(true)
        .load(file.displayName(), decode(bytes), bytes, aotOption.artifact(spec, file.path(), tierOption.tier));
    WasiConfig config = wasiOptions.config(file, args, terminal);

    Wasi.requireCommand(compiled);
    PrintStream messages = terminal.messages();
    double[] measured = new double[runs];
    Map<String, Integer> tiers = new TreeMap<>();
    for (int run = 0; run < warmup + runs; run++) {
      Outcome outcome = runOnce(compiled, config);
      if (outcome.status() != 0) {
        return outcome.status();
      }
      if (run >= warmup) {
        measured[run - warmup] = outcome.millis();
        tiers.merge(outcome.tier(), 1, Integer::sum);
        messages.println("STEADY_MS " + format(outcome.millis()));
      }
    }
    double[] sorted = measured.clone();
    Arrays.sort(sorted);
    messages.println("MEDIAN_MS " + format(median(sorted)) + " (" + runs + " runs after " + warmup
        + " warm-up, min " + format(sorted[0]) + ", max " + format(sorted[sorted.length - 1]) + ", tier "
        + describe(tiers) + ")");
    return ExitCode.OK.code();
  }

  /** One run: its exit status, its time, and the tier that ran it. */
  private record Outcome(int status, double millis, String tier) {}

  private static Outcome runOnce(Module module, WasiConfig config) {
    try (Wasi wasi = new Wasi(config)) {
      Store store = new Store(module.engine());
      long start = System.nanoTime();
      Instance instance = store.instantiate(module, wasi.define(new Imports()));
      String tier = ModuleLoader.tierOf(instance);
      int status;
      try {
        instance.function("_start").call();
        status = 0;
      } catch (GuestExit e) {
        status = e.status();
      }
      return new Outcome(status, (System.nanoTime() - start) / 1e6, tier);
    }
  }

  /** The median of sorted values: the middle one, or the mean of the middle two. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String format(double millis) {
    return String.format(Locale.ROOT, "%.3f", millis);
  }

  /** "compiled", or "interp x2, compiled x3" when the tier changed between runs (auto's background compiler). */
  private static String describe(Map<String, Integer> tiers) {
    if (tiers.size() == 1) {
      return tiers.keySet().iterator().next();
    }
    return String.join(", ", tiers.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList());
  }
}
