package dev.isola.fuzz;

import dev.isola.runtime.spi.ExecutionTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Runs one seed: generate the module, run it on the oracle and on the candidate tier, compare.
 *
 * <p>Reference types: binaryen up to at least version 108 implements an older draft of the proposal, and with
 * {@code --enable-reference-types} often emits what Wasm 2.0 does not have ({@code anyref} holding a
 * {@code ref.func}, typed references {@code (ref $t)}), which Isola rightly rejects. A seed whose module Isola
 * rejects is therefore generated again without reference types (same random bytes), and only if Isola rejects
 * that too is it reported, as a front-end bug. The fallbacks are counted in the verdict's detail.
 *
 * <p>Fuel budget per step is part of the seed: three seeds in four get ample fuel (binaryen's hang limit ends
 * their loops first), one in four a small budget, so that {@code out of fuel} strikes in the middle of real
 * work and the tiers' fuel accounting, and the state they leave when it strikes, are compared.
 *
 * <p>A disagreement is checked once more with the module's NaNs removed ({@link #withoutNans}) before it is
 * reported.
 */
final class Campaign {
  static final long AMPLE_FUEL = 20_000_000;

  private static final String REJECTED = "Isola rejects a module binaryen generated: ";

  private final WasmOpt wasmOpt;
  private final Tiers tiers;
  private final FuelMode fuel;
  private final Path workDir;
  /** How the oracle's steps ended, over all seeds judged: shows what the corpus exercises. */
  private final Map<String, Integer> tally = new TreeMap<>();
  /** Why the candidate handed modules to the interpreter, with how many (the fuzzing those got is void). */
  private final Map<String, List<Long>> fallbacks = new TreeMap<>();
  private long mostFuel;
  /** Seeds whose only disagreement was NaN bits, which the spec leaves open. */
  private final List<Long> nanNondeterminism = new ArrayList<>();
  /** Modules given tail calls ({@link TailCallRewrite}), and the calls that became tail calls in them. */
  private int tailCallModules;
  private int tailCalls;

  Campaign(WasmOpt wasmOpt, Tiers tiers, FuelMode fuel, Path workDir) {
    this.wasmOpt = wasmOpt;
    this.tiers = tiers;
    this.fuel = fuel;
    this.workDir = workDir;
  }

  Tiers tiers() {
    return tiers;
  }

  /** The candidate's fallbacks to the interpreter so far, by reason. */
  Map<String, List<Long>> fallbacks() {
    return Collections.unmodifiableMap(fallbacks);
  }

  /** Seeds that agreed only once their NaNs were removed. */
  List<Long> nanNondeterminism() {
    return Collections.unmodifiableList(nanNondeterminism);
  }

  /** How many modules got tail calls so far, and how many tail calls in all. */
  String tailCallCoverage() {
    return tailCallModules + " modules with " + tailCalls + " tail calls";
  }

  /**
   * The module's bytes; for half the seeds with its calls in tail position made tail calls ({@link
   * TailCallRewrite}), written back so that a disagreement's file is what ran.
   */
  private byte[] load(long seed, Path module) throws IOException {
    byte[] wasm = Files.readAllBytes(module);
    if (new SplittableRandom(seed ^ 0x7a11ca11L).nextBoolean()) {
      TailCallRewrite.Result r = TailCallRewrite.apply(wasm);
      if (r.rewritten() > 0) {
        Files.write(module, r.wasm());
        tailCallModules++;
        tailCalls += r.rewritten();
        return r.wasm();
      }
    }
    return wasm;
  }

  /** The most fuel one step of the oracle used so far. */
  long mostFuel() {
    return mostFuel;
  }

  /** The oracle's step outcomes so far, by kind. */
  Map<String, Integer> tally() {
    return Collections.unmodifiableMap(tally);
  }

  static long fuelBudget(long seed) {
    var random = new SplittableRandom(seed ^ 0x5eedf0e1L);
    return random.nextInt(4) == 0 ? 50 + random.nextInt(2_000) : AMPLE_FUEL;
  }

  /** The seed's module, with reference types if binaryen manages (it sometimes fails an assertion). */
  Path generate(long seed) throws IOException, InterruptedException {
    try {
      return wasmOpt.generate(seed, workDir, true);
    } catch (IOException e) {
      return wasmOpt.generate(seed, workDir, false);
    }
  }

  /** Runs and compares the module generated for {@code seed}; deletes it unless the tiers disagree. */
  Verdict judge(long seed, Path module) throws IOException, InterruptedException {
    byte[] wasm = load(seed, module);
    long budget = fuelBudget(seed);
    Verdict verdict;
    try {
      verdict = compare(seed, module, wasm, budget);
      if (verdict.kind() == Verdict.Kind.DISAGREED && verdict.detail().startsWith(REJECTED)) {
        Files.deleteIfExists(module);
        module = wasmOpt.generate(seed, workDir, false);
        Verdict fallback = compare(seed, module, load(seed, module), budget);
        verdict = new Verdict(seed, fallback.kind(), fallback.detail() + " (without reference types)", module);
      }
      if (verdict.kind() == Verdict.Kind.DISAGREED && !verdict.detail().startsWith(REJECTED)) {
        verdict = withoutNans(verdict, budget);
      }
    } catch (FuzzingSupport.Unsupported e) {
      verdict = new Verdict(seed, Verdict.Kind.SKIPPED, e.getMessage(), module);
    }
    if (verdict.kind() != Verdict.Kind.DISAGREED) {
      Files.deleteIfExists(module);
    }
    return verdict;
  }

  /**
   * A disagreement that disappears when the module's NaNs are turned into zeros is NaN nondeterminism, which the
   * spec allows: an arithmetic NaN may have any sign and payload, so once stored to memory its bytes (and
   * anything later computed from them, such as binaryen's memory hash) may legitimately differ. It happens in
   * practice: the JVM itself gives different NaN bits for the same operation before and after JIT compilation,
   * so such a seed does not even reproduce in a fresh JVM. Values returned or logged are compared canonically
   * ({@link Observed}) and never need this.
   */
  private Verdict withoutNans(Verdict disagreement, long budget) throws IOException, InterruptedException {
    Path denan = wasmOpt.denan(disagreement.module());
    try {
      Verdict again = compare(disagreement.seed(), denan, Files.readAllBytes(denan), budget);
      if (again.kind() == Verdict.Kind.AGREED) {
        nanNondeterminism.add(disagreement.seed());
        return new Verdict(disagreement.seed(), Verdict.Kind.AGREED, "agreed once NaNs are removed (was: "
            + disagreement.detail() + ")", disagreement.module());
      }
      return new Verdict(disagreement.seed(), Verdict.Kind.DISAGREED, disagreement.detail()
          + "; with NaNs removed (--denan) still: " + again.detail(), disagreement.module());
    } finally {
      Files.deleteIfExists(denan);
    }
  }

  private Verdict compare(long seed, Path module, byte[] wasm, long budget) {
    ExecutionTier oracleTier = Tiers.named(tiers.oracle());
    ExecutionTier candidateTier = Tiers.named(tiers.candidate());
    List<Call> oracle = Execution.execute(wasm, oracleTier, budget, OptionalLong.of(seed)).calls();
    Execution.Run candidateRun = Execution.execute(wasm, candidateTier, budget, OptionalLong.of(seed));
    List<Call> candidate = candidateRun.calls();
    // Grouped by reason without the byte offset, so one line per cause.
    candidateRun.fallback().ifPresent(reason -> fallbacks.computeIfAbsent(
        reason.replaceAll(" at offset \\d+", ""), r -> new ArrayList<>()).add(seed));
    for (Call call : oracle.getFirst().outcome() instanceof Outcome.Rejected ? List.<Call>of() : oracle) {
      String key = switch (call.outcome()) {
        case Outcome.Returned r -> "returned";
        case Outcome.Trapped t -> t.kind().message();
        case Outcome.Rejected r -> "rejected";
        case Outcome.Crashed c -> "crashed";
      };
      tally.merge(key, 1, Integer::sum);
      mostFuel = Math.max(mostFuel, call.fuelUsed());
    }
    var disagreement = Comparison.firstDisagreement(oracle, candidate, fuel, tiers.oracle(), tiers.candidate());
    if (disagreement.isPresent()) {
      return new Verdict(seed, Verdict.Kind.DISAGREED,
          disagreement.get().description() + " [fuel budget " + budget + "]", module);
    }
    if (oracle.getFirst().outcome() instanceof Outcome.Rejected r) {
      // Both tiers share the decoder and validator: a module binaryen made and Isola refuses is their bug.
      return new Verdict(seed, Verdict.Kind.DISAGREED, REJECTED
          + r.message(), module);
    }
    return new Verdict(seed, Verdict.Kind.AGREED, "agreed over " + oracle.size() + " steps", module);
  }
}
