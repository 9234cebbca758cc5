package dev.isola.fuzz;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The bounded differential run CI does: seeds {@code fuzz.start .. fuzz.start + fuzz.seeds - 1} (1 and 800),
 * or just {@code -Dfuzz.seed=S} to reproduce one. Each seed's module runs on the oracle and the candidate tier
 * ({@link Tiers}); any disagreement fails the test with the seed, the module kept under the build folder and
 * the first differing step. Skipped, with the reason, only where wasm-opt is missing.
 *
 * <p>One summary line is printed in the form CI's log scraper collects.
 */
class DifferentialTest {
  /** Far beyond any seed's time (about a second for the largest): only a hang reaches it. */
  private static final long SEED_MINUTES = 5;

  @Test
  void tiersAgreeOnRandomModules() throws Exception {
    WasmOpt wasmOpt = WasmOpt.configured();
    String version = wasmOpt.version();
    assumeTrue(version != null, "wasm-opt (binaryen) not found: install the Debian package binaryen (CI does)"
        + " or point -Dfuzz.wasmopt at it to run differential fuzzing");
    List<Long> seeds = seeds();
    Tiers tiers = Tiers.configured();
    FuelMode fuel = FuelMode.configured();
    Path workDir = buildDir().resolve("fuzz-modules");
    var campaign = new Campaign(wasmOpt, tiers, fuel, workDir);

    var disagreements = new ArrayList<Verdict>();
    int agreed = 0;
    int skipped = 0;
    // wasm-opt runs in its own process: generate the next module while this one runs on both tiers.
    // Seeds are judged on a daemon thread, so that a hung tier can be abandoned.
    ExecutorService judge = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-judge");
      t.setDaemon(true);
      return t;
    });
    try (ExecutorService generator = Executors.newSingleThreadExecutor()) {
      var pending = new ArrayList<Future<Path>>();
      for (long seed : seeds) {
        pending.add(generator.submit(() -> campaign.generate(seed)));
      }
      for (int i = 0; i < seeds.size(); i++) {
        Path module;
        try {
          module = pending.get(i).get();
        } catch (ExecutionException e) {
          // wasm-opt itself failed on this input even without optional features: nothing to run.
          skipped++;
          System.out.println("fuzz: skipped seed " + seeds.get(i) + ": " + e.getCause().getMessage());
          continue;
        }
        long seed = seeds.get(i);
        Future<Verdict> judged = judge.submit(() -> campaign.judge(seed, module));
        Verdict v;
        try {
          v = judged.get(SEED_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
          // A tier that never reaches a safepoint ignores the store's deadline; its thread cannot be stopped,
          // so the run ends here rather than hang CI.
          disagreements.add(new Verdict(seed, Verdict.Kind.DISAGREED, "no verdict within " + SEED_MINUTES
              + " minutes: a tier hangs without polling", module));
          generator.shutdownNow();
          break;
        }
        switch (v.kind()) {
          case AGREED -> agreed++;
          case SKIPPED -> {
            skipped++;
            System.out.println("fuzz: skipped " + v);
          }
          case DISAGREED -> {
            disagreements.add(v);
            System.out.println("fuzz: DISAGREEMENT " + v);
          }
        }
      }
    }
    judge.shutdown();
    if (tiers.oracle().equals(tiers.candidate())) {
      System.out.println("fuzz: the compiler does not run modules yet, so " + tiers.oracle()
          + " was compared with itself (the harness is exercised, the tiers are not)");
    }
    System.out.println("fuzz: " + version + ", fuel " + fuel.name().toLowerCase(Locale.ROOT) + ", seeds "
        + seeds.getFirst() + ".." + seeds.getLast() + "; oracle outcomes " + campaign.tally()
        + ", most fuel in one step " + campaign.mostFuel() + ", " + campaign.tailCallCoverage());
    if (!campaign.nanNondeterminism().isEmpty()) {
      System.out.println("fuzz: seeds that agreed only with NaNs removed (spec-allowed NaN bits in memory): "
          + campaign.nanNondeterminism());
    }
    if (!campaign.fallbacks().isEmpty()) {
      int count = campaign.fallbacks().values().stream().mapToInt(List::size).sum();
      System.out.println("fuzz: " + count + " of " + seeds.size() + " modules ran on the interpreter instead of "
          + tiers.candidate() + " (so compared with itself), by reason:");
      campaign.fallbacks().forEach((reason, which) -> System.out.println("fuzz:   " + reason + ": " + which.size()
          + " (seeds " + which.subList(0, Math.min(5, which.size())) + (which.size() > 5 ? ", ..." : "") + ")"));
    }
    // The summary in the form .ci/run collects: letters, spaces and parentheses, then the counts.
    System.out.printf("Differential fuzzing (%s): %d passed, %d failed, %d skipped%n", tiers, agreed,
        disagreements.size(), skipped);
    if (!disagreements.isEmpty()) {
      var message = new StringBuilder(disagreements.size() + " of " + seeds.size() + " seeds disagree ("
          + tiers + "); reproduce one with -Dtest=DifferentialTest -Dfuzz.seed=S, shrink its module with"
          + " fuzz/reduce MODULE FUEL_BUDGET, and add it to the regressions (RegressionTest):");
      disagreements.forEach(v -> message.append("\n  ").append(v));
      fail(message.toString());
    }
  }

  private static List<Long> seeds() {
    String one = System.getProperty("fuzz.seed", "");
    if (!one.isBlank()) {
      return List.of(Long.parseLong(one.trim()));
    }
    long start = Long.getLong("fuzz.start", 1);
    long count = Long.getLong("fuzz.seeds", 800);
    var seeds = new ArrayList<Long>();
    for (long s = start; s < start + count; s++) {
      seeds.add(s);
    }
    return seeds;
  }

  /** This module's build folder ({@code target}, or whatever {@code -Disola.target} named). */
  static Path buildDir() {
    String dir = System.getProperty("isola.buildDir", "");
    return dir.isBlank() ? Path.of("target") : Path.of(dir);
  }
}
