package dev.isola.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.toml.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The system file's peripheral keys: {@code [system] board}, peripherals, interrupts, mask-limit. */
class PeripheralKeysTest {
  private static final Path FILE = Path.of("/sys/green.toml");

  private static SystemSpec parse(String text) throws SystemFileException {
    return SystemFile.parse(FILE, text).spec();
  }

  private static List<String> problems(String text) {
    SystemFileException e = assertThrows(SystemFileException.class, () -> parse(text));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsBindingsInterruptsAndTheBoard() throws Exception {
    SystemSpec s = parse("""
        [system]
        board = "boards/green.toml"
        [containers.thermo]
        module = "thermo.wasm"
        priority = 50
        mask-limit = "5ms"
        [containers.thermo.peripherals]
        sensor = "tmp102"
        alert = "tmp102.alert"
        [containers.thermo.interrupts]
        alert = 60
        """);
    assertEquals(Optional.of(Path.of("/sys/boards/green.toml")), s.board(), "relative to the system file");
    ContainerSpec thermo = s.containers().get("thermo");
    assertEquals(Map.of("sensor", "tmp102", "alert", "tmp102.alert"), thermo.peripherals());
    assertEquals(List.of("sensor", "alert"), List.copyOf(thermo.peripherals().keySet()), "file order");
    assertEquals(Map.of("alert", 60), thermo.interrupts());
    assertEquals(60, thermo.interruptPriority("alert"));
    assertEquals(Duration.ofMillis(5), thermo.maskLimit());
  }

  @Test
  void defaults() throws Exception {
    SystemSpec s = parse("""
        [containers.a]
        module = "a.wasm"
        priority = 20
        [containers.top]
        module = "top.wasm"
        priority = 99
        """);
    assertEquals(Optional.empty(), s.board(), "the built-in board");
    ContainerSpec a = s.containers().get("a");
    assertEquals(Map.of(), a.peripherals());
    assertEquals(Map.of(), a.interrupts());
    assertEquals(ContainerSpec.DEFAULT_MASK_LIMIT, a.maskLimit());
    assertEquals(Duration.ofMillis(10), a.maskLimit());
    assertEquals(21, a.interruptPriority("anything"), "one above the container");
    assertEquals(99, s.containers().get("top").interruptPriority("x"), "never above the highest priority");
  }

  @Test
  void everyMistakeAtOnce() {
    assertEquals(List.of(
        "/sys/green.toml:2:1: system.board: expected a string, found an integer 3",
        "/sys/green.toml:6:1: containers.thermo.mask-limit: must be longer than zero",
        "/sys/green.toml:8:1: containers.thermo.peripherals.Sensor: a peripheral label must be 1 to 32 of a-z,"
            + " 0-9, '_' and '-', starting with a letter",
        "/sys/green.toml:9:1: containers.thermo.peripherals.alert: expected a string, found an integer 7",
        "/sys/green.toml:10:1: containers.thermo.peripherals.led: expected the name of a board resource"
            + " (e.g. \"gpio0.5\", \"tmp102\"), found \"\"",
        "/sys/green.toml:12:1: containers.thermo.interrupts.alert: priority 40 is below the container's own"
            + " priority 50 (a handler must preempt its container's tasks)",
        "/sys/green.toml:13:1: containers.thermo.interrupts.tick: must be between 0 and 99, found 100",
        "/sys/green.toml:14:1: containers.thermo.interrupts.uart: expected an integer, found a string \"high\""),
        problems("""
            [system]
            board = 3
            [containers.thermo]
            module = "thermo.wasm"
            priority = 50
            mask-limit = "0ms"
            [containers.thermo.peripherals]
            Sensor = "tmp102"
            alert = 7
            led = ""
            [containers.thermo.interrupts]
            alert = 40
            tick = 100
            uart = "high"
            """));
  }
}
