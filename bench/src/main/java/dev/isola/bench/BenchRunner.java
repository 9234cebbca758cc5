package dev.isola.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs every kernel on every contender, measured two ways ({@code --measure}): the steady state ({@code
 * --warmup} unmeasured runs, so the JITs have done their work, then {@code --runs} measured ones, in one process,
 * a fresh instance each) and the whole process ({@code --runs} fresh processes that run the kernel once). Every
 * run's output must equal the first contender's, or the kernel is reported as a mismatch: a fast wrong answer
 * is no result. A contender that fails (an engine not ready, a trap, a runtime not installed) is reported as
 * FAILED for that kernel and left out of its row; the others go on. Either makes the exit status 1.
 *
 * <p>Usage (bench/run.sh builds the kernels and the class path): {@code java -cp ... dev.isola.bench.BenchRunner
 * --kernels DIR [--contenders native,isola-compiled,...] [--measure steady,process] [--warmup 2] [--runs 5]
 * [--only fib,sieve] [--arg fib=25] [--graal-compiler DIR] [--isola-cli bin/isola] [--node node]}
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Runs the CPU kernels on Isola, Chicory, GraalWasm, node and natively; prints tables of median times.")
public final class BenchRunner implements Callable<Integer> {
  /** Every contender, in the default column order. */
  static final List<String> ALL = List.of(
      "native", "isola-compiled", "isola-interp", "chicory-compiled", "chicory-interp", "graalwasm", "node");

  @Option(names = "--kernels", required = true, description = "Directory with NAME.wasm and the native NAME.")
  Path kernels;

  @Option(names = "--contenders", split = ",",
      description = "Which to run, in column order; native is the baseline of the ratios (default: all of "
          + "native,isola-compiled,isola-interp,chicory-compiled,chicory-interp,graalwasm,node; node only if found).")
  List<String> contenders;

  @Option(names = "--measure", split = ",", defaultValue = "steady,process",
      description = "steady (warm, in one process), process (whole process per run), or both (default: ${DEFAULT-VALUE}).")
  List<Measure> measures;

  @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured steady-state runs per kernel and contender.")
  int warmup;

  @Option(names = "--runs", defaultValue = "5", description = "Measured runs per kernel, contender and measure.")
  int runs;

  @Option(names = "--only", split = ",", description = "Run only these kernels.")
  List<String> only;

  @Option(names = "--arg", description = "Arguments for one kernel, e.g. --arg fib=25 (space-separated).")
  Map<String, String> kernelArgs; // null when not given: picocli fills a map of its own

  @Option(names = "--graal-compiler", description = "Folder of the Graal compiler's jars for GraalWasm's optimizing "
      + "runtime (bench/run.sh: bench/TARGET/graal-compiler). Without it GraalWasm runs in Truffle's interpreter.")
  Path graalCompiler;

  @Option(names = "--isola-cli", description = "Measure Isola through this launcher's `bench --tier T` and "
      + "`exec --tier T` (e.g. bin/isola) instead of in this JVM.")
  Path isolaCli;

  @Option(names = "--node", defaultValue = "node", description = "The node executable (default: ${DEFAULT-VALUE} on PATH).")
  String node;

  /** The two ways of measuring, in table order. */
  enum Measure {
    STEADY, PROCESS
  }

  private final PrintStream out;

  private BenchRunner(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.out).execute(args));
  }

  /** The runner as a command line that prints to {@code out} ({@code --measure steady} in lower case too). */
  static CommandLine commandLine(PrintStream out) {
    return new CommandLine(new BenchRunner(out)).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() throws Exception {
    List<String> names = contenders != null ? contenders
        : ALL.stream().filter(n -> !n.equals("node") || nodeFound()).toList();
    var chosen = new ArrayList<Contender>();
    for (String name : names) {
      chosen.add(contender(name));
    }
    String baseline = names.contains("native") ? "native" : names.getFirst();
    var tables = new LinkedHashMap<Measure, ResultTable>();
    for (Measure measure : Measure.values()) {
      if (measures.contains(measure)) {
        tables.put(measure, new ResultTable(names, baseline));
      }
    }
    var modes = new LinkedHashMap<String, String>();
    boolean ok = true;
    for (Kernel found : Kernel.findAll(kernels, List.of())) {
      if (only != null && !only.contains(found.name())) {
        continue;
      }
      String extra = kernelArgs == null ? "" : kernelArgs.getOrDefault(found.name(), "").strip();
      Kernel kernel = extra.isEmpty() ? found
          : new Kernel(found.name(), found.wasm(), found.nativeBinary(), List.of(extra.split("\\s+")));
      ok &= runKernel(kernel, chosen, tables, modes);
    }
    for (var table : tables.entrySet()) {
      out.println();
      out.println(switch (table.getKey()) {
        case STEADY -> String.format(Locale.ROOT,
            "Steady state: median of %d runs after %d warm-up runs in one process, a fresh instance each (ms)", runs, warmup);
        case PROCESS -> String.format(Locale.ROOT, "Whole process: median of %d runs, each a new process (ms)", runs);
      });
      out.println();
      out.print(table.getValue().format());
    }
    modes.forEach((name, mode) -> out.printf("%n%s ran in mode: %s%n", name, mode));
    return ok ? 0 : 1;
  }

  /** Runs one kernel on every contender and measure; false if any failed or disagreed with the first output. */
  private boolean runKernel(Kernel kernel, List<Contender> chosen, Map<Measure, ResultTable> tables,
      Map<String, String> modes) {
    var expected = new String[1]; // the first successful run's output, which every other run must print
    boolean ok = true;
    for (Contender contender : chosen) {
      for (var entry : tables.entrySet()) {
        out.printf("%-11s %-16s %-7s ", kernel.name(), contender.name(), entry.getKey().name().toLowerCase(Locale.ROOT));
        out.flush();
        try {
          long[] nanos = switch (entry.getKey()) {
            case STEADY -> {
              SteadyRuns steady = contender.steady(kernel, warmup, runs);
              check(kernel, steady.exitStatus(), steady.stdout(), warmup + runs, expected);
              if (!steady.mode().isEmpty()) {
                modes.put(contender.name(), steady.mode());
              }
              yield steady.nanos();
            }
            case PROCESS -> wholeProcess(kernel, contender, expected);
          };
          entry.getValue().add(kernel.name(), contender.name(), nanos);
          if (expected[0] != null) {
            entry.getValue().checksum(kernel.name(), new KernelRun(expected[0], 0, 0).checksum());
          }
          out.printf(Locale.ROOT, "median %.1f ms%s%n", ResultTable.medianMillis(nanos),
              entry.getKey() == Measure.STEADY && modes.containsKey(contender.name())
                  ? " (" + modes.get(contender.name()) + ")" : "");
        } catch (Exception | Error e) {
          // StackOverflowError or an engine's own error must not lose the other contenders' results.
          ok = false;
          out.println("FAILED: " + e);
        }
      }
    }
    return ok;
  }

  private long[] wholeProcess(Kernel kernel, Contender contender, String[] expected) throws Exception {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      ChildProcess child = ChildProcess.run(contender.processCommand(kernel));
      if (child.status() != 0 && child.stdout().isEmpty()) {
        throw new IllegalStateException("exited with status " + child.status() + ": " + child.stderrTail());
      }
      check(kernel, child.status(), child.stdout(), 1, expected);
      nanos[i] = child.nanos();
    }
    return nanos;
  }

  /**
   * Checks that a contender's {@code count} runs, whose outputs are concatenated in {@code stdout}, each
   * printed the expected output; the first contender to succeed sets it.
   */
  static void check(Kernel kernel, int status, String stdout, int count, String[] expected) {
    if (status != 0) {
      throw new IllegalStateException(kernel.name() + " exited with status " + status);
    }
    String one = expected[0];
    if (one == null) {
      one = stdout.length() % count == 0 ? stdout.substring(0, stdout.length() / count) : stdout;
    }
    if (!stdout.equals(one.repeat(count))) {
      throw new IllegalStateException(kernel.name() + " printed " + quote(stdout) + ", expected " + count + " times "
          + quote(one));
    }
    expected[0] = one;
  }

  private static String quote(String s) {
    String shown = s.length() > 200 ? s.substring(0, 200) + "..." : s;
    return '"' + shown.replace("\n", "\\n") + '"';
  }

  private Contender contender(String name) {
    ChildJvm jvm = ChildJvm.current();
    return switch (name) {
      case "native" -> new NativeContender();
      case "isola-compiled", "isola-interp" -> {
        if (isolaCli == null) {
          yield new InJvmContender(JvmContender.named(name), jvm);
        }
        String tier = name.equals("isola-compiled") ? "compiled" : "interp";
        String cli = isolaCli.toAbsolutePath().toString();
        yield new LaunchedContender(name, List.of(cli, "bench", "--tier", tier), List.of(cli, "exec", "--tier", tier));
      }
      case "chicory-compiled", "chicory-interp" -> new InJvmContender(JvmContender.named(name), jvm);
      case "graalwasm" -> {
        // A child JVM of its own: JVMCI and the Graal compiler are JVM options, and should not change the others.
        List<String> prefix = jvm.withGraalCompiler(graalCompiler).steadyStatePrefix(name);
        var once = new ArrayList<>(prefix);
        once.addAll(List.of("--warmup", "0", "--runs", "1"));
        yield new LaunchedContender(name, prefix, once);
      }
      case "node" -> {
        String script = nodeScript().toString();
        yield new LaunchedContender(name, List.of(node, "--no-warnings", script),
            List.of(node, "--no-warnings", script, "--warmup", "0", "--runs", "1"));
      }
      default -> throw new IllegalArgumentException("unknown contender " + name + " (" + String.join(", ", ALL) + ")");
    };
  }

  private boolean nodeFound() {
    try {
      return ChildProcess.run(List.of(node, "--version")).status() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The node side's script, a resource of this jar, copied to a file node can run. */
  private static Path nodeScript() {
    try (InputStream in = BenchRunner.class.getResourceAsStream("wasi-bench.mjs")) {
      if (in == null) {
        throw new IllegalStateException("wasi-bench.mjs missing from the class path");
      }
      Path script = Files.createTempFile("isola-wasi-bench", ".mjs");
      script.toFile().deleteOnExit();
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
