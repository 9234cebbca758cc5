package dev.isola.kernel;

import static dev.isola.kernel.TestSystems.awaitTrue;
import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static dev.isola.kernel.TestSystems.wat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.config.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault stays in its container: a trap, the watchdog on a guest stuck in a loop; the container is stopped or
 * restarted by its policy while a periodic neighbour keeps counting activations.
 */
class FaultContainmentTest {
  @TempDir
  Path dir;

  private final TestSystems.Log log = new TestSystems.Log();

  private Kernel kernel(TestSystems.ContainerBuilder faulty) throws Exception {
    var ticker = container("ticker", wat(dir, "ticker", Guests.TICKER)).priority(10)
        .periodic("tick", Duration.ofMillis(5)).build();
    return Kernel.create(system(dir, ticker, faulty.build()), KernelOptions.defaults().withLog(log));
  }

  /** Waits until the ticker has completed {@code more} activations beyond what it has now. */
  private static void tickerKeepsCounting(Kernel kernel, int more) {
    long before = kernel.summary().container("ticker").activations();
    awaitTrue(() -> kernel.summary().container("ticker").activations() >= before + more,
        "the ticker to complete " + more + " more activations");
  }

  @Test
  void aTrapStopsOnlyItsContainer() throws Exception {
    try (Kernel kernel = kernel(container("crasher", wat(dir, "crasher", Guests.TRAPPER)).priority(20))) {
      kernel.start();
      log.await("crasher", "trapped in _start");
      tickerKeepsCounting(kernel, 10);
      ContainerSummary crasher = kernel.summary().container("crasher");
      assertEquals("stopped", crasher.state());
      assertEquals(1, crasher.traps());
      assertEquals(0, crasher.restarts());
      assertTrue(crasher.lastOutcome().contains("unreachable"), crasher.lastOutcome());
      ContainerSummary ticker = kernel.summary().container("ticker");
      assertEquals(0, ticker.traps());
      assertEquals("running", ticker.state());
    }
  }

  @Test
  void theWatchdogStopsAGuestStuckInALoop() throws Exception {
    var spinner = container("spinner", wat(dir, "spinner", Guests.SPINNER)).priority(20)
        .watchdog(Duration.ofMillis(100));
    try (Kernel kernel = kernel(spinner)) {
      kernel.start();
      log.await("spinner", "watchdog");
      tickerKeepsCounting(kernel, 10);
      ContainerSummary s = kernel.summary().container("spinner");
      assertEquals("stopped", s.state());
      assertEquals(1, s.traps());
      // The container's loop watchdog ("ran N ms without a host call") fires in the normal case; on a machine so
      // loaded that polls come 100 ms apart, the scheduler's ("no safepoint for N ms") may come first: both stop it.
      assertTrue(s.lastOutcome().startsWith("stopped by the watchdog"), s.lastOutcome());
    }
  }

  @Test
  void onFailureRestartsWithBackoffWhileTheNeighbourRuns() throws Exception {
    var crasher = container("crasher", wat(dir, "crasher", Guests.TRAPPER))
        .restart(RestartPolicy.Kind.ON_FAILURE, Duration.ofMillis(5), Duration.ofMillis(20));
    try (Kernel kernel = kernel(crasher)) {
      kernel.start();
      awaitTrue(() -> kernel.summary().container("crasher").restarts() >= 3, "three restarts");
      tickerKeepsCounting(kernel, 5);
      ContainerSummary s = kernel.summary().container("crasher");
      // Every restart follows a trap; the incarnation now running may have trapped too, not more.
      assertTrue(s.traps() >= s.restarts() && s.traps() <= s.restarts() + 1, s.toString());
      assertEquals(0, kernel.summary().container("ticker").traps());
    }
  }

  @Test
  void onFailureDoesNotRestartAfterACleanExit() throws Exception {
    var hello = container("hello", wat(dir, "hello", Guests.HELLO))
        .restart(RestartPolicy.Kind.ON_FAILURE, Duration.ofMillis(5), Duration.ofMillis(20));
    try (Kernel kernel = kernel(hello)) {
      kernel.start();
      log.await("hello", "exited with status 0");
      tickerKeepsCounting(kernel, 5);
      assertEquals(0, kernel.summary().container("hello").restarts());
      assertEquals("stopped", kernel.summary().container("hello").state());
      assertEquals(1, log.count("hello", "hello"));
    }
  }

  @Test
  void alwaysRestartsAfterACleanExit() throws Exception {
    var hello = container("hello", wat(dir, "hello", Guests.HELLO))
        .restart(RestartPolicy.Kind.ALWAYS, Duration.ofMillis(5), Duration.ofMillis(20));
    try (Kernel kernel = kernel(hello)) {
      kernel.start();
      awaitTrue(() -> log.count("hello", "exited with status 0") >= 3, "three clean exits");
      assertTrue(kernel.summary().container("hello").restarts() >= 2);
      assertEquals(0, kernel.summary().container("hello").traps());
    }
  }

  @Test
  void neverLeavesAFailedExitStopped() throws Exception {
    try (Kernel kernel = kernel(container("quitter", wat(dir, "quitter", Guests.EXIT3)))) {
      kernel.start();
      log.await("quitter", "exited with status 3");
      tickerKeepsCounting(kernel, 5);
      ContainerSummary s = kernel.summary().container("quitter");
      assertEquals("stopped", s.state());
      assertEquals(0, s.restarts());
      assertEquals(0, s.traps());
    }
  }
}
