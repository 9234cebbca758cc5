package dev.isola.cli;

import dev.isola.compiler.aot.ModuleLoader;
import dev.isola.compiler.aot.Tier;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --aot FILE} of {@code exec} and {@code bench} (a picocli mixin): the artifact {@code isola compile}
 * wrote. Without it, {@code MODULE.wasm.aot} beside the module is used if it exists, so that compiling once is
 * enough; {@code --tier interp} ignores it.
 */
final class AotOption {
  @Option(names = "--aot", paramLabel = "FILE",
      description = "Loads the compiled module from FILE, written by 'isola compile' (default: MODULE.wasm.aot"
          + " if it exists). A stale or damaged file is reported and the module compiled instead.")
  Path aot;

  /**
   * The artifact to try for {@code module}, or null.
   *
   * @throws NoSuchFileException if {@code --aot} names a file that does not exist (most likely a typo)
   * @throws ParameterException if {@code --aot} is combined with {@code --tier interp}
   */
  Path artifact(CommandSpec spec, Path module, Tier tier) throws NoSuchFileException {
    if (aot != null) {
      if (tier == Tier.INTERP) {
        throw new ParameterException(spec.commandLine(), "--aot loads compiled code: it cannot go with --tier interp");
      }
      if (!Files.isRegularFile(aot)) {
        throw new NoSuchFileException(aot.toString());
      }
      return aot;
    }
    Path beside = ModuleLoader.artifactBeside(module);
    return tier != Tier.INTERP && Files.isRegularFile(beside) ? beside : null;
  }
}
