package dev.isola.cli;

import dev.isola.compiler.aot.ModuleLoader;
import dev.isola.compiler.aot.Tier;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.EngineConfig;
import picocli.CommandLine.Option;

/**
 * {@code --tier}, shared by {@code exec}, {@code wast} and {@code bench} (a picocli mixin), and the loader it
 * configures. Warnings about rejected artifacts go to standard error as {@code isola: warning: ...}.
 */
final class TierOption {
  @Option(names = "--tier", paramLabel = "TIER", converter = TierConverter.class,
      description = "interp, compiled or auto (default: ${DEFAULT-VALUE}): auto compiles small modules and those"
          + " with an artifact, and interprets large ones.")
  Tier tier = Tier.DEFAULT;

  ModuleLoader loader(Terminal terminal) {
    return new ModuleLoader(tier, EngineConfig.of(new Interpreter()),
        warning -> terminal.messages().println("isola: warning: " + warning));
  }
}
