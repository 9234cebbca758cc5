package dev.isola.kernel;

import static dev.isola.kernel.TestSystems.awaitTrue;
import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static dev.isola.kernel.TestSystems.wat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot swap: a checked module replaces a running one; a module that does not fit is refused before anything
 * stops; one that traps within the grace period is rolled back. A periodic neighbour misses no deadline.
 */
class HotSwapTest {
  @TempDir
  Path dir;

  private final TestSystems.Log log = new TestSystems.Log();

  /** A periodic context {@code tick} that logs {@code word} at every activation. */
  private static String logging(String word) {
    return """
        (module
          (import "isola:sys" "log" (func $log (param i32 i32 i32)))
          (memory 1)
          (data (i32.const 0) "WORD")
          (func (export "tick") (call $log (i32.const 2) (i32.const 0) (i32.const LEN))))
        """.replace("WORD", word).replace("LEN", Integer.toString(word.length()));
  }

  private Kernel kernel() throws Exception {
    var worker = container("worker", wat(dir, "v1", logging("v1"))).priority(5)
        .periodic("tick", Duration.ofMillis(10)).build();
    var ticker = container("ticker", wat(dir, "ticker", Guests.TICKER)).priority(20)
        .periodic("tick", Duration.ofMillis(100)).build();
    Kernel kernel = Kernel.create(system(dir, worker, ticker),
        KernelOptions.defaults().withLog(log).withSwapGrace(Duration.ofMillis(300)));
    kernel.start();
    log.await("worker", "v1");
    return kernel;
  }

  /** The ticker's misses so far: the JVM's warm-up is not the swap's doing, so the swap is compared to this. */
  private long missesBefore;

  private void beforeTheSwap(Kernel kernel) {
    awaitTrue(() -> kernel.summary().container("ticker").activations() >= 3, "the ticker to warm up");
    missesBefore = kernel.summary().container("ticker").deadlineMisses();
  }

  private void noMissedDeadline(Kernel kernel) {
    long activations = kernel.summary().container("ticker").activations();
    awaitTrue(() -> kernel.summary().container("ticker").activations() >= activations + 2, "two more ticks");
    ContainerSummary t = kernel.summary().container("ticker");
    assertEquals(missesBefore, t.deadlineMisses(), t.toString());
  }

  @Test
  void swapsInACheckedModule() throws Exception {
    try (Kernel kernel = kernel()) {
      beforeTheSwap(kernel);
      SwapOutcome o = kernel.swap("worker", wat(dir, "v2", logging("v2")));
      assertInstanceOf(SwapOutcome.Swapped.class, o, o.describe());
      long v1 = log.count("worker", "v1");
      log.await("worker", "v2");
      awaitTrue(() -> log.count("worker", "v2") >= 5, "five activations of v2");
      assertEquals(v1, log.count("worker", "v1"), "v1 no longer runs");
      ContainerSummary w = kernel.summary().container("worker");
      assertEquals(1, w.swaps());
      assertEquals(0, w.rollbacks());
      assertEquals("running", w.state());
      noMissedDeadline(kernel);
    }
  }

  @Test
  void refusesAModuleThatDoesNotFitBeforeStoppingAnything() throws Exception {
    try (Kernel kernel = kernel()) {
      Path wrong = wat(dir, "wrong", "(module (memory 1) (func (export \"tock\")))");
      SwapOutcome o = kernel.swap("worker", wrong);
      var refused = assertInstanceOf(SwapOutcome.Refused.class, o, o.describe());
      assertTrue(refused.why().contains("no export \"tick\""), refused.why());
      Path garbage = dir.resolve("garbage.wasm");
      java.nio.file.Files.write(garbage, new byte[] {1, 2, 3});
      assertInstanceOf(SwapOutcome.Refused.class, kernel.swap("worker", garbage));
      assertInstanceOf(SwapOutcome.Refused.class, kernel.swap("nobody", wrong));
      long v1 = log.count("worker", "v1");
      awaitTrue(() -> log.count("worker", "v1") > v1 + 3, "the old module to keep running");
      assertEquals(0, kernel.summary().container("worker").swaps());
      assertEquals(0, log.count("worker", "stopped: hot swap"), "the old instance never stopped");
    }
  }

  @Test
  void rollsBackAModuleThatTrapsInItsGracePeriod() throws Exception {
    try (Kernel kernel = kernel()) {
      Path bad = wat(dir, "bad", "(module (memory 1) (func (export \"tick\") (unreachable)))");
      beforeTheSwap(kernel);
      SwapOutcome o = kernel.swap("worker", bad);
      var back = assertInstanceOf(SwapOutcome.RolledBack.class, o, o.describe());
      assertTrue(back.why().contains("unreachable"), back.why());
      long v1 = log.count("worker", "v1");
      awaitTrue(() -> log.count("worker", "v1") > v1 + 3, "the old module to run again");
      ContainerSummary w = kernel.summary().container("worker");
      assertEquals(1, w.swaps());
      assertEquals(1, w.rollbacks());
      assertEquals("running", w.state());
      noMissedDeadline(kernel);
    }
  }

  @Test
  void theControlSocketCarriesSwapsAsJsonLines() throws Exception {
    try (Kernel kernel = kernel();
         ControlSocket socket = ControlSocket.open(kernel, dir.resolve("c.sock"))) {
      Path v2 = wat(dir, "v2", logging("v2"));
      var r = ControlSocket.send(socket.path(), new ControlMessage.Request("swap", "worker", v2.toString()));
      assertEquals("swapped", r.outcome(), r.message());
      assertEquals("worker", r.container());
      var refused = ControlSocket.send(socket.path(), new ControlMessage.Request("swap", "nobody", v2.toString()));
      assertEquals("refused", refused.outcome());
      var unknown = ControlSocket.send(socket.path(), new ControlMessage.Request("dance", "worker", null));
      assertEquals("error", unknown.outcome());
      log.await("worker", "v2");
    }
    assertTrue(java.nio.file.Files.notExists(dir.resolve("c.sock")), "the socket file is removed at close");
  }
}
