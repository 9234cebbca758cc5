package dev.isola.hal.sim.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named pipes for a UART's FIFO endpoint. The JDK cannot create one, so this runs {@code mkfifo} (coreutils,
 * on every Linux and macOS) once per path; an existing FIFO is used as it is.
 */
final class Fifos {
  private Fifos() {}

  static void make(Path path) throws IOException {
    if (Files.exists(path)) {
      return;
    }
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        throw new IOException("mkfifo " + path + ": " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted creating " + path, e);
    }
  }
}
