package dev.isola.bench.kernel;

import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.config.Budget;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.ContextSpec;
import dev.isola.kernel.config.Criticality;
import dev.isola.kernel.config.RestartPolicy;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.config.TierChoice;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The containers' figures (issue 4), measured through the whole kernel ({@link Kernel}: stores, instances,
 * WASI, isola:sys, scheduler) and printed as one line each:
 *
 * <ul>
 *   <li>{@code heap}: heap retained per idle small container: N containers (default 200) whose guest (one 64 KiB
 *       page of memory) sleeps in {@code isola_sleep_for}; used heap after a full GC, before and after they
 *       all sleep, divided by N.
 *   <li>{@code budget}: CPU share of a Wasm spinner container with a 2 ms / 10 ms budget beside an unlimited
 *       lower-priority spinner, on one CPU, over 5 s: the share against the 20% reserved.
 * </ul>
 *
 * Run: {@code java -XX:+UseZGC -cp "$(cat bench/target/bench-classpath.txt):bench/target/classes"
 * dev.isola.bench.kernel.ContainerBench [heap [N]|budget]...} (both when none is named).
 */
public final class ContainerBench {
  private static final String SLEEPER = """
      (module
        (import "isola:sys" "sleep_for" (func $sleep (param i64) (result i32)))
        (memory 1)
        (func (export "_start") (drop (call $sleep (i64.const 3600000000000)))))
      """;

  private static final String SPINNER = """
      (module
        (memory 1)
        (func (export "_start") (loop $l (br $l))))
      """;

  private ContainerBench() {}

  public static void main(String[] args) throws Exception {
    List<String> which = args.length == 0 ? List.of("heap", "budget") : List.of(args);
    for (int i = 0; i < which.size(); i++) {
      switch (which.get(i)) {
        case "heap" -> {
          int n = 200;
          if (i + 1 < which.size() && which.get(i + 1).matches("\\d+")) {
            n = Integer.parseInt(which.get(++i));
          }
          heap(n);
        }
        case "budget" -> budget();
        default -> throw new IllegalArgumentException("unknown measure " + which.get(i) + " (heap [N]|budget)");
      }
    }
  }

  private static void heap(int n) throws Exception {
    Path dir = Files.createTempDirectory("isola-heap");
    Path module = wat(dir, "sleeper", SLEEPER);
    Map<String, ContainerSpec> containers = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      containers.put("c" + i, container("c" + i, module, 10, Optional.empty()));
    }
    SystemSpec spec = system(dir, 2, containers);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog((c, t) -> { }))) {
      long before = usedAfterGc(memory);
      kernel.start();
      // All asleep: each has run its _start up to the sleep (CPU time charged), none holds a permit.
      while (kernel.summary().containers().stream().anyMatch(c -> c.cpuNanos() == 0)) {
        Thread.sleep(50);
      }
      Thread.sleep(500);
      long after = usedAfterGc(memory);
      System.out.printf(Locale.ROOT, "heap: %d sleeping containers retain %.1f KiB each (%.1f MiB in all; "
          + "each guest's linear memory is 64 KiB of it)%n", n, (after - before) / 1024.0 / n,
          (after - before) / 1024.0 / 1024.0);
    }
  }

  private static void budget() throws Exception {
    Path dir = Files.createTempDirectory("isola-budget");
    Path module = wat(dir, "spinner", SPINNER);
    Map<String, ContainerSpec> containers = new LinkedHashMap<>();
    containers.put("budgeted", container("budgeted", module, 20,
        Optional.of(new Budget(Duration.ofMillis(2), Duration.ofMillis(10)))));
    containers.put("hog", container("hog", module, 10, Optional.empty()));
    try (Kernel kernel = Kernel.create(system(dir, 1, containers), KernelOptions.defaults()
        .withLog((c, t) -> { }))) {
      kernel.start();
      Thread.sleep(1000); // warm-up: the interpreter's first second is not the steady state
      ContainerSummary a = kernel.summary().container("budgeted");
      long wall0 = kernel.summary().wallNanos();
      Thread.sleep(5000);
      ContainerSummary b = kernel.summary().container("budgeted");
      long wall = kernel.summary().wallNanos() - wall0;
      double share = (double) (b.cpuNanos() - a.cpuNanos()) / wall;
      System.out.printf(Locale.ROOT, "budget: spinner with 2ms/10ms (20%% of one CPU) beside an unlimited "
          + "lower-priority spinner on 1 CPU: %.2f%% of the CPU over %.1f s (%.1f%% of its budget; "
          + "budget used since start %.1f%%)%n", 100 * share, wall / 1e9, 100 * share / 0.2,
          100 * b.budgetShareUsed());
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static ContainerSpec container(String name, Path module, int priority, Optional<Budget> budget) {
    // A long watchdog: a spinner runs without host calls on purpose.
    return new ContainerSpec(name, module, priority, Criticality.MEDIUM, budget, 1L << 20, RestartPolicy.NEVER,
        Duration.ofHours(1), ContainerSpec.DEFAULT_STACK, Map.of(), List.of(), Map.of(), List.<ContextSpec>of(),
        List.of(), Map.of());
  }

  private static SystemSpec system(Path dir, int cpus, Map<String, ContainerSpec> containers) {
    return new SystemSpec(dir.resolve("bench.toml"), "bench", cpus, Duration.ofMillis(5), TierChoice.INTERP,
        Map.of(), containers);
  }

  private static Path wat(Path dir, String name, String text) throws Exception {
    Path file = dir.resolve(name + ".wasm");
    Files.write(file, ModuleEncoder.encode(TextParser.parseModule(text, SystemCheck.FEATURES)));
    return file;
  }
}
