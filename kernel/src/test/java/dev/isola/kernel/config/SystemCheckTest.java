package dev.isola.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCheckTest {
  @TempDir Path dir;

  /** A camera writing a region; a sensor with a context and a portal; a display command importing both. */
  static final String CAMERA = """
      (module
        (import "region" "frames" (memory 1 1))
        (func (export "capture") i32.const 0 i32.const 7 i32.store))
      """;

  static final String SENSOR = """
      (module
        (import "isola:sys" "sleep_for" (func (param i64) (result i32)))
        (memory 1)
        (func (export "sample"))
        (func (export "read_celsius") (result f32) f32.const 21.5)
        (func (export "read_raw") (param i32 i32) (result i32) i32.const 0))
      """;

  static final String DISPLAY = """
      (module
        (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
        (import "portal:thermo" "read_raw" (func (param i32 i32) (result i32)))
        (import "region" "frames" (memory 1 1))
        (memory 1)
        (func (export "_start") i32.const 0 i32.load drop))
      """;

  static final String SYSTEM = """
      [system]
      cpus = 1

      [regions.frames]
      size = "64KiB"

      [containers.camera]
      module = "camera.wasm"
      regions = { frames = "rw" }
      [[containers.camera.contexts]]
      export = "capture"

      [containers.sensor]
      module = "sensor.wasm"
      budget = { time = "2ms", period = "10ms" }
      [containers.sensor.portals.export.thermo]
      read_celsius = "() -> f32"
      read_raw = "(out) -> i32"
      [[containers.sensor.contexts]]
      export = "sample"
      period = "10ms"

      [containers.display]
      module = "display.wasm"
      portals.import = ["thermo"]
      regions = { frames = "ro" }
      """;

  @BeforeEach
  void camera() throws IOException {
    wat("camera.wasm", CAMERA);
  }

  private void wat(String name, String text) throws IOException {
    Files.write(dir.resolve(name), ModuleEncoder.encode(TextParser.parseModule(text, SystemCheck.FEATURES)));
  }

  private List<String> check(String system) throws Exception {
    Path file = dir.resolve("system.toml");
    Files.writeString(file, system);
    return SystemCheck.check(SystemFile.read(file)).stream()
        .map(p -> p.toString().substring(dir.toString().length() + 1))
        .toList();
  }

  @Test
  void aGoodSystemHasNoProblems() throws Exception {
    wat("sensor.wasm", SENSOR);
    wat("display.wasm", DISPLAY);
    assertEquals(List.of(), check(SYSTEM));
    Path file = dir.resolve("system.toml");
    assertEquals("system", SystemCheck.load(file).name());
  }

  @Test
  void missingAndMalformedModulesAreNamedWithTheDecodersOffset() throws Exception {
    Files.write(dir.resolve("sensor.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 99});
    assertEquals(List.of(
        "system.toml:14:1: containers.sensor.module: sensor.wasm: malformed module at byte 8: malformed section id",
        "system.toml:24:1: containers.display.module: no such file: display.wasm"),
        check(SYSTEM));
  }

  @Test
  void invalidModulesAreNamed() throws Exception {
    wat("sensor.wasm", SENSOR);
    Files.write(dir.resolve("display.wasm"), ModuleEncoder.encode(TextParser.parseModule(
        "(module (func (export \"_start\") i32.const 1))", SystemCheck.FEATURES)));
    List<String> problems = check(SYSTEM);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.getFirst().startsWith(
        "system.toml:24:1: containers.display.module: display.wasm: invalid module in func 0 at byte"),
        problems.getFirst());
  }

  @Test
  void exportsTheFileNamesMustExistWithTheirTypes() throws Exception {
    wat("sensor.wasm", """
        (module
          (memory 1)
          (func (export "sample") (param i32))
          (func (export "read_celsius") (result f64) f64.const 0)
          (global (export "read_raw") i32 (i32.const 0)))
        """);
    wat("display.wasm", "(module (func (export \"main\")))");
    assertEquals(List.of(
        "system.toml:17:1: containers.sensor.portals.export.thermo.read_celsius: sensor.wasm: export"
            + " \"read_celsius\" has type () -> (f64), expected () -> (f32)",
        "system.toml:18:1: containers.sensor.portals.export.thermo.read_raw: sensor.wasm: export \"read_raw\" is"
            + " a global, not a function (each buffer is two i32: ptr, len)",
        "system.toml:20:1: containers.sensor.contexts[0].export: sensor.wasm: export \"sample\" has type"
            + " (i32) -> (), expected () -> ()",
        "system.toml:24:1: containers.display.module: display.wasm is not a command: no export \"_start\" (give"
            + " the container contexts to run named exports instead)"),
        check(SYSTEM.replace("regions = { frames = \"ro\" }\n", "")));
  }

  @Test
  void importsMustBeOnesTheKernelOffers() throws Exception {
    wat("sensor.wasm", SENSOR);
    wat("display.wasm", """
        (module
          (import "wasi_snapshot_preview1" "proc_exit" (func (param i64)))
          (import "wasi_snapshot_preview1" "no_such_call" (func))
          (import "isola:sys" "now" (func (result i64)))
          (import "isola:sys" "teleport" (func))
          (import "env" "memory" (memory 1))
          (import "portal:thermo" "read_raw" (func (param i32) (result i32)))
          (import "portal:thermo" "read_kelvin" (func (result f32)))
          (import "portal:other" "f" (func))
          (func (export "_start")))
        """);
    List<String> problems = check(SYSTEM.replace("regions = { frames = \"ro\" }\n", ""));
    String at = "system.toml:24:1: containers.display.module: display.wasm imports ";
    assertEquals(List.of(
        at + "wasi_snapshot_preview1.proc_exit with type (i64) -> (), but it has type (i32) -> ()",
        at + "wasi_snapshot_preview1.no_such_call, which the kernel does not offer (see sdk/isola.h and WASI"
            + " preview 1)",
        at + "isola:sys.teleport, which the kernel does not offer (see sdk/isola.h and WASI preview 1)",
        at + "env.memory, which the kernel cannot satisfy (it offers wasi_snapshot_preview1, isola:sys, the"
            + " peripheral modules isola:gpio, i2c, spi, uart, adc, pwm, timer and irq, portal:NAME for imported"
            + " portals and region.NAME for mapped regions)",
        at + "portal:thermo.read_raw with type (i32) -> (i32), but the portal declares (out) -> i32, that is"
            + " (i32 i32) -> (i32)",
        at + "portal:thermo.read_kelvin, but portal thermo has no function read_kelvin (it has read_celsius,"
            + " read_raw)",
        at + "portal:other.f but the container does not import portal other (add it to portals.import)"),
        problems);
  }

  @Test
  void aContainerThatDidNotImportAPortalCannotLinkIt() throws Exception {
    wat("sensor.wasm", SENSOR);
    wat("display.wasm", DISPLAY);
    assertEquals(List.of("system.toml:24:1: containers.display.module: display.wasm imports portal:thermo.read_raw"
            + " but the container does not import portal thermo (add it to portals.import)"),
        check(SYSTEM.replace("portals.import = [\"thermo\"]\n", "")));
  }

  @Test
  void portalsHaveOneExporterAndImportersOtherThanIt() throws Exception {
    wat("sensor.wasm", SENSOR);
    wat("display.wasm", DISPLAY);
    String system = SYSTEM.replace("portals.import = [\"thermo\"]", "portals.import = [\"thermo\", \"radio\"]")
        + """
        [containers.other]
        module = "sensor.wasm"
        portals.import = ["thermo", "thermo"]
        [[containers.other.contexts]]
        export = "sample"
        [containers.other.portals.export.thermo]
        read_celsius = "() -> f32"
        """;
    assertEquals(List.of(
        "system.toml:25:1: containers.display.portals.import[1]: no container exports portal radio",
        "system.toml:29:1: containers.other.portals.import[1]: portal thermo is imported twice",
        "system.toml:32:1: containers.other.portals.export.thermo: portal thermo is already exported by container"
            + " sensor; a portal has exactly one exporter"),
        check(system));
  }

  @Test
  void portalImportsMustNotFormACycle() throws Exception {
    wat("a.wasm", """
        (module
          (import "portal:pb" "g" (func (result i32)))
          (func (export "f") (result i32) i32.const 1)
          (func (export "run")))
        """);
    wat("b.wasm", """
        (module
          (import "portal:pa" "f" (func (result i32)))
          (func (export "g") (result i32) i32.const 2)
          (func (export "run")))
        """);
    String system = """
        [containers.a]
        module = "a.wasm"
        portals.import = ["pb"]
        contexts = [{ export = "run" }]
        [containers.a.portals.export.pa]
        f = "() -> i32"

        [containers.b]
        module = "b.wasm"
        portals.import = ["pa"]
        contexts = [{ export = "run" }]
        [containers.b.portals.export.pb]
        g = "() -> i32"
        """;
    assertEquals(List.of("system.toml:10:1: containers.b.portals.import[0]: portal imports form a cycle (a -> b -> a):"
        + " calls going both ways round it could wait for each other forever"), check(system));
    assertEquals(List.of(), check(system.replace("portals.import = [\"pa\"]\n", "")
        .replace("(import \"portal:pa\" \"f\" (func (result i32)))", "")).stream()
        .filter(p -> p.contains("cycle")).toList());
  }

  @Test
  void budgetsMustFitTheCpus() throws Exception {
    wat("sensor.wasm", SENSOR);
    wat("display.wasm", DISPLAY);
    String system = SYSTEM.replace("portals.import = [\"thermo\"]",
        "portals.import = [\"thermo\"]\nbudget = { time = \"9ms\", period = \"10ms\" }");
    assertEquals(List.of("system.toml:26:1: containers.display.budget: budgets reserve 1.10 CPUs (sensor 0.20,"
        + " display 0.90) but the system has 1 (system.cpus)"), check(system));
    assertEquals(List.of(), check(system.replace("cpus = 1", "cpus = 2")));
  }

  @Test
  void regionsMustBeDeclaredAndReadOnlyMappingsNeverWritten() throws Exception {
    wat("sensor.wasm", SENSOR);
    wat("display.wasm", DISPLAY);
    List<String> problems = check(SYSTEM.replace("frames = \"rw\"", "frames = \"ro\", other = \"rw\""));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("system.toml:9:13: containers.camera.regions.frames: camera.wasm: function"
        + " capture at byte 0x"), problems.get(0));
    assertTrue(problems.get(0).endsWith("region frames: mapped read-only, but i32.store writes it (memory 0)"),
        problems.get(0));
    assertEquals("system.toml:9:28: containers.camera.regions.other: no region other is declared (add"
        + " [regions.other] with a size)", problems.get(1));
  }

  @Test
  void theModulesMemoryMustStartWithinTheLimit() throws Exception {
    wat("sensor.wasm", SENSOR);
    wat("display.wasm", DISPLAY.replace("(memory 1)", "(memory 2)"));
    assertEquals(List.of("system.toml:27:1: containers.display.memory: display.wasm starts with 128KiB of memory,"
        + " more than the limit 64KiB"), check(SYSTEM + "memory = \"64KiB\"\n"));
  }

  @Test
  void stackRegionsAndThePortalStackMustFitTheMemory() throws Exception {
    wat("sensor.wasm", SENSOR);
    // Own memory 0 (no region import), a stack pointer, three contexts and a portal: 1 page + 3 stacks of 1.
    wat("display.wasm", """
        (module
          (memory 1 3)
          (global (mut i32) (i32.const 1024))
          (func (export "a")) (func (export "b")) (func (export "c"))
          (func (export "get") (param i32 i32) (result i32) i32.const 0))
        """);
    String display = """
        [containers.display]
        module = "display.wasm"
        memory = "%s"
        contexts = [{ export = "a" }, { export = "b" }, { export = "c" }]
        [containers.display.portals.export.info]
        get = "(out) -> i32"
        """;
    String base = SYSTEM.substring(0, SYSTEM.indexOf("[containers.display]"));
    assertEquals(List.of("system.toml:25:1: containers.display.memory: display.wasm starts with 64KiB of memory"
            + " and needs 3 stack regions of 64KiB (contexts after the first, portal stack), more than the limit"
            + " 192KiB"), check(base + display.formatted("192KiB")));
    assertEquals(List.of("system.toml:24:1: containers.display.module: display.wasm starts with 64KiB of memory"
            + " and needs 3 stack regions of 64KiB (contexts after the first, portal stack), more than its memory's"
            + " maximum of 192KiB"), check(base + display.formatted("1MiB")));
  }

  /** A module with a stack pointer that imports isola:irq gets one more stack region at start: its interrupt task's. */
  @Test
  void theInterruptTasksStackMustFitTheMemoryToo() throws Exception {
    wat("sensor.wasm", SENSOR);
    String module = """
        (module
          %s
          (memory 1)
          (global (mut i32) (i32.const 1024))
          (func (export "a")))
        """;
    String display = """
        [containers.display]
        module = "display.wasm"
        memory = "%s"
        contexts = [{ export = "a" }]
        """;
    String base = SYSTEM.substring(0, SYSTEM.indexOf("[containers.display]"));
    String irq = "(import \"isola:irq\" \"overflows\" (func (param i32) (result i64)))";
    wat("display.wasm", module.formatted(irq));
    assertEquals(List.of("system.toml:25:1: containers.display.memory: display.wasm starts with 64KiB of memory"
            + " and needs 1 stack region of 64KiB (interrupt handlers), more than the limit 64KiB"),
        check(base + display.formatted("64KiB")));
    assertEquals(List.of(), check(base + display.formatted("128KiB")));
    // Without isola:irq there is no interrupt task, so no region: the module fits its one page.
    wat("display.wasm", module.formatted(""));
    assertEquals(List.of(), check(base + display.formatted("64KiB")));
  }

  @Test
  void portalBuffersNeedTheExportersOwnMemory() throws Exception {
    wat("sensor.wasm", SENSOR.replace("(memory 1)", "(import \"region\" \"frames\" (memory 1 1))"));
    wat("display.wasm", DISPLAY);
    String mapped = "budget = { time = \"2ms\", period = \"10ms\" }\nregions = { frames = \"rw\" }\n";
    List<String> problems = check(SYSTEM.replace("budget = { time = \"2ms\", period = \"10ms\" }\n", mapped));
    assertEquals(List.of("system.toml:17:1: containers.sensor.portals.export: sensor.wasm's memory 0 is an imported"
        + " region, so the kernel has nowhere to copy portal buffers (declare its own memory and no imported one)"),
        problems);
  }

  @Test
  void loadThrowsWithEveryProblem() throws Exception {
    wat("sensor.wasm", SENSOR);
    Path file = dir.resolve("system.toml");
    Files.writeString(file, SYSTEM);
    SystemFileException e = assertThrows(SystemFileException.class, () -> SystemCheck.load(file));
    assertEquals(1, e.problems().size());
  }
}
