package dev.isola.wast;

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
 * The proposal scripts on the interpreter, each set with its feature on ({@link WastRunner#featuresFor}). By
 * default the sets the interpreter supports, tail-call, extended-const and multi-memory; {@code
 * -Dspec.proposals=multi-memory} chooses others (a comma-separated list). Prints {@code spec proposals (interp):
 * N passed, N failed, N skipped} and writes failures to {@code spec-proposals-interp-failures.txt}.
 */
class ProposalSuiteTest {
  private static final WastRunner RUNNER = new WastRunner(EngineConfig.of(new Interpreter()),
      new PrintStream(PrintStream.nullOutputStream()), SpecSuiteTest.SIMD_EXECUTION);
  private static final Map<String, Summary> RESULTS = new TreeMap<>();

  @TestFactory
  Stream<DynamicContainer> proposals() {
    String chosen = System.getProperty("spec.proposals", "");
    String[] names = (chosen.isBlank() ? "tail-call,extended-const,multi-memory" : chosen).split(",");
    Path proposals = SpecSuiteTest.suite().getParent().resolve("proposals");
    return Arrays.stream(names).map(String::strip).map(name -> {
      Path root = proposals.resolve(name).resolve("json");
      try {
        return DynamicContainer.dynamicContainer(name, SpecSuiteTest.tests(root, RUNNER, RESULTS));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @AfterAll
  static void report() throws IOException {
    SpecSuiteTest.report("spec proposals (interp)", "spec-proposals-interp-failures.txt", RESULTS);
  }
}
