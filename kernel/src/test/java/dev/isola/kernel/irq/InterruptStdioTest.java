package dev.isola.kernel.irq;

import static dev.isola.kernel.TestSystems.awaitTrue;
import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.kernel.CGuests;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.TestSystems;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.config.TierChoice;
import dev.isola.kernel.container.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A handler run at an interrupt point (a host call's return: WASI's {@code fd_write} among them) must leave the
 * interrupted C code as it found it: a C guest prints numbered lines through stdio while the test storms its
 * line, and every line must come out exactly once, whole, in order (the greenhouse's rogue printed the tail
 * of earlier lines again when it did not). On both tiers.
 */
class InterruptStdioTest {
  private static final int LINES = 400;

  @TempDir
  Path dir;

  private final TestSystems.Log log = new TestSystems.Log();

  @ParameterizedTest
  @EnumSource(value = TierChoice.class, names = {"INTERP", "COMPILED"})
  void aStormOfHandlersLeavesPrintfOutputIntact(TierChoice tier) throws Exception {
    Path module = CGuests.compile("irq_printf", dir);
    ContainerSpec writer = container("writer", module).priority(10).context("writer").build();
    SystemSpec base = system(dir, writer);
    SystemSpec spec = new SystemSpec(base.file(), base.name(), base.cpus(), base.slice(), tier, base.regions(),
        base.containers());
    AtomicBoolean storming = new AtomicBoolean(true);
    try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog(log))) {
      kernel.start();
      Container c = kernel.container("writer").orElseThrow();
      awaitTrue(() -> c.interrupts().isPresent(), "writer to boot");
      IrqGuests.TestSource tick = new IrqGuests.TestSource("tick");
      assertEquals(0, c.interrupts().orElseThrow().attach(1, tick, "on_tick"));
      Thread storm = Thread.ofPlatform().daemon().start(() -> {
        while (storming.get()) {
          tick.fire();
          LockSupport.parkNanos(20_000);
        }
      });
      try {
        log.await("writer", "done handled");
      } finally {
        storming.set(false);
        storm.join();
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < LINES; i++) {
        expected.add("line " + i + ": the quick brown fox jumps over the lazy dog " + i * 7);
      }
      expected.add("done handled>0=1");
      assertEquals(expected, log.of("writer"));
    }
  }
}
