package dev.isola.kernel.container;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A guest's stdout or stderr as lines for the kernel's log: bytes are collected until a newline, then the line
 * (decoded as UTF-8, without the newline) goes to the sink. A line longer than {@link #MAX_LINE} is cut there,
 * so a guest that never writes a newline cannot make the kernel buffer without bound.
 */
final class LogLineStream extends OutputStream {
  static final int MAX_LINE = 4096;

  private final Consumer<String> sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LogLineStream(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public void write(int b) {
    if (b == '\n') {
      emit();
      return;
    }
    line.write(b);
    if (line.size() >= MAX_LINE) {
      emit();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /**
   * Emits a final line without a newline, if any (at the end of the guest's incarnation). Not {@code flush}:
   * WASI may flush after every write, and that must not cut a line in two.
   */
  void finish() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    sink.accept(line.toString(StandardCharsets.UTF_8));
    line.reset();
  }
}
