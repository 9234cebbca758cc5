package dev.isola.kernel.irq;

import static dev.isola.kernel.TestSystems.awaitTrue;
import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static dev.isola.kernel.TestSystems.wat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.TestSystems;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.container.Container;
import dev.isola.kernel.sched.GroupStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interrupts end to end in a running kernel: WAT guests whose handlers log what they see, lines fired by the
 * test through {@link InterruptController#attach(int, LineSource, String)} (the I/O API's sources do the same).
 * Only orders and counts are asserted.
 */
class InterruptKernelTest {
  @TempDir
  Path dir;

  private final TestSystems.Log log = new TestSystems.Log();

  /** {@code spec} with interrupt priorities and a mask limit (what [containers.NAME.interrupts] gives). */
  private static ContainerSpec withInterrupts(ContainerSpec s, Map<String, Integer> priorities, Duration maskLimit) {
    return new ContainerSpec(s.name(), s.module(), s.priority(), s.criticality(), s.budget(), s.memoryLimitBytes(),
        s.restart(), s.watchdog(), s.stackBytes(), s.regions(), s.portalImports(), s.portalExports(), s.contexts(),
        s.args(), s.env(), s.peripherals(), priorities, maskLimit);
  }

  private ContainerSpec device(String name, String context, Map<String, Integer> priorities, Duration maskLimit) {
    ContainerSpec base = container(name, wat(dir, "device", IrqGuests.DEVICE)).priority(10).context(context).build();
    return withInterrupts(base, priorities, maskLimit);
  }

  private Kernel start(SystemSpec spec) throws Exception {
    Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog(log));
    kernel.start();
    return kernel;
  }

  /** The running incarnation's lines of {@code name}, once it has booted. */
  private static InterruptController lines(Kernel kernel, String name) {
    Container c = kernel.container(name).orElseThrow();
    awaitTrue(() -> c.interrupts().isPresent(), name + " to boot");
    return c.interrupts().orElseThrow();
  }

  private static IrqGuests.TestSource attach(InterruptController irq, int handle, String label, String handler) {
    IrqGuests.TestSource source = new IrqGuests.TestSource(label);
    assertEquals(0, irq.attach(handle, source, handler));
    return source;
  }

  /** Whether the platform thread of {@code container}'s interrupt task is alive (virtual threads are not listed). */
  private static boolean irqThreadAlive(String container) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("isola-" + container + "/irq") && t.isAlive());
  }

  @ParameterizedTest
  @ValueSource(strings = {"main", "busy"})
  void theHandlerGetsTheCountOfEventsRecordedWhileMasked(String context) throws Exception {
    try (Kernel kernel = start(system(dir, device("dev", context, Map.of(), Duration.ofSeconds(10))))) {
      InterruptController irq = lines(kernel, "dev");
      IrqGuests.TestSource ev = attach(irq, 1, "ev", "on_event");
      ev.fire();
      log.await("dev", "count=1");
      assertEquals(0, irq.mask(1));
      for (int i = 0; i < 5; i++) {
        ev.fire();
      }
      Thread.sleep(50);
      assertEquals(1, log.count("dev", "count="), "a masked line's handler does not run: " + log.of("dev"));
      assertEquals(5, irq.lines().getFirst().pending());
      assertEquals(0, irq.unmask(1));
      log.await("dev", "count=5");
      assertEquals(List.of("count=1", "count=5"), log.of("dev").stream().filter(l -> l.startsWith("count=")).toList());
      assertEquals(0, irq.maskExpiries());
    }
  }

  /**
   * c (priority 40) runs and waits for a flag; a (20) and b (30) come meanwhile and wait; d (50) nests inside c
   * and sets the flag; then b and a run, highest first. On a spinning context (nested on its stack) and on a
   * sleeping one (the interrupt task's stack).
   */
  @ParameterizedTest
  @ValueSource(strings = {"main", "busy"})
  void higherLinesNestAndPendingLinesRunHighestFirst(String context) throws Exception {
    Map<String, Integer> prio = Map.of("a", 20, "b", 30, "c", 40, "d", 50);
    try (Kernel kernel = start(system(dir, device("dev", context, prio, Duration.ofSeconds(10))))) {
      InterruptController irq = lines(kernel, "dev");
      var a = attach(irq, 1, "a", "on_a");
      var b = attach(irq, 2, "b", "on_b");
      var c = attach(irq, 3, "c", "on_c");
      var d = attach(irq, 4, "d", "on_d");
      c.fire();
      log.await("dev", "c-start");
      a.fire();
      b.fire();
      Thread.sleep(50);
      d.fire();
      awaitTrue(() -> log.of("dev").size() >= 5, "five handler lines; the log: " + log.of("dev"));
      assertEquals(List.of("c-start", "d", "c-end", "b", "a"), log.of("dev"));
    }
  }

  @Test
  void aLineMaskedPastItsLimitIsUnmaskedByTheKernel() throws Exception {
    try (Kernel kernel = start(system(dir, device("dev", "main", Map.of(), Duration.ofMillis(20))))) {
      InterruptController irq = lines(kernel, "dev");
      IrqGuests.TestSource ev = attach(irq, 1, "ev", "on_event");
      irq.mask(1);
      ev.fire();
      ev.fire();
      log.await("dev", "count=2");
      assertEquals(1, irq.maskExpiries());
      assertEquals(1, log.count("dev", "masked longer than its mask-limit"), log.of("dev").toString());
      assertFalse(irq.lines().getFirst().masked());
    }
  }

  @Test
  void eventsBeyondTheSaturatedCountAreCountedAsOverflows() throws Exception {
    try (Kernel kernel = start(system(dir, device("dev", "main", Map.of(), Duration.ofSeconds(10))))) {
      InterruptController irq = lines(kernel, "dev");
      IrqGuests.TestSource ev = attach(irq, 1, "ev", "on_over");
      irq.mask(1);
      for (int i = 0; i < Line.SATURATION + 7; i++) {
        ev.fire();
      }
      irq.unmask(1);
      log.await("dev", "lost=");
      assertEquals(List.of("count=" + Line.SATURATION, "lost=7"), log.of("dev"));
      assertEquals(7, irq.overflows(1));
      assertEquals(Line.SATURATION + 7L, irq.lines().getFirst().events());
    }
  }

  @Test
  void aHandlerThatTrapsFailsOnlyItsContainer() throws Exception {
    ContainerSpec ticker = container("ticker", wat(dir, "ticker", dev.isola.kernel.Guests.TICKER)).priority(10)
        .periodic("tick", Duration.ofMillis(5)).build();
    try (Kernel kernel = start(system(dir, ticker, device("dev", "busy", Map.of(), Duration.ofSeconds(10))))) {
      InterruptController irq = lines(kernel, "dev");
      // The interrupt task is the one task on a platform thread (Group.spawnInterruptTask): it must end with
      // its incarnation, or every restart would leave an OS thread behind.
      assertTrue(irqThreadAlive("dev"), "dev's interrupt task runs on a platform thread");
      attach(irq, 1, "ev", "on_trap").fire();
      awaitTrue(() -> kernel.summary().container("dev").state().equals("stopped"), "dev to stop");
      awaitTrue(() -> !irqThreadAlive("dev"), "dev's interrupt thread to end");
      ContainerSummary dev = kernel.summary().container("dev");
      assertEquals(1, dev.traps());
      assertTrue(dev.lastOutcome().contains("interrupt handler on_trap (line ev)"), dev.lastOutcome());
      assertTrue(dev.lastOutcome().contains("unreachable"), dev.lastOutcome());
      long before = kernel.summary().container("ticker").activations();
      awaitTrue(() -> kernel.summary().container("ticker").activations() >= before + 10, "the ticker to go on");
      assertEquals("running", kernel.summary().container("ticker").state());
      assertEquals(0, kernel.summary().container("ticker").traps());
    }
  }

  /**
   * One CPU: a low-priority container's handler (line priority 20) spins for a long time; a container of
   * priority 50 keeps running its periodic context meanwhile (its activations interleave with the handler).
   */
  @Test
  void aHandlerNeverDelaysAHigherPriorityContainer() throws Exception {
    ContainerSpec high = container("high", wat(dir, "ticker", dev.isola.kernel.Guests.TICKER)).priority(50)
        .periodic("tick", Duration.ofMillis(2)).build();
    ContainerSpec low = device("low", "main", Map.of("ev", 20), Duration.ofSeconds(10));
    SystemSpec two = system(dir, high, low);
    SystemSpec oneCpu = new SystemSpec(two.file(), two.name(), 1, two.slice(), two.tier(), two.regions(),
        two.containers());
    try (Kernel kernel = start(oneCpu)) {
      InterruptController irq = lines(kernel, "low");
      IrqGuests.TestSource ev = attach(irq, 1, "ev", "on_spin");
      awaitTrue(() -> kernel.summary().container("high").activations() > 5, "high to run");
      // A storm: every run of the handler spins count x 20000 iterations.
      long highBefore = kernel.summary().container("high").activations();
      long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
      while (System.nanoTime() - end < 0) {
        ev.fire();
        Thread.sleep(1);
      }
      long highDuring = kernel.summary().container("high").activations() - highBefore;
      LineStats line = irq.lines().getFirst();
      assertTrue(line.runs() > 0, "the handler ran: " + line);
      // 400 ms at 2 ms per period: 200 releases; the handler's storm must not have taken them (generous margin).
      assertTrue(highDuring >= 50, "high completed " + highDuring + " activations during the storm");
      assertEquals(0, kernel.summary().container("high").traps());
    }
  }

  /**
   * A container with a 2 ms / 20 ms budget (10%) whose handler is stormed: its CPU share stays near its budget
   * (generous margin), and the handlers did run: their time is charged to the container.
   */
  @Test
  void aStormStaysWithinItsContainersBudget() throws Exception {
    ContainerSpec base = container("storm", wat(dir, "device", IrqGuests.DEVICE)).priority(10).context("main")
        .budget(Duration.ofMillis(2), Duration.ofMillis(20)).build();
    ContainerSpec storm = withInterrupts(base, Map.of(), Duration.ofSeconds(10));
    try (Kernel kernel = start(system(dir, storm))) {
      InterruptController irq = lines(kernel, "storm");
      IrqGuests.TestSource ev = attach(irq, 1, "ev", "on_spin");
      Container c = kernel.container("storm").orElseThrow();
      GroupStats before = c.schedulerStats();
      long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
      while (System.nanoTime() - end < 0) {
        for (int i = 0; i < 50; i++) {
          ev.fire();
        }
        Thread.onSpinWait();
      }
      GroupStats after = c.schedulerStats();
      double share = (double) (after.cpuNanos() - before.cpuNanos()) / (after.wallNanos() - before.wallNanos());
      LineStats line = irq.lines().getFirst();
      assertTrue(line.runs() > 0, "the handler ran: " + line);
      assertTrue(after.throttles() > before.throttles(), "the storm was throttled: " + after);
      assertTrue(share < 0.10 * 2, "CPU share " + share + " for a 10% budget");
      assertTrue(after.cpuNanos() > before.cpuNanos(), "handler time is charged to the container");
    }
  }

  @Test
  void aSuspendedContainersHandlersWait() throws Exception {
    try (Kernel kernel = start(system(dir, device("dev", "main", Map.of(), Duration.ofSeconds(10))))) {
      InterruptController irq = lines(kernel, "dev");
      IrqGuests.TestSource ev = attach(irq, 1, "ev", "on_event");
      Container c = kernel.container("dev").orElseThrow();
      c.group().suspend();
      ev.fire();
      Thread.sleep(50);
      assertEquals(0, log.count("dev", "count="), log.of("dev").toString());
      c.group().resume();
      log.await("dev", "count=1");
    }
  }
}
