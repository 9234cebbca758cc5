package dev.isola.cli;

import dev.isola.wasm.WasmModule;
import dev.isola.wasm.validate.Validator;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code isola validate}: decodes and validates a module, without preparing code or running anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Checks that a module is well formed and valid (WebAssembly 2.0).",
        "Prints 'MODULE.wasm: valid', or the error with its byte offset and exits with 3."})
final class ValidateCommand extends ModuleCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "MODULE.wasm", description = "The module to check.")
  Path module;

  ValidateCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  Path modulePath() {
    return module;
  }

  @Override
  public Integer call() throws Exception {
    ModuleFile file = moduleFile();
    WasmModule decoded = decode(file.read());
    Validator.validate(decoded, Set.of());
    terminal.report().println(file.displayName() + ": valid");
    return ExitCode.OK.code();
  }
}
