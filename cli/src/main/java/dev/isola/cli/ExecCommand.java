package dev.isola.cli;

import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.wasi.Wasi;
import dev.isola.wasi.WasiConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isola exec}: runs a WASI preview 1 command module with the process's standard streams. The guest sees
 * only what it is given: its {@code argv[0]} is the module's file name, its environment is empty unless
 * {@code --env} says otherwise, and it can open files only under {@code --dir} directories.
 */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a WASI command module (its _start export) and exits with the program's exit status.",
        "The program's argv[0] is the module's file name; its environment is empty unless --env is given."})
final class ExecCommand extends ModuleCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  TierOption tierOption;

  @Mixin
  AotOption aotOption;

  @Mixin
  WasiOptions wasiOptions;

  @Option(names = "--fuel", paramLabel = "N",
      description = "Stops the program with the trap 'out of fuel' after N units of work (deterministic).")
  Long fuel;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stops the program with the trap 'deadline exceeded' after DURATION (e.g. 500ms, 2s, 1m).")
  Duration timeout;

  @Parameters(index = "0", paramLabel = "MODULE.wasm", description = "The module to run.")
  Path module;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
  List<String> args = new ArrayList<>();

  ExecCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  Path modulePath() {
    return module;
  }

  @Override
  public Integer call() throws Exception {
    if (fuel != null && fuel < 0) {
      throw new ParameterException(spec.commandLine(), "--fuel must not be negative: " + fuel);
    }
    ModuleFile file = moduleFile();
    byte[] bytes = file.read();
    Module compiled = tierOption.loader(terminal)
        .load(file.displayName(), decode(bytes), bytes, aotOption.artifact(spec, file.path(), tierOption.tier));

    WasiConfig config = wasiOptions.config(file, args, terminal);
    Store store = new Store(compiled.engine());
    if (fuel != null) {
      store.setFuel(fuel);
    }
    if (timeout != null) {
      // Set last, so that reading and compiling the module do not count against the program's time.
      store.setDeadline(System.nanoTime() + timeout.toNanos());
    }
    try (Wasi wasi = new Wasi(config)) {
      return wasi.run(store, compiled);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }
}
