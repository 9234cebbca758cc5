package dev.isola.bench.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interrupt-latency benchmark still measures what it says, in a short run: every event reaches its handler
 * once (no figure is asserted: speed goals live in the benchmark's own runs).
 */
class IrqBenchTest {
  @ParameterizedTest
  @ValueSource(strings = {"idle", "nested"})
  void everyEventReachesItsHandlerOnce(String mode) throws Exception {
    IrqBench.Result r = IrqBench.measure(mode, 200, false);
    assertEquals(200, r.sortedNanos().length);
    // A warm-up of 40 events, then the 200 measured: one handler run each.
    assertEquals(240, r.runs());
    assertTrue(r.sortedNanos()[0] > 0, "the handler's clock reading comes after the event's");
    assertTrue(r.line().startsWith("irq latency " + mode), r.line());
  }
}
