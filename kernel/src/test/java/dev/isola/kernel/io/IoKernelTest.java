package dev.isola.kernel.io;

import static dev.isola.kernel.TestSystems.awaitTrue;
import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.system;
import static dev.isola.kernel.TestSystems.wat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.sim.SimBoard;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.SwapOutcome;
import dev.isola.kernel.TestSystems;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.RestartPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The I/O API inside a running kernel on the built-in {@code sim} board: a UART read blocks only its context,
 * and handles are released when an incarnation ends, so a restart and a swap open them again.
 */
class IoKernelTest {
  @TempDir
  Path dir;

  private final TestSystems.Log log = new TestSystems.Log();

  /** {@code wat} compiled to {@code dir/name.wasm} with an {@code isola.peripherals} section of {@code needs}. */
  private Path guest(String name, String wat, String... needs) throws IOException {
    Path file = wat(dir, name, wat);
    Files.write(file, IoGuest.withCustomSection(Files.readAllBytes(file), "isola.peripherals", needs));
    return file;
  }

  private static ContainerSpec bound(ContainerSpec c, Map<String, String> peripherals) {
    return new ContainerSpec(c.name(), c.module(), c.priority(), c.criticality(), c.budget(), c.memoryLimitBytes(),
        c.restart(), c.watchdog(), c.stackBytes(), c.regions(), c.portalImports(), c.portalExports(), c.contexts(),
        c.args(), c.env(), peripherals, c.interrupts(), c.maskLimit());
  }

  private static final String UART_READER = """
      (module
        (import "isola:sys" "log" (func $log (param i32 i32 i32)))
        (import "isola:sys" "sleep_for" (func $sleep (param i64) (result i32)))
        (import "isola:uart" "open" (func $open (param i32 i32) (result i32)))
        (import "isola:uart" "read" (func $read (param i32 i32 i32 i64) (result i32)))
        (memory 1)
        (data (i32.const 16) "console")
        (data (i32.const 32) "reading")
        (data (i32.const 48) "tick")
        (data (i32.const 64) "failed")
        (func (export "reader") (local $h i32) (local $n i32)
          (local.set $h (call $open (i32.const 16) (i32.const 7)))
          (call $log (i32.const 2) (i32.const 32) (i32.const 7))
          (local.set $n (call $read (local.get $h) (i32.const 256) (i32.const 64) (i64.const -1)))
          (if (i32.lt_s (local.get $n) (i32.const 0))
            (then (call $log (i32.const 2) (i32.const 64) (i32.const 6)) (return)))
          (call $log (i32.const 2) (i32.const 256) (local.get $n)))
        (func (export "ticker") (local $i i32)
          (loop $l
            (drop (call $sleep (i64.const 1000000)))
            (call $log (i32.const 2) (i32.const 48) (i32.const 4))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (i32.const 5))))))
      """;

  @Test
  void aUartReadBlocksOnlyItsContext() throws Exception {
    ContainerSpec c = bound(container("term", guest("term", UART_READER, "uart console baud=115200"))
        .context("reader").context("ticker").build(), Map.of("console", "uart0"));
    try (Kernel kernel = Kernel.create(system(dir, c), KernelOptions.defaults().withLog(log))) {
      kernel.start();
      log.await("term", "reading");
      // The reader waits in its read; its sibling context shares the instance and still runs to the end.
      awaitTrue(() -> log.count("term", "tick") == 5, "five ticks while the reader waits");
      assertEquals(0, log.count("term", "hey"));
      SimBoard sim = kernel.board().orElseThrow().unwrap(SimBoard.class).orElseThrow();
      sim.inject("uart0", "hey");
      log.await("term", "hey");
      assertTrue(kernel.awaitStopped(Duration.ofSeconds(20)));
      assertEquals(0, log.count("term", "failed"));
    }
  }

  @Test
  void stoppingTheContainerEndsAWaitingRead() throws Exception {
    ContainerSpec c = bound(container("term", guest("term", UART_READER, "uart console"))
        .context("reader").build(), Map.of("console", "uart0"));
    Kernel kernel = Kernel.create(system(dir, c), KernelOptions.defaults().withLog(log));
    kernel.start();
    log.await("term", "reading");
    // The read waits without limit; stop must still end the container (its thread is interrupted).
    Thread stopper = Thread.ofPlatform().start(kernel::stop);
    stopper.join(Duration.ofSeconds(20));
    assertFalse(stopper.isAlive(), "stop hung on a blocked UART read");
    assertTrue(kernel.awaitStopped(Duration.ofSeconds(1)));
    assertEquals(0, log.count("term", "failed"), "the read was not answered: the context was unwound");
    assertFalse(kernel.board().orElseThrow().isOpen("uart0"), "the kernel's stop released the board");
  }

  private static final String LED_THEN_TRAP = """
      (module
        (import "isola:sys" "log" (func $log (param i32 i32 i32)))
        (import "isola:gpio" "open" (func $open (param i32 i32) (result i32)))
        (import "isola:gpio" "write" (func $write (param i32 i32) (result i32)))
        (memory 1)
        (data (i32.const 16) "led")
        (data (i32.const 32) "opened")
        (data (i32.const 48) "refused")
        (func (export "_start") (local $h i32)
          (local.set $h (call $open (i32.const 16) (i32.const 3)))
          (if (i32.lt_s (local.get $h) (i32.const 0))
            (then (call $log (i32.const 2) (i32.const 48) (i32.const 7)) (return)))
          (drop (call $write (local.get $h) (i32.const 1)))
          (call $log (i32.const 2) (i32.const 32) (i32.const 6))
          unreachable))
      """;

  @Test
  void aRestartOpensTheHandlesAgain() throws Exception {
    ContainerSpec c = bound(container("blink", guest("blink", LED_THEN_TRAP, "gpio-out led"))
        .restart(RestartPolicy.Kind.ALWAYS, Duration.ofMillis(5), Duration.ofMillis(20)).build(),
        Map.of("led", "led"));
    try (Kernel kernel = Kernel.create(system(dir, c), KernelOptions.defaults().withLog(log))) {
      kernel.start();
      awaitTrue(() -> log.count("blink", "opened") >= 3, "three incarnations to open the led");
      assertEquals(0, log.count("blink", "refused"), log.lines().toString());
      assertTrue(kernel.board().orElseThrow().unwrap(SimBoard.class).orElseThrow().led("led"));
    }
  }

  /** A context that opens the LED, says {@code word} and the result, and keeps the handle, sleeping. */
  private static String holder(String word) {
    return """
        (module
          (import "isola:sys" "log" (func $log (param i32 i32 i32)))
          (import "isola:sys" "sleep_for" (func $sleep (param i64) (result i32)))
          (import "isola:gpio" "open" (func $open (param i32 i32) (result i32)))
          (memory 1)
          (data (i32.const 16) "led")
          (data (i32.const 32) "WORD opened")
          (data (i32.const 64) "WORD refused")
          (func (export "main")
            (if (i32.lt_s (call $open (i32.const 16) (i32.const 3)) (i32.const 0))
              (then (call $log (i32.const 2) (i32.const 64) (i32.const LEN2)))
              (else (call $log (i32.const 2) (i32.const 32) (i32.const LEN1))))
            (loop $l (drop (call $sleep (i64.const 1000000000))) (br $l))))
        """.replace("WORD", word).replace("LEN1", Integer.toString(word.length() + 7))
        .replace("LEN2", Integer.toString(word.length() + 8));
  }

  @Test
  void aSwappedInModuleOpensWhatTheOldOneHeld() throws Exception {
    ContainerSpec c = bound(container("holder", guest("v1", holder("v1"), "gpio-out led")).context("main").build(),
        Map.of("led", "led"));
    Path v2 = guest("v2", holder("v2"), "gpio-out led");
    try (Kernel kernel = Kernel.create(system(dir, c),
        KernelOptions.defaults().withLog(log).withSwapGrace(Duration.ofMillis(200)))) {
      kernel.start();
      log.await("holder", "v1 opened");
      assertInstanceOf(SwapOutcome.Swapped.class, kernel.swap("holder", v2));
      log.await("holder", "v2 opened");
      assertEquals(0, log.count("holder", "refused"));
      assertTrue(kernel.board().orElseThrow().isOpen("led"));
    }
  }

  private static final String BUTTON_HANDLER = """
      (module
        (import "isola:sys" "log" (func $log (param i32 i32 i32)))
        (import "isola:sys" "sleep_for" (func $sleep (param i64) (result i32)))
        (import "isola:gpio" "open" (func $open (param i32 i32) (result i32)))
        (import "isola:irq" "attach" (func $attach (param i32 i32 i32) (result i32)))
        (memory 1)
        (data (i32.const 16) "button")
        (data (i32.const 32) "on_press")
        (data (i32.const 48) "attached")
        (data (i32.const 64) "pressed")
        (data (i32.const 80) "refused")
        (func (export "on_press") (param $count i32)
          (call $log (i32.const 2) (i32.const 64) (i32.const 7)))
        (func (export "main") (local $h i32)
          (local.set $h (call $open (i32.const 16) (i32.const 6)))
          (if (i32.ne (call $attach (local.get $h) (i32.const 32) (i32.const 8)) (i32.const 0))
            (then (call $log (i32.const 2) (i32.const 80) (i32.const 7)) (return)))
          (call $log (i32.const 2) (i32.const 48) (i32.const 8))
          (loop $l (drop (call $sleep (i64.const 1000000000))) (br $l))))
      """;

  @Test
  void aButtonPressRunsTheGuestsHandler() throws Exception {
    ContainerSpec c = bound(container("button", guest("button", BUTTON_HANDLER,
        "gpio-in button pull=up edge=falling")).context("main").build(), Map.of("button", "button"));
    try (Kernel kernel = Kernel.create(system(dir, c), KernelOptions.defaults().withLog(log))) {
      kernel.start();
      log.await("button", "attached");
      SimBoard sim = kernel.board().orElseThrow().unwrap(SimBoard.class).orElseThrow();
      sim.press("button");
      log.await("button", "pressed");
      sim.release("button");
      sim.press("button");
      awaitTrue(() -> log.count("button", "pressed") == 2, "the second press's handler");
      assertEquals(0, log.count("button", "refused"));
    }
  }

  @Test
  void aSystemWithoutPeripheralsOpensNoBoard() throws Exception {
    var c = container("plain", wat(dir, "plain", dev.isola.kernel.Guests.HELLO)).build();
    try (Kernel kernel = Kernel.create(system(dir, c), KernelOptions.defaults().withLog(log))) {
      assertFalse(kernel.board().isPresent());
    }
  }
}
