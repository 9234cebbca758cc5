package dev.isola.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every module under {@code src/test/resources/regressions/} ({@code NAME.wasm} or {@code NAME.wat}) with its
 * agreed transcript {@code NAME.expected}: the oracle must produce exactly that transcript, and the candidate
 * tier must agree with it ({@link Comparison}). Needs no wasm-opt, so it runs everywhere.
 *
 * <p>A disagreement found by {@link DifferentialTest} becomes a regression by copying the kept module here,
 * named after what it reproduces, and running this test once with {@code ISOLA_BLESS=1}, which writes the
 * oracle's transcript (after a check by eye that the oracle is right) with the fuel budget the seed used.
 *
 * <p>{@code NAME.expected}: lines starting with {@code #} describe the case; {@code fuel-budget N} gives the
 * fuel per step (default {@link Campaign#AMPLE_FUEL}); {@code require compiled} fails the case if the compiler
 * hands the module to the interpreter (for cases where the bug was the fallback); {@code arguments-seed S} adds
 * the second round of calls with the arguments seed S draws (a seed's own, for its module); the rest is the transcript
 * ({@link Call#render}).
 */
class RegressionTest {
  private static final String FUEL = "fuel-budget ";
  private static final String REQUIRE_COMPILED = "require compiled";
  private static final String ARGUMENTS_SEED = "arguments-seed ";

  @TestFactory
  Stream<DynamicTest> regressions() throws IOException, URISyntaxException {
    Path dir = Path.of(RegressionTest.class.getResource("/regressions").toURI());
    Tiers tiers = Tiers.configured();
    FuelMode fuel = FuelMode.configured();
    List<Path> modules;
    try (var files = Files.list(dir)) {
      modules = files.filter(p -> p.toString().endsWith(".wasm") || p.toString().endsWith(".wat")).sorted()
          .toList();
    }
    assertTrue(!modules.isEmpty(), "no regression modules in " + dir);
    return modules.stream().map(m -> DynamicTest.dynamicTest(m.getFileName() + " (" + tiers + ")",
        () -> check(m, tiers, fuel)));
  }

  private static void check(Path module, Tiers tiers, FuelMode fuel) throws IOException {
    String file = module.getFileName().toString();
    String name = file.substring(0, file.lastIndexOf('.'));
    byte[] wasm = file.endsWith(".wat")
        ? ModuleEncoder.encode(TextParser.parseModule(Files.readString(module)))
        : Files.readAllBytes(module);
    Path expectedFile = module.resolveSibling(name + ".expected");
    List<String> header = new ArrayList<>();
    String expected = "";
    long budget = Campaign.AMPLE_FUEL;
    boolean requireCompiled = false;
    OptionalLong argumentSeed = OptionalLong.empty();
    if (Files.exists(expectedFile)) {
      var body = new StringBuilder();
      for (String line : Files.readAllLines(expectedFile)) {
        if (line.startsWith("#")) {
          header.add(line);
        } else if (line.equals(REQUIRE_COMPILED)) {
          requireCompiled = true;
          header.add(line);
        } else if (line.startsWith(ARGUMENTS_SEED)) {
          argumentSeed = OptionalLong.of(Long.parseLong(line.substring(ARGUMENTS_SEED.length()).trim()));
          header.add(line);
        } else if (line.startsWith(FUEL)) {
          budget = Long.parseLong(line.substring(FUEL.length()).trim());
        } else {
          body.append(line).append('\n');
        }
      }
      expected = body.toString();
    }
    List<Call> oracle = Execution.execute(wasm, Tiers.named(tiers.oracle()), budget, argumentSeed).calls();
    String transcript = oracle.stream().map(Call::render).collect(Collectors.joining());
    if (System.getenv("ISOLA_BLESS") != null) {
      bless(name, header, budget, transcript);
    } else {
      assertEquals(expected, transcript, tiers.oracle() + " no longer produces the agreed transcript of " + file
          + " (re-bless with ISOLA_BLESS=1 only if the new one is right)");
    }
    Execution.Run candidateRun = Execution.execute(wasm, Tiers.named(tiers.candidate()), budget, argumentSeed);
    List<Call> candidate = candidateRun.calls();
    if (requireCompiled && tiers.candidate().equals("compiled")) {
      assertEquals(Optional.empty(), candidateRun.fallback(), file + " must run compiled, not on the interpreter");
    }
    assertEquals(Optional.empty(), Comparison.firstDisagreement(oracle, candidate, fuel, tiers.oracle(),
        tiers.candidate()), file);
  }

  /** Writes the transcript into the source tree ({@code isola.root}), keeping the case's description. */
  private static void bless(String name, List<String> header, long budget, String transcript)
      throws IOException {
    Path source = Path.of(System.getProperty("isola.root", "..")).resolve(
        "fuzz/src/test/resources/regressions/" + name + ".expected");
    var out = new StringBuilder();
    if (header.isEmpty()) {
      header = List.of("# " + name + ": describe what this reproduces");
    }
    header.forEach(h -> out.append(h).append('\n'));
    out.append(FUEL).append(budget).append('\n').append(transcript);
    Files.writeString(source, out);
  }
}
