package dev.isola.hal.sim.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event thread on a frozen clock: order, advance, cancel, and the instant an action sees. */
class TimelineTest {
  @Test
  void actionsRunInDueOrderAndSeeTheirOwnInstant() {
    try (Timeline t = new Timeline(new SimClock(0), "test-timeline")) {
      List<String> seen = new ArrayList<>();
      long base = t.clock().now();
      t.at(base + 30, false, () -> seen.add("c@" + (t.now() - base)));
      t.at(base + 10, true, () -> seen.add("a@" + (t.now() - base)));
      t.at(base + 20, false, () -> {
        seen.add("b@" + (t.now() - base));
        t.at(base + 25, true, () -> seen.add("b2@" + (t.now() - base))); // scheduled by an action, still in order
      });
      t.at(base + 10, false, () -> seen.add("a2@" + (t.now() - base))); // same instant: in scheduling order
      t.advance(Duration.ofNanos(5));
      assertEquals(List.of(), seen);
      t.advance(Duration.ofNanos(100));
      assertEquals(List.of("a@10", "a2@10", "b@20", "b2@25", "c@30"), seen);
    }
  }

  @Test
  void cancelledActionsNeitherRunNorStay() {
    try (Timeline t = new Timeline(new SimClock(0), "test-timeline")) {
      int[] runs = {0};
      for (int i = 0; i < 10_000; i++) {
        t.at(t.clock().now() + 1_000_000_000L, true, () -> runs[0]++).cancel();
      }
      assertEquals(0, t.pending(), "a timer re-armed in a loop leaves nothing behind");
      t.advance(Duration.ofSeconds(2));
      assertEquals(0, runs[0]);
    }
  }
}
