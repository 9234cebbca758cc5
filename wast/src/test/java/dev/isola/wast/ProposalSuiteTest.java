package dev.isola.wast;

import dev.isola.compiler.Compiler;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.EngineConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The proposal scripts on both tiers, each set with its feature on ({@link WastRunner#featuresFor}). By default
 * the sets Isola supports, tail-call, extended-const and multi-memory; {@code -Dspec.proposals=multi-memory}
 * chooses others (a comma-separated list), {@code -Dspec.tiers} one tier as for {@link SpecSuiteTest}. Prints
 * {@code spec proposals (interp): N passed, N failed, N skipped} and the same for {@code compiled}, and writes
 * failures to {@code spec-proposals-<tier>-failures.txt}. The scripts' tail recursions a million calls deep
 * run on both tiers within the default call depth: the compiled tier runs tail calls in constant stack too.
 */
class ProposalSuiteTest {
  private static final WastRunner RUNNER = new WastRunner(EngineConfig.of(new Interpreter()),
      new PrintStream(PrintStream.nullOutputStream()), SpecSuiteTest.SIMD_EXECUTION);
  private static final Map<String, Summary> RESULTS = new TreeMap<>();
  private static final WastRunner COMPILED_RUNNER = new WastRunner(EngineConfig.of(new Compiler()),
      new PrintStream(PrintStream.nullOutputStream()), SpecSuiteTest.SIMD_EXECUTION);
  private static final Map<String, Summary> COMPILED_RESULTS = new TreeMap<>();

  @TestFactory
  Stream<DynamicContainer> proposals() {
    return SpecSuiteTest.runs("interp") ? proposals(RUNNER, RESULTS) : Stream.empty();
  }

  @TestFactory
  Stream<DynamicContainer> proposalsCompiled() {
    return SpecSuiteTest.runs("compiled") ? proposals(COMPILED_RUNNER, COMPILED_RESULTS) : Stream.empty();
  }

  private static Stream<DynamicContainer> proposals(WastRunner runner, Map<String, Summary> results) {
    String chosen = System.getProperty("spec.proposals", "");
    String[] names = (chosen.isBlank() ? "tail-call,extended-const,multi-memory" : chosen).split(",");
    Path proposals = SpecSuiteTest.suite().getParent().resolve("proposals");
    return Arrays.stream(names).map(String::strip).map(name -> {
      Path root = proposals.resolve(name).resolve("json");
      try {
        return DynamicContainer.dynamicContainer(name, SpecSuiteTest.tests(root, runner, results));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @AfterAll
  static void report() throws IOException {
    if (SpecSuiteTest.runs("interp")) {
      SpecSuiteTest.report("spec proposals (interp)", "spec-proposals-interp-failures.txt", RESULTS);
    }
    if (SpecSuiteTest.runs("compiled")) {
      SpecSuiteTest.report("spec proposals (compiled)", "spec-proposals-compiled-failures.txt", COMPILED_RESULTS);
    }
  }
}
