package dev.isola.kernel.io;

import static dev.isola.kernel.TestSystems.container;
import static dev.isola.kernel.TestSystems.wat;

import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.TestSystems;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.config.TierChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measured run, not a test (surefire's default includes skip it): ns per call from a compiled guest, 200,000
 * calls after as many to warm up, printed as {@code IO-COST}: {@code isola:sys now} (the host-call floor), {@code
 * isola:gpio toggle} of a bad handle (io's checks alone), of the LED, an {@code isola:adc read} (the MCP3008's SPI
 * protocol under it) and an {@code isola:i2c write_read} of the TMP102 at 400 kHz. Run it with {@code -Dtest=IoCostMeasure}.
 */
class IoCostMeasure {
  @TempDir
  Path dir;

  static String guest(String kind, String label, String call, int n) {
    return """
        (module
          (import "isola:sys" "now" (func $now (result i64)))
          (import "isola:sys" "exit" (func $exit (param i32)))
          (import "isola:KIND" "open" (func $open (param i32 i32) (result i32)))
          CALLIMPORT
          (memory 1)
          (data (i32.const 16) "LABEL")
          (data (i32.const 64) "\\00")
          (func (export "_start") (local $h i32) (local $i i32) (local $t i64) (local $w i32)
            (local.set $h (call $open (i32.const 16) (i32.const LEN)))
            (local.set $i (i32.const 0))
            (loop $warm CALL (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $warm (i32.lt_u (local.get $i) (i32.const N))))
            (local.set $i (i32.const 0))
            (local.set $t (call $now))
            (loop $l CALL (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (i32.const N))))
            (call $exit (i32.wrap_i64 (i64.div_u (i64.sub (call $now) (local.get $t)) (i64.const N))))))
        """.replace("KIND", kind).replace("LABEL", label).replace("LEN", Integer.toString(label.length()))
        .replace("N)", n + ")").replace("CALLIMPORT", switch (call) {
          case "toggle", "bad" -> "(import \"isola:gpio\" \"toggle\" (func $c (param i32) (result i32)))";
          case "adc" -> "(import \"isola:adc\" \"read\" (func $c (param i32) (result i32)))";
          case "now" -> "";
          default -> "(import \"isola:i2c\" \"write_read\" (func $c (param i32 i32 i32 i32 i32) (result i32)))";
        }).replace("CALL", switch (call) {
          case "toggle", "adc" -> "(drop (call $c (local.get $h)))";
          case "bad" -> "(drop (call $c (i32.const 99)))";
          case "now" -> "(drop (call $now))";
          default -> "(drop (call $c (local.get $h) (i32.const 64) (i32.const 1) (i32.const 128) (i32.const 2)))";
        });
  }

  @Test
  void measure() throws Exception {
    record Case(String kind, String label, String need, String resource, String call) {}
    for (Case c : new Case[] {
        new Case("gpio", "led", "gpio-out led", "led", "now"),
        new Case("gpio", "led", "gpio-out led", "led", "bad"),
        new Case("gpio", "led", "gpio-out led", "led", "toggle"),
        new Case("adc", "soil", "adc soil", "adc0.0", "adc"),
        new Case("i2c", "sensor", "i2c sensor speed=400000", "tmp102", "i2c")}) {
      TestSystems.Log log = new TestSystems.Log();
      Path file = wat(dir, c.call(), guest(c.kind(), c.label(), c.call(), 200_000));
      Files.write(file, IoGuest.withCustomSection(Files.readAllBytes(file), "isola.peripherals", c.need()));
      ContainerSpec s = container(c.call(), file).build();
      s = new ContainerSpec(s.name(), s.module(), s.priority(), s.criticality(), s.budget(), s.memoryLimitBytes(),
          s.restart(), Duration.ofSeconds(30), s.stackBytes(), s.regions(), s.portalImports(), s.portalExports(),
          s.contexts(), s.args(), s.env(), Map.of(c.label(), c.resource()), s.interrupts(), s.maskLimit());
      Map<String, ContainerSpec> byName = new LinkedHashMap<>();
      byName.put(s.name(), s);
      SystemSpec spec = new SystemSpec(dir.resolve("m.toml"), "m", 2, Duration.ofMillis(5), TierChoice.COMPILED,
          Map.of(), byName);
      try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog(log))) {
        kernel.start();
        kernel.awaitStopped(Duration.ofSeconds(120));
        System.out.println("IO-COST " + c.kind() + " " + c.call() + ": " + log.of(c.call()));
      }
    }
  }
}
