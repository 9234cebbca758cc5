package dev.isola.hal.sim.device;

import java.nio.file.Path;

/**
 * The other end of a simulated UART's wires. Parsed from the board file's {@code endpoint} key: {@code
 * "terminal"} (the default: this process's stdin and stdout), {@code "none"} (nothing: tests inject and
 * capture through the board's test API), {@code "file:PATH"} (transmitted bytes appended to PATH; nothing is
 * received), {@code "fifo:PATH"} (two named pipes, created if missing: the UART receives what is written into
 * {@code PATH.rx} and transmits into {@code PATH.tx}; {@code cat PATH.tx} and {@code cat > PATH.rx} in two
 * terminals make a serial console; a pseudo-terminal would need a native call the JDK does not offer).
 */
public sealed interface UartEndpoint {
  record Terminal() implements UartEndpoint {}

  record None() implements UartEndpoint {}

  record File(Path path) implements UartEndpoint {}

  record Fifo(Path path) implements UartEndpoint {}

  /** Parses an endpoint; throws {@link IllegalArgumentException} with the accepted forms. */
  static UartEndpoint parse(String text) {
    if (text.equals("terminal")) {
      return new Terminal();
    }
    if (text.equals("none")) {
      return new None();
    }
    if (text.startsWith("file:") && text.length() > 5) {
      return new File(Path.of(text.substring(5)));
    }
    if (text.startsWith("fifo:") && text.length() > 5) {
      return new Fifo(Path.of(text.substring(5)));
    }
    throw new IllegalArgumentException(
        "endpoint must be \"terminal\", \"none\", \"file:PATH\" or \"fifo:PATH\", not \"" + text + "\"");
  }
}
