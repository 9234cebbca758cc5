package dev.isola.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The kernel compiled for the host ({@code cc -O2}), run as a process: the baseline every ratio is taken to.
 * Its time includes starting the process (about a millisecond), which the kernels' sizes make small.
 */
public record NativeContender() implements Contender {
  @Override
  public String name() {
    return "native";
  }

  @Override
  public Prepared prepare(Kernel kernel) {
    var command = new ArrayList<String>();
    command.add(kernel.nativeBinary().toAbsolutePath().toString());
    command.addAll(kernel.args());
    return () -> run(new ProcessBuilder(command));
  }

  private static KernelRun run(ProcessBuilder builder) throws IOException, InterruptedException {
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] stdout = process.getInputStream().readAllBytes();
    int status = process.waitFor();
    long nanos = System.nanoTime() - start;
    return new KernelRun(new String(stdout, StandardCharsets.UTF_8), status, nanos);
  }
}
