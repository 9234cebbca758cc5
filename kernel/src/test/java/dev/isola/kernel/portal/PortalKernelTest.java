package dev.isola.kernel.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.kernel.ContainerSummary;
import dev.isola.kernel.Kernel;
import dev.isola.kernel.KernelOptions;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portals end to end: a system file, the check, the kernel's own containers as exporter and importer. The client
 * is a command that checks every answer itself and exits with the number of the first wrong one (0: all right).
 */
class PortalKernelTest {
  @TempDir Path dir;

  static final String SERVER = """
      (module
        (import "isola:sys" "sleep_for" (func $sleep (param i64) (result i32)))
        (memory 1)
        ;; a slow start function: the server's instance takes a while to exist
        (func $warm (local $i i32)
          (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (i32.const 20000000)))))
        (start $warm)
        (func (export "serve") (loop (drop (call $sleep (i64.const 1000000000))) (br 0)))
        (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
        ;; fills the out buffer with 0xAB and answers with the address it saw
        (func (export "fill") (param $p i32) (param $n i32) (result i32)
          (memory.fill (local.get $p) (i32.const 0xAB) (local.get $n)) local.get $p)
        (func (export "boom") (result i32) unreachable))
      """;

  static final String CLIENT = """
      (module
        (import "portal:svc" "add" (func $add (param i32 i32) (result i32)))
        (import "portal:svc" "fill" (func $fill (param i32 i32) (result i32)))
        (import "portal:svc" "boom" (func $boom (result i32)))
        (import "isola:sys" "exit" (func $exit (param i32)))
        (import "isola:sys" "sleep_for" (func $sleep (param i64) (result i32)))
        (memory 1)
        (func $expect (param $ok i32) (param $code i32)
          (if (i32.eqz (local.get $ok)) (then (call $exit (local.get $code)))))
        (func (export "_start") (local $seen i32) (local $sum i32)
          ;; the kernel instantiates exporters before it starts importers: the very first call is served
          (local.set $sum (call $add (i32.const 2) (i32.const 3)))
          ;; 1: scalars
          (call $expect (i32.eq (local.get $sum) (i32.const 5)) (i32.const 1))
          ;; 2: 1 KiB out buffer at 4096 is filled; the bytes around it are untouched
          (i32.store8 (i32.const 4095) (i32.const 7))
          (i32.store8 (i32.const 5120) (i32.const 9))
          (local.set $seen (call $fill (i32.const 4096) (i32.const 1024)))
          (call $expect (i32.eq (i32.load8_u (i32.const 4096)) (i32.const 0xAB)) (i32.const 2))
          (call $expect (i32.eq (i32.load8_u (i32.const 5119)) (i32.const 0xAB)) (i32.const 3))
          (call $expect (i32.eq (i32.load8_u (i32.const 4095)) (i32.const 7)) (i32.const 4))
          (call $expect (i32.eq (i32.load8_u (i32.const 5120)) (i32.const 9)) (i32.const 5))
          ;; 6: the exporter saw an address of its own portal stack, not ours
          (call $expect (i32.ne (local.get $seen) (i32.const 4096)) (i32.const 6))
          ;; 7: a bad buffer is refused with ISOLA_EFAULT (-1)
          (call $expect (i32.eq (call $fill (i32.const 65000) (i32.const 1024)) (i32.const -1)) (i32.const 7))
          ;; 8: the exporter traps: ISOLA_EUNAVAILABLE (-3), and we go on
          (call $expect (i32.eq (call $boom) (i32.const -3)) (i32.const 8))
          (call $exit (i32.const 0))))
      """;

  @Test
  void callsRunByValueAndAnExporterTrapIsAnErrorCode() throws Exception {
    Files.write(dir.resolve("server.wasm"), ModuleEncoder.encode(TextParser.parseModule(SERVER)));
    Files.write(dir.resolve("client.wasm"), ModuleEncoder.encode(TextParser.parseModule(CLIENT)));
    Path file = dir.resolve("system.toml");
    Files.writeString(file, """
        [system]
        cpus = 2
        tier = "interp"

        [containers.client]
        module = "client.wasm"
        priority = 10
        watchdog = "10s"
        portals.import = ["svc"]

        [containers.server]
        module = "server.wasm"
        priority = 20
        watchdog = "10s"
        [[containers.server.contexts]]
        export = "serve"
        [containers.server.portals.export.svc]
        add = "(i32, i32) -> i32"
        fill = "(out) -> i32"
        boom = "() -> i32"
        """);
    SystemSpec spec = SystemCheck.load(file);
    try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults())) {
      kernel.start();
      ContainerSummary client = null;
      for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < end; ) {
        client = kernel.summary().container("client");
        if (client.state().equals("stopped")) {
          break;
        }
        Thread.sleep(20);
      }
      kernel.stop();
      assertEquals("stopped", client.state());
      assertEquals("exited with status 0", client.lastOutcome(), "the client's first failed check numbers it");
      assertEquals(4, client.portalCalls(), "add, fill, the refused fill, boom");
      assertEquals(0, client.traps(), "the exporter's trap is not the caller's");
      assertTrue(kernel.summary().container("server").traps() >= 1, "the exporter trapped");
    }
  }
}
