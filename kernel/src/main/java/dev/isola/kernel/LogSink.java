package dev.isola.kernel;

/**
 * The kernel's log: one line at a time, from any thread, tagged with the container it concerns. Guests' stdout
 * and stderr lines, {@code isola_log} calls and the kernel's own events (a trap, a restart, a swap) all go
 * here.
 */
@FunctionalInterface
public interface LogSink {
  void line(String container, String text);
}
