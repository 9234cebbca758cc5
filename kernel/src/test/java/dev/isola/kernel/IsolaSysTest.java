package dev.isola.kernel;

import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every isola:sys function, called from C through sdk/isola.h (kernel/src/test/guests/sys.c). */
class IsolaSysTest {
  @TempDir
  Path dir;

  @Test
  void aCGuestSeesItsNameLimitsTimeAndExitStatus() throws Exception {
    TestSystems.Log log = new TestSystems.Log();
    var spec = system(dir, container("sys", CGuests.compile("sys", dir)).priority(42).memory(2L << 20)
        .budget(Duration.ofMillis(3), Duration.ofMillis(10)).build());
    try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog(log))) {
      kernel.start();
      assertTrue(kernel.awaitStopped(Duration.ofSeconds(30)));
      List<String> lines = log.of("sys");
      assertEquals(List.of(
          "name=sys len=3",
          "priority=42 criticality=1 memory=2097152 budget=3000000 period=10000000 bad=-2",
          "sleep=0 slept_enough=1",
          "efault=-1 einval=-2",
          "via isola_log",
          "[kernel] exited with status 7"), lines);
      assertEquals("exited with status 7", kernel.summary().container("sys").lastOutcome());
    }
  }
}
