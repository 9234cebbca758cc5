package dev.isola.kernel.container;

import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.CGuests;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.TestSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two contexts of one C instance (kernel/src/test/guests/contexts.c) recurse with arrays in their stack frames
 * and sleep in turn, in the middle of their recursions. With a stack region per context and {@code
 * __stack_pointer} saved and restored at every switch their frames stay intact; without, they overwrite each
 * other's and the guest counts the damage.
 */
class ContextStackTest {
  @TempDir
  Path dir;

  @AfterEach
  void restoreSwitch() {
    Incarnation.switchStacks = true;
  }

  private String outcome;

  private List<String> run(Path module) throws Exception {
    TestSystems.Log log = new TestSystems.Log();
    var spec = system(dir, container("pair", module).context("ping").context("pong").build());
    try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog(log))) {
      kernel.start();
      assertTrue(kernel.awaitStopped(Duration.ofSeconds(60)), "both contexts end");
      outcome = kernel.summary().container("pair").lastOutcome();
    }
    return log.of("pair");
  }

  @Test
  void eachContextKeepsItsOwnStack() throws Exception {
    List<String> lines = run(CGuests.compile("contexts", dir));
    assertEquals("exited with status 0", outcome);
    assertTrue(lines.contains("ping done errors=0"), lines.toString());
    assertTrue(lines.contains("pong done errors=0"), lines.toString());
    // They ran in turn: pong's first round ended before ping's last one (both sleep mid-recursion).
    int pongFirst = lines.indexOf("pong round 0 frames=6");
    int pingLast = lines.indexOf("ping round 3 frames=13");
    assertTrue(pongFirst >= 0 && pingLast >= 0 && pongFirst < pingLast, lines.toString());
  }

  @Test
  void withoutTheSwitchTheContextsCorruptEachOther() throws Exception {
    Path module = CGuests.compile("contexts", dir);
    Incarnation.switchStacks = false;
    // Where the frames collide depends on how the sleeps interleave; a few runs make a collision certain enough
    // (one run almost always shows it), and every run must still finish.
    List<String> reports = new java.util.ArrayList<>();
    for (int run = 0; run < 3; run++) {
      List<String> lines = run(module);
      reports.add(lines.stream().filter(l -> l.contains(" done errors=")).toList().toString());
      if (lines.stream().anyMatch(l -> l.contains(" done errors=") && !l.endsWith("errors=0"))
          || !"exited with status 0".equals(outcome)) {
        return; // corruption detected (as counted errors, or as a trap caused by it)
      }
    }
    org.junit.jupiter.api.Assertions.fail("no corruption detected without the stack switch: " + reports);
  }
}
