package dev.isola.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The three standard streams a command and its guest program use. {@code out} and {@code err} are raw byte
 * streams because a guest writes bytes; Isola's own text goes through {@link #messages()} and {@link #report()}.
 */
public record Terminal(InputStream in, OutputStream out, OutputStream err) {
  /**
   * The process's streams. Guest output goes straight to file descriptors 1 and 2, unbuffered, so that each
   * {@code fd_write} is one write as in a native program and interleaves correctly with the other stream.
   */
  public static Terminal system() {
    return new Terminal(System.in, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
  }

  /** Isola's own results (validate, inspect, wast), on standard output. */
  public PrintStream report() {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  /** Isola's own errors, on standard error. */
  public PrintStream messages() {
    return new PrintStream(err, true, StandardCharsets.UTF_8);
  }
}
