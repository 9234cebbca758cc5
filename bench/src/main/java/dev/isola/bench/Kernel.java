package dev.isola.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One benchmark kernel, built by {@code bench/run.sh} into a directory as {@code NAME.wasm} and a native {@code
 * NAME} beside it.
 *
 * @param name the kernel's name (its C file's name without {@code .c})
 * @param wasm the WASI command
 * @param nativeBinary the same program compiled for the host
 * @param args the arguments after {@code argv[0]} (empty: the kernel's fixed default amount of work)
 */
public record Kernel(String name, Path wasm, Path nativeBinary, List<String> args) {
  public Kernel {
    args = List.copyOf(args);
  }

  /** {@code argv} as the guest sees it: the kernel's name, then its arguments. */
  public List<String> argv() {
    var argv = new ArrayList<String>();
    argv.add(name);
    argv.addAll(args);
    return argv;
  }

  /** The module's path, then the arguments: how command-line runners take a kernel. */
  public List<String> moduleAndArgs() {
    var command = new ArrayList<String>();
    command.add(wasm.toAbsolutePath().toString());
    command.addAll(args);
    return command;
  }

  public byte[] wasmBytes() {
    try {
      return Files.readAllBytes(wasm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code NAME.wasm} in {@code dir}, sorted by name, each with its native binary {@code dir/NAME}. */
  public static List<Kernel> findAll(Path dir, List<String> args) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".wasm"))
          .sorted()
          .map(p -> {
            String name = p.getFileName().toString().replaceFirst("\\.wasm$", "");
            return new Kernel(name, p, dir.resolve(name), args);
          })
          .toList();
    }
  }
}
