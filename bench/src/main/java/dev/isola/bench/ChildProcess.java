package dev.isola.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One finished child process: what it printed on each stream, its exit status and its wall-clock time from
 * starting it to its end, which includes starting the process and, for a runtime, starting that runtime.
 */
public record ChildProcess(List<String> command, String stdout, String stderr, int status, long nanos) {
  public ChildProcess {
    command = List.copyOf(command);
  }

  /** Runs {@code command} to its end; its standard input is empty. */
  public static ChildProcess run(List<String> command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    long start = System.nanoTime();
    Process process = builder.start();
    // Both pipes are drained at once: a child that fills the one not being read would block for ever.
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()),
        Thread::startVirtualThread);
    String stdout = text(process.getInputStream());
    int status = process.waitFor();
    long nanos = System.nanoTime() - start;
    return new ChildProcess(command, stdout, stderr.join(), status, nanos);
  }

  /** The last lines of standard error, for a one-line failure message. */
  public String stderrTail() {
    List<String> lines = stderr.strip().lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  private static String text(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
