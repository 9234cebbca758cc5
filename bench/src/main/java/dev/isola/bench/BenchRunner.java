package dev.isola.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs every kernel on every contender in this one process: {@code --warmup} unmeasured runs (so the JVM's JIT
 * has compiled the engines' hot paths), then {@code --runs} measured ones. Every run's output must equal the
 * first contender's, or the kernel is reported as a mismatch and the exit status is 1: a fast wrong answer is no
 * result. A contender that fails (an engine not ready, a trap) is reported and left out of that kernel's row.
 *
 * <p>Usage (bench/run.sh builds the kernels and the class path): {@code java -cp ... dev.isola.bench.BenchRunner
 * --kernels DIR [--contenders native,isola,chicory] [--warmup 2] [--runs 5] [--only fib,sieve] [--arg fib=25]}
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Runs the CPU kernels on Isola, Chicory and natively, and prints a table of median times.")
public final class BenchRunner implements Callable<Integer> {
  @Option(names = "--kernels", required = true, description = "Directory with NAME.wasm and the native NAME.")
  Path kernels;

  @Option(names = "--contenders", split = ",", defaultValue = "native,isola,chicory",
      description = "Which to run, in column order; native is the baseline of the ratios (default: ${DEFAULT-VALUE}).")
  List<String> contenders;

  @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured runs per kernel and contender.")
  int warmup;

  @Option(names = "--runs", defaultValue = "5", description = "Measured runs per kernel and contender.")
  int runs;

  @Option(names = "--only", split = ",", description = "Run only these kernels.")
  List<String> only;

  @Option(names = "--arg", description = "Arguments for one kernel, e.g. --arg fib=25 (space-separated).")
  Map<String, String> kernelArgs; // null when not given: picocli fills a map of its own

  private final PrintStream out;

  BenchRunner(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchRunner(System.out)).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Contender> chosen = contenders.stream().map(BenchRunner::contender).toList();
    String baseline = contenders.contains("native") ? "native" : contenders.getFirst();
    var table = new ResultTable(contenders, baseline);
    boolean ok = true;
    for (Kernel found : Kernel.findAll(kernels, List.of())) {
      if (only != null && !only.contains(found.name())) {
        continue;
      }
      String extra = kernelArgs == null ? "" : kernelArgs.getOrDefault(found.name(), "").strip();
      Kernel kernel = extra.isEmpty() ? found
          : new Kernel(found.name(), found.wasm(), found.nativeBinary(), List.of(extra.split("\\s+")));
      ok &= runKernel(kernel, chosen, table);
    }
    out.println();
    out.print(table.format());
    return ok ? 0 : 1;
  }

  /** Runs one kernel on every contender; false if any failed or disagreed with the first one's output. */
  private boolean runKernel(Kernel kernel, List<Contender> chosen, ResultTable table) {
    String expected = null;
    boolean ok = true;
    for (Contender contender : chosen) {
      out.printf("%-12s %-8s ", kernel.name(), contender.name());
      out.flush();
      try {
        Contender.Prepared prepared = contender.prepare(kernel);
        for (int i = 0; i < warmup; i++) {
          check(kernel, prepared.run(), expected);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
          KernelRun run = prepared.run();
          check(kernel, run, expected);
          if (expected == null) {
            expected = run.stdout();
            table.checksum(kernel.name(), run.checksum());
          }
          nanos[i] = run.nanos();
        }
        table.add(kernel.name(), contender.name(), nanos);
        out.printf("median %.1f ms%n", ResultTable.medianMillis(nanos));
      } catch (Exception | Error e) {
        // StackOverflowError or an engine's own error must not lose the other contenders' results.
        ok = false;
        out.println("FAILED: " + e);
      }
    }
    return ok;
  }

  private static void check(Kernel kernel, KernelRun run, String expected) {
    if (run.exitStatus() != 0) {
      throw new IllegalStateException(kernel.name() + " exited with status " + run.exitStatus());
    }
    if (expected != null && !expected.equals(run.stdout())) {
      throw new IllegalStateException(kernel.name() + " printed " + quote(run.stdout()) + ", expected "
          + quote(expected));
    }
  }

  private static String quote(String s) {
    return '"' + s.replace("\n", "\\n") + '"';
  }

  static Contender contender(String name) {
    return switch (name) {
      case "native" -> new NativeContender();
      case "isola" -> new IsolaContender();
      case "chicory" -> new ChicoryContender();
      default -> throw new IllegalArgumentException("unknown contender " + name + " (native, isola, chicory)");
    };
  }
}
