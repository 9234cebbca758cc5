package dev.isola.kernel.io;

import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.sim.SimBoard;
import dev.isola.kernel.CGuests;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.TestSystems;
import dev.isola.kernel.config.ContainerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every I/O import of {@code sdk/isola.h}, called from C (kernel/src/test/guests/io.c) in a kernel on the sim
 * board, its needs written by the header's ISOLA_NEED macros: the header and the host functions agree.
 */
class IoCGuestTest {
  @TempDir
  Path dir;

  @Test
  void aCGuestCallsEveryIoImport() throws Exception {
    TestSystems.Log log = new TestSystems.Log();
    ContainerSpec c = container("io", CGuests.compile("io", dir)).build();
    c = new ContainerSpec(c.name(), c.module(), c.priority(), c.criticality(), c.budget(), c.memoryLimitBytes(),
        c.restart(), c.watchdog(), c.stackBytes(), c.regions(), c.portalImports(), c.portalExports(), c.contexts(),
        c.args(), c.env(), Map.of("led", "led", "button", "button", "sensor", "tmp102", "soil", "adc0.0",
            "fan", "fan", "console", "uart0", "tick", "timer0.0"), c.interrupts(), c.maskLimit());
    try (Kernel kernel = Kernel.create(system(dir, c), KernelOptions.defaults().withLog(log))) {
      kernel.start();
      assertTrue(kernel.awaitStopped(Duration.ofSeconds(30)));
      SimBoard sim = kernel.board().orElseThrow().unwrap(SimBoard.class).orElseThrow();
      assertEquals(List.of(
          "gpio led=1 write=0 toggle=0 read=0 button=1 drive-input=-8 again=-7",
          // TMP102 power-on configuration 0x60A0; a register pointer above 3 is not acknowledged.
          "i2c config=60a0 write_read=0 transaction=0 write=1 read=2 nack=-13",
          "adc bits=10 ref=3300 raw=512",
          "pwm set=0 enable=0",
          "uart write=13 read=-16 configure=0",
          "timer start=0 stop=0",
          "close 0 0 0 0 0 0 0 -10 bad=-9 efault=-1",
          "[kernel] exited with status 0"), log.of("io"));
      assertTrue(sim.outputText("uart0").contains("hello from C\n"));
      assertEquals(0.5, sim.fanDuty("fan"), 1e-9);
    }
  }
}
