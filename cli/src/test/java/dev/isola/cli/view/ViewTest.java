package dev.isola.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.SystemSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the two views draw of snapshots: text only, from figures made up here. */
class ViewTest {
  private static ContainerSummary container(String name, long cpuNanos, long misses) {
    return new ContainerSummary(name, "running", cpuNanos, 0.5, 10, 10, misses, 0, 0, 0, 0, 0.1, 1, 0, "");
  }

  private static Snapshot at(long wallNanos, long thermoCpu, long rogueCpu, List<String> log) {
    return new Snapshot(new SystemSummary("greenhouse", wallNanos, wallNanos / 2,
        List.of(container("thermo", thermoCpu, 0), container("rogue", rogueCpu, 3))),
        List.of(new Gauge("room.temperature", "21.50 °C"), new Gauge("heater", "on")), Map.of("rogue", 1234L), log);
  }

  @Test
  void statusLineShowsTheReadingsAndTheCpuShareOfTheLastInterval() {
    Snapshot first = at(1_000_000_000L, 10_000_000L, 200_000_000L, List.of());
    Snapshot second = at(2_000_000_000L, 30_000_000L, 300_000_000L, List.of());
    assertEquals("[1.0s] room.temperature 21.50 °C   heater on | thermo running 1.0%, rogue running 20.0% misses 3\n",
        new StatusLines().draw(null, first));
    // Over the second interval: thermo 20ms of 1s, rogue 100ms of 1s.
    assertEquals("[2.0s] room.temperature 21.50 °C   heater on | thermo running 2.0%, rogue running 10.0% misses 3\n",
        new StatusLines().draw(first, second));
  }

  @Test
  void liveScreenClearsOnceThenRedrawsInPlaceWithTheLogTail() {
    Snapshot first = at(1_000_000_000L, 10_000_000L, 200_000_000L, List.of("control | heater on at 20.90 C"));
    String screen = new LiveScreen().draw(null, first);
    assertTrue(screen.startsWith("\033[2J\033[H"), screen);
    assertTrue(screen.endsWith("\033[J"), screen);
    assertTrue(screen.contains("room.temperature 21.50 °C   heater on\033[K\n"), screen);
    assertTrue(screen.contains("control | heater on at 20.90 C\033[K\n"), screen);
    String row = screen.lines().filter(l -> l.startsWith("rogue")).findFirst().orElseThrow();
    assertTrue(row.matches("rogue +running +20\\.0% +50\\.0% +3 +1234 .*"), row);
    String thermo = screen.lines().filter(l -> l.startsWith("thermo")).findFirst().orElseThrow();
    assertTrue(thermo.matches("thermo +running +1\\.0% +50\\.0% +0 +- .*"), "no interrupt lines: " + thermo);
    String again = new LiveScreen().draw(first, at(2_000_000_000L, 30_000_000L, 300_000_000L, List.of()));
    assertTrue(again.startsWith("\033[H") && !again.contains("\033[2J"), again);
  }

  @Test
  void liveScreenWrapsTheReadingsToEightyColumns() {
    List<Gauge> many = java.util.stream.IntStream.range(0, 8).mapToObj(i -> new Gauge("sensor.value" + i, "12.50 °C"))
        .toList();
    Snapshot s = new Snapshot(new SystemSummary("g", 1, 0, List.of()), many, Map.of(), List.of());
    List<String> lines = new LiveScreen().draw(null, s).lines().map(l -> l.replace("\033[K", ""))
        .filter(l -> l.startsWith("sensor.")).toList();
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80), lines.toString());
    assertEquals("sensor.value0 12.50 °C   sensor.value1 12.50 °C   sensor.value2 12.50 °C", lines.get(0));
  }

  @Test
  void monitorPrintsLogLinesAtOnceForLinesAndKeepsATailForTheScreen() throws InterruptedException {
    var out = new ByteArrayOutputStream();
    var lines = new Monitor(new StatusLines(), new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofHours(1));
    lines.log("thermo", "configured");
    assertEquals("thermo | configured\n", out.toString(StandardCharsets.UTF_8));

    var screenOut = new ByteArrayOutputStream();
    var live = new Monitor(new LiveScreen(), new PrintStream(screenOut, true, StandardCharsets.UTF_8),
        Duration.ofHours(1));
    for (int i = 0; i < Monitor.LOG_TAIL + 3; i++) {
      live.log("rogue", "line " + i);
    }
    assertEquals(0, screenOut.size(), "kept for the screen, not printed");
    live.stop(at(1_000_000_000L, 0, 0, List.of()).summary(), List.of(), Map.of());
    String screen = screenOut.toString(StandardCharsets.UTF_8);
    assertTrue(screen.contains("rogue | line " + (Monitor.LOG_TAIL + 2)), screen);
    assertTrue(!screen.contains("rogue | line 2\033"), "only the last " + Monitor.LOG_TAIL + " lines: " + screen);
  }
}
