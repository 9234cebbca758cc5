package dev.isola.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The test command {@code fuzz/reduce} hands to binaryen's {@code wasm-reduce}: runs one module on both tiers
 * and prints only the <em>kind</em> of the first disagreement (which step and aspect, not the values), exiting 1
 * if the tiers disagree. wasm-reduce keeps shrinking the module while that output stays the same, so the
 * reduced module still shows the same disagreement, and what remains is small enough for a regression test.
 *
 * <p>Usage: {@code Reduce MODULE.wasm FUEL_BUDGET ORACLE CANDIDATE FUEL_MODE SEED} (the seed draws the second
 * round's arguments, as in {@link DifferentialTest}).
 */
public final class Reduce {
  private Reduce() {}

  public static void main(String[] args) throws Exception {
    byte[] wasm = Files.readAllBytes(Path.of(args[0]));
    long budget = Long.parseLong(args[1]);
    var tiers = new Tiers(args[2], args[3]);
    FuelMode fuel = FuelMode.valueOf(args[4]);
    var seed = OptionalLong.of(Long.parseLong(args[5]));
    List<Call> oracle = Execution.execute(wasm, Tiers.named(tiers.oracle()), budget, seed).calls();
    List<Call> candidate = Execution.execute(wasm, Tiers.named(tiers.candidate()), budget, seed).calls();
    var disagreement = Comparison.firstDisagreement(oracle, candidate, fuel, "oracle", "candidate");
    if (disagreement.isEmpty()) {
      System.out.println("agree");
      System.exit(0);
    }
    System.out.println("disagree: " + disagreement.get().aspect());
    System.exit(1);
  }
}
