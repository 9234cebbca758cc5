package dev.isola.cli.corpus;

import dev.isola.cli.IsolaCommand;
import dev.isola.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a WASI command through the CLI in-process, as {@code isola exec} does from a shell, capturing output. */
final class IsolaRun {
  private IsolaRun() {}

  /**
   * One {@code isola exec}.
   *
   * @param status the command's exit status, which for {@code exec} is the guest's
   * @param stderr what Isola and the guest wrote on standard error (not compared with native; shown on failure)
   */
  record Result(int status, String stdout, String stderr) {}

  /**
   * {@code isola exec --dir DIR::/ --env NAME=VALUE... WASM ARGS... < STDIN}: {@code dir} is preopened as
   * {@code /}, which is wasi-libc's working directory, so the program's relative paths land in {@code dir}, as they
   * land in the native run's working directory. The guest's {@code argv[0]} is the module's file name.
   */
  static Result exec(Path wasm, List<String> args, Map<String, String> env, String stdin, Path dir) {
    var command = new ArrayList<String>(List.of("exec", "--dir", dir + "::/"));
    env.forEach((name, value) -> command.addAll(List.of("--env", name + "=" + value)));
    command.add(wasm.toString());
    command.addAll(args);
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int status = IsolaCommand.commandLine(new Terminal(in, out, err)).execute(command.toArray(String[]::new));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
