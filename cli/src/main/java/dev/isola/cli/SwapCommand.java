package dev.isola.cli;

import dev.isola.kernel.ControlMessage;
import dev.isola.kernel.ControlSocket;
import dev.isola.kernel.config.SystemFile;
import dev.isola.kernel.config.SystemFileException;
import dev.isola.kernel.config.SystemSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isola swap}: asks the running system (its {@code isola run}, through the control socket) to replace
 * one container's module, and prints the outcome: swapped, refused (with why; nothing stopped) or rolled back
 * (with why; the old module runs again). Waits for the grace period to pass.
 */
@Command(
    name = "swap",
    mixinStandardHelpOptions = true,
    description = {
        "Replaces one container's module in a running system (started by 'isola run SYSTEM').",
        "Prints 'swapped', 'refused: why' (exit 8) or 'rolled back: why' (exit 8)."})
final class SwapCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SYSTEM", converter = SystemFileConverter.class,
      description = "The running system's file, or its directory (the file names its socket).")
  Path system;

  @Parameters(index = "1", paramLabel = "CONTAINER", description = "The container whose module to replace.")
  String container;

  @Parameters(index = "2", paramLabel = "MODULE.wasm", description = "The new module.")
  Path module;

  @Option(names = "--socket", paramLabel = "PATH",
      description = "The control socket (default: the one 'isola run' chose for this system).")
  Path socket;

  private final Terminal terminal;

  SwapCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    PrintStream err = terminal.messages();
    Path path = socket;
    if (path == null) {
      SystemSpec spec;
      try {
        spec = SystemFile.load(system);
      } catch (SystemFileException e) {
        e.problems().forEach(err::println);
        return ExitCode.SYSTEM_FILE.code();
      }
      path = ControlSocket.defaultPath(spec.name());
    }
    ControlMessage.Response r;
    try {
      r = ControlSocket.send(path, new ControlMessage.Request("swap", container,
          module.toAbsolutePath().normalize().toString()));
    } catch (IOException e) {
      err.println("isola: no running system answers on " + path + " (start it with 'isola run " + system + "'): "
          + e.getMessage());
      return ExitCode.IO_ERROR.code();
    }
    switch (r.outcome()) {
      case "swapped" -> {
        terminal.report().println(r.message());
        return ExitCode.OK.code();
      }
      case "refused", "rolled-back" -> {
        err.println(r.message());
        return ExitCode.SWAP_FAILED.code();
      }
      default -> {
        err.println("isola: " + r.message());
        return ExitCode.USAGE.code();
      }
    }
  }
}
