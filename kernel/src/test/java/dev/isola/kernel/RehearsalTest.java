package dev.isola.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.config.TierChoice;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The start-up rehearsal runs its two built-in containers, on either tier, through the paths it is there to
 * warm. What that does for a system's first deadlines is asserted end to end by the greenhouse's
 * GreenhouseRunTest (cli) and measured in docs/kernel.md, "The start-up rehearsal".
 */
class RehearsalTest {
  @ParameterizedTest
  @EnumSource(value = TierChoice.class, names = {"INTERP", "COMPILED"})
  void bothContainersRunTheirPeriodsAndThePortalWithoutATrap(TierChoice tier) throws Exception {
    SystemSummary s = Rehearsal.run(Duration.ofMillis(200), tier);
    for (String name : new String[] {"driver", "app"}) {
      ContainerSummary c = s.container(name);
      // A module that could not open its peripherals exits with status 1 at its first activation.
      assertEquals("stopped: the system stopped", c.lastOutcome(), name + ": " + c);
      assertEquals(0, c.traps(), name + ": " + c);
      assertTrue(c.activations() >= 10, name + " ran only " + c.activations() + " periods: " + c);
    }
    assertTrue(s.container("app").portalCalls() >= 10, "app called the driver's portal: " + s.container("app"));
  }
}
