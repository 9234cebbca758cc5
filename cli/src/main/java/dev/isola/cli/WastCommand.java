package dev.isola.cli;

import dev.isola.runtime.EngineConfig;
import dev.isola.wast.Summary;
import dev.isola.wast.WastRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code isola wast}: runs one spec test script, as converted by {@code wast2json}, and prints each failure
 * then the summary line {@code N passed, N failed, N skipped} last, so scripts can read it with {@code tail -1}.
 */
@Command(
    name = "wast",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a spec test script converted by wast2json (FILE.json, with its .wasm files beside it).",
        "Prints the failures, then 'N passed, N failed, N skipped'; exits with 1 if anything failed."})
final class WastCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Mixin
  TierOption tierOption;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "The wast2json command file.")
  Path script;

  WastCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(script)) {
      throw new NoSuchFileException(script.toString());
    }
    PrintStream out = terminal.report();
    // The runner prints each failure to its log as it happens; the summary line comes last.
    WastRunner runner = new WastRunner(EngineConfig.of(tierOption.loader(terminal).executionTier()), out, true);
    Summary summary = runner.run(script);
    out.println(summary.line());
    return summary.failed() == 0 ? ExitCode.OK.code() : ExitCode.FAILED.code();
  }
}
