package dev.isola.cli.greenhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.sim.SimBoard;
import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.SwapOutcome;
import dev.isola.kernel.SystemSummary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The greenhouse end to end on the simulated board (time-scaled: see {@link RunningGreenhouse}). No timing
 * assertions: the room's temperature is sampled and every sample must lie in the band; waits are generous bounds
 * on conditions, not measurements.
 */
class GreenhouseRunTest {
  private static final Duration SETTLE = Duration.ofSeconds(60);

  @Test
  void loopSettlesInItsBandAndControlMissesNoDeadlineWhileTheRogueStorms() throws Exception {
    try (RunningGreenhouse g = RunningGreenhouse.start(20.0)) {
      SimBoard sim = g.sim();
      g.awaitLog("control \\| heater on at .*", SETTLE);
      g.awaitInBand(SETTLE);
      g.awaitLog("control \\| heater off at .*", SETTLE);
      // The rogue storms (it reports once a second). The controller must keep every deadline, from its very first
      // activation: the kernel's start-up rehearsal ran before the system started (without it, the first
      // activation met a cold JVM and missed, docs/kernel.md).
      g.awaitLog("rogue \\| rogue: \\d+ spins, [1-9]\\d* ticks, .*", SETTLE);
      long activationsBefore = g.kernel().summary().container("control").activations();
      // Four wall seconds are twenty seconds of room time.
      List<String> outside = g.watchRoom(Duration.ofSeconds(4), RunningGreenhouse::inBand);
      assertTrue(outside.isEmpty(), "the room left its band: " + outside);
      assertTrue(sim.levels("heater").size() >= 3, "the heater switched on and off: " + sim.levels("heater"));
      assertTrue(sim.led("led"), "the LED shows the room in its band");
      g.awaitActivations("control", activationsBefore + 20, SETTLE);

      SystemSummary s = g.kernel().summary();
      ContainerSummary control = s.container("control");
      // On a machine loaded far beyond its cores the controller can miss without any rogue (measured: the system
      // without it missed too, at a load average of 6 on 2 cores): look at the load before blaming the kernel.
      assertEquals(0, control.deadlineMisses(), "control missed deadlines while the rogue stormed: " + control);
      for (String name : List.of("thermo", "control", "console")) {
        assertEquals(0, s.container(name).traps(), name + " trapped: " + g.log());
        assertEquals("running", s.container(name).state(), name);
      }
      ContainerSummary rogue = s.container("rogue");
      // Held to its budget (2ms per 10ms), its handler's time included; a generous margin for the period in progress.
      assertTrue(rogue.budgetShareUsed() <= 1.2, "rogue over its budget: " + rogue);
      // Every forbidden call answered an error code: the heater is not its label (ENOENT), the buffer is outside
      // its memory (EFAULT).
      assertTrue(g.logged("rogue \\| rogue: .* heater -> -9, wild write -> -1"), String.join("\n", g.log()));
    }
  }

  @Test
  void hotSwapOfTheDriverWhileTheLoopRuns() throws Exception {
    try (RunningGreenhouse g = RunningGreenhouse.start(21.5)) {
      g.awaitLog("control \\| control: reading from thermo v1", SETTLE);
      g.awaitInBand(SETTLE);
      long activationsBefore = g.kernel().summary().container("control").activations();

      SwapOutcome outcome = g.kernel().swap("thermo", Greenhouse.DIR.resolve("thermo-v2.wasm"));
      assertInstanceOf(SwapOutcome.Swapped.class, outcome, outcome.describe());
      g.awaitLog("thermo \\| thermo v2: TMP102 configured .*", SETTLE);
      g.awaitLog("control \\| control: reading from thermo v2", SETTLE);
      List<String> outside = g.watchRoom(Duration.ofSeconds(3), RunningGreenhouse::inBand);
      assertTrue(outside.isEmpty(), "the room left its band after the swap: " + outside);
      g.awaitActivations("control", activationsBefore + 20, SETTLE);

      SystemSummary s = g.kernel().summary();
      assertEquals(1, s.container("thermo").swaps());
      assertEquals(0, s.container("thermo").rollbacks());
      // The controller ran on throughout (its periods after the swap are what kept the room in the band above).
      // Its deadlines are not asserted here: the swap compiles and instantiates the new module meanwhile, and a
      // portal call into thermo waits for thermo while it changes hands; the storm test asserts them.
      assertEquals(0, s.container("control").traps(), String.join("\n", g.log()));
      assertEquals("running", s.container("control").state());
    }
  }

  @Test
  void consoleAnswersCommandsTheButtonAndTheSensorsAlert() throws Exception {
    try (RunningGreenhouse g = RunningGreenhouse.start(21.5)) {
      SimBoard sim = g.sim();
      g.awaitLog("control \\| control: reading from thermo v1", SETTLE);
      RunningGreenhouse.await(() -> sim.outputText("uart0").contains("greenhouse console"), SETTLE, "the banner");

      sim.inject("uart0", "status\r");
      RunningGreenhouse.await(() -> sim.outputText("uart0").matches("(?s).*room \\d+\\.\\d\\d C  target 22\\.00 C.*"),
          SETTLE, "a status line on the UART");

      sim.press("button");
      g.awaitLog("console \\| button: night", SETTLE);
      g.awaitLog("control \\| control: target now 17\\.00 C", SETTLE);
      sim.release("button");

      sim.inject("uart0", "set 22\r");
      g.awaitLog("control \\| control: target now 22\\.00 C", SETTLE);

      // A hot afternoon: the sensor's ALERT interrupt reaches thermo, the fan runs and brings the room back.
      sim.roomTemperature(31.0);
      g.awaitLog("thermo \\| ALERT: the room is above 30 C .*", SETTLE);
      RunningGreenhouse.await(() -> sim.fanDuty("fan") > 0.9, SETTLE, "the fan at full speed");
      g.awaitInBand(SETTLE);
      RunningGreenhouse.await(() -> sim.fanDuty("fan") == 0, SETTLE, "the fan stopped in the band");
    }
  }
}
