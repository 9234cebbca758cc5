package dev.isola.cli;

import dev.isola.wasi.Preopen;
import dev.isola.wasi.WasiConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --dir} and {@code --env} of {@code exec} and {@code bench} (a picocli mixin), and the WASI configuration
 * they make: the guest sees only what it is given.
 */
final class WasiOptions {
  @Option(names = "--dir", paramLabel = "HOST[::GUEST]", converter = PreopenConverter.class,
      description = "Lets the program open files under the host directory HOST, as GUEST (default: HOST).")
  List<Preopen> dirs = new ArrayList<>();

  @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Sets an environment variable of the program.")
  Map<String, String> env = new LinkedHashMap<>();

  /** The program's configuration: {@code argv[0]} is the module's file name, then {@code args}. */
  WasiConfig config(ModuleFile file, List<String> args, Terminal terminal) {
    List<String> argv = new ArrayList<>();
    argv.add(file.fileName());
    argv.addAll(args);
    return WasiConfig.builder()
        .args(argv)
        .env(env)
        .preopens(dirs)
        .stdin(terminal.in())
        .stdout(terminal.out())
        .stderr(terminal.err())
        .build();
  }
}
