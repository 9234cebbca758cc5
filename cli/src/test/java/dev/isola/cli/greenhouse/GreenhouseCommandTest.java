package dev.isola.cli.greenhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.cli.IsolaCommand;
import dev.isola.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code bin/isola run examples/greenhouse}, in-process with --for and plain lines. */
class GreenhouseCommandTest {
  @Test
  void runsTheDirectoryShowsStatusLinesAndTheSummary(@TempDir Path dir) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    System.setProperty("isola.sim.endpoint", "none");
    System.setProperty("isola.sim.time-scale", Double.toString(RunningGreenhouse.TIME_SCALE));
    int status;
    try {
      status = IsolaCommand.commandLine(new Terminal(InputStream.nullInputStream(), out, err))
          .execute("run", Greenhouse.DIR.toString(), "--for", "3s", "--socket", dir.resolve("s").toString());
    } finally {
      System.clearProperty("isola.sim.endpoint");
      System.clearProperty("isola.sim.time-scale");
    }
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("isola: system greenhouse: 4 containers on 2 CPUs"),
        err.toString(StandardCharsets.UTF_8));
    // Not a terminal: a plain status line a second, with the board's readings and each container's CPU share.
    String statusLine = "\\[\\d+\\.\\ds\\] room\\.temperature .* °C .*fan\\.duty .*\\| thermo running \\d+\\.\\d%.*, "
        + "control running \\d+\\.\\d%.*, console running \\d+\\.\\d%.*, rogue running .*";
    assertTrue(stdout.lines().anyMatch(l -> l.matches(statusLine)), stdout);
    assertTrue(stdout.contains("thermo | thermo v1: TMP102 configured"), stdout);
    assertTrue(stdout.contains("control | control: keeping the room at 22.00 C +/- 1 C"), stdout);
    assertTrue(stdout.contains("system greenhouse: ran "), stdout);
    assertTrue(stdout.lines().anyMatch(l -> l.matches("  control +stopped .*")), stdout);
  }
}
