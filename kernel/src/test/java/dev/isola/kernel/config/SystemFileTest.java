package dev.isola.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.toml.Problem;
import dev.isola.wasm.ValType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemFileTest {
  private static final Path FILE = Path.of("/sys/demo.toml");

  static final String DEMO = """
      [system]
      name = "demo"
      cpus = 2
      slice = "5ms"
      tier = "compiled"

      [regions.frames]
      size = "64KiB"

      [containers.sensor]
      module = "sensor.wasm"
      priority = 10
      criticality = "high"
      budget = { time = "2ms", period = "10ms" }
      memory = "1MiB"
      restart = { policy = "on-failure", backoff = "100ms", max-backoff = "5s" }
      watchdog = "200ms"
      stack = "32KiB"
      regions = { frames = "rw" }
      [containers.sensor.portals.export.thermo]
      read_celsius = "() -> f32"
      read_raw = "(out) -> i32"
      [[containers.sensor.contexts]]
      export = "sample"
      period = "10ms"
      [[containers.sensor.contexts]]
      export = "serve"

      [containers.display]
      module = "../bin/display.wasm"
      args = ["--fast"]
      env = { MODE = "test" }
      portals.import = ["thermo"]
      regions = { frames = "ro" }
      """;

  private static SystemSpec parse(String text) throws SystemFileException {
    return SystemFile.parse(FILE, text).spec();
  }

  private static List<String> problems(String text) {
    SystemFileException e = assertThrows(SystemFileException.class, () -> parse(text));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsEveryKeyOfTheDesignExample() throws Exception {
    SystemSpec s = parse(DEMO);
    assertEquals("demo", s.name());
    assertEquals(2, s.cpus());
    assertEquals(Duration.ofMillis(5), s.slice());
    assertEquals(TierChoice.COMPILED, s.tier());
    assertEquals(Map.of("frames", new RegionSpec("frames", 65536)), s.regions());
    assertEquals(List.of("sensor", "display"), List.copyOf(s.containers().keySet()));

    ContainerSpec sensor = s.containers().get("sensor");
    assertEquals(Path.of("/sys/sensor.wasm"), sensor.module());
    assertEquals(10, sensor.priority());
    assertEquals(Criticality.HIGH, sensor.criticality());
    assertEquals(Optional.of(new Budget(Duration.ofMillis(2), Duration.ofMillis(10))), sensor.budget());
    assertEquals(1 << 20, sensor.memoryLimitBytes());
    assertEquals(new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, Duration.ofMillis(100), Duration.ofSeconds(5)),
        sensor.restart());
    assertEquals(Duration.ofMillis(200), sensor.watchdog());
    assertEquals(32 << 10, sensor.stackBytes());
    assertEquals(Map.of("frames", RegionAccess.READ_WRITE), sensor.regions());
    PortalSpec thermo = sensor.portalExports().get("thermo");
    assertEquals("sensor", thermo.exporter());
    assertEquals(List.of("read_celsius", "read_raw"), List.copyOf(thermo.functions().keySet()));
    assertEquals(new PortalSignature(List.of(new PortalParam.Buffer(PortalParam.Direction.OUT)), List.of(ValType.I32)),
        thermo.functions().get("read_raw"));
    assertEquals(List.of(new ContextSpec("sample", Optional.of(Duration.ofMillis(10))),
        new ContextSpec("serve", Optional.empty())), sensor.contexts());
    assertTrue(!sensor.isCommand());
    assertEquals(Optional.of(thermo), s.portal("thermo"));

    ContainerSpec display = s.containers().get("display");
    assertEquals(Path.of("/bin/display.wasm"), display.module(), "relative to the file's directory, normalized");
    assertEquals(List.of("thermo"), display.portalImports());
    assertEquals(List.of("--fast"), display.args());
    assertEquals(Map.of("MODE", "test"), display.env());
    assertTrue(display.isCommand());
  }

  @Test
  void appliesDefaults() throws Exception {
    SystemSpec s = parse("""
        [containers.a]
        module = "a.wasm"
        """);
    assertEquals("demo", s.name(), "the file's name without .toml");
    assertEquals(Runtime.getRuntime().availableProcessors(), s.cpus());
    assertEquals(SystemSpec.DEFAULT_SLICE, s.slice());
    assertEquals(TierChoice.AUTO, s.tier());
    ContainerSpec a = s.containers().get("a");
    assertEquals(0, a.priority());
    assertEquals(Criticality.MEDIUM, a.criticality());
    assertEquals(Optional.empty(), a.budget());
    assertEquals(16 << 20, a.memoryLimitBytes());
    assertEquals(RestartPolicy.NEVER, a.restart());
    assertEquals(Duration.ofSeconds(1), a.watchdog());
    assertEquals(64 << 10, a.stackBytes());
  }

  @Test
  void restartMayBeJustAPolicyWord() throws Exception {
    SystemSpec s = parse("""
        [containers.a]
        module = "a.wasm"
        restart = "always"
        """);
    assertEquals(RestartPolicy.Kind.ALWAYS, s.containers().get("a").restart().kind());
  }

  @Test
  void reportsEveryProblemAtOnceWithLineColumnAndKey() {
    assertEquals(List.of(
        "/sys/demo.toml:2:1: system.name: expected a string, found an integer 3",
        "/sys/demo.toml:3:1: system.cpus: must be between 1 and 1024, found 0",
        "/sys/demo.toml:4:1: system.slize: unknown key",
        "/sys/demo.toml:7:1: regions.frames.size: must be a positive whole number of 64KiB pages, found 1000B",
        "/sys/demo.toml:9:1: containers.sensor: missing required key \"module\"",
        "/sys/demo.toml:10:1: containers.sensor.priority: must be between 0 and 99, found 100",
        "/sys/demo.toml:11:1: containers.sensor.criticality: expected \"high\", \"medium\" or \"low\", found \"hi\"",
        "/sys/demo.toml:12:12: containers.sensor.budget.time: is longer than the period (10ms)",
        "/sys/demo.toml:12:44: containers.sensor.budget.extra: unknown key",
        "/sys/demo.toml:13:1: containers.sensor.memory: \"1MB\" is not a size (write a whole number and B, KiB, MiB"
            + " or GiB, e.g. \"64KiB\")",
        "/sys/demo.toml:14:13: containers.sensor.restart.policy: expected \"never\", \"on-failure\" or \"always\","
            + " found \"sometimes\"",
        "/sys/demo.toml:14:35: containers.sensor.restart.backoff: \"5\" is not a duration (write a number and a"
            + " unit: ns, us, ms, s, m or h, e.g. \"2ms\")",
        "/sys/demo.toml:15:13: containers.sensor.regions.frames: expected \"ro\" or \"rw\", found \"rx\"",
        "/sys/demo.toml:16:1: containers.sensor.portals.import[1]: expected a string, found an integer 3",
        "/sys/demo.toml:18:1: containers.sensor.portals.export.thermo.read_celsius: unknown result type \"f33\""
            + " (expected i32, i64, f32 or f64)",
        "/sys/demo.toml:19:1: containers.sensor.contexts[0]: missing required key \"export\"",
        "/sys/demo.toml:20:1: containers.sensor.contexts[0].exprt: unknown key",
        "/sys/demo.toml:21:1: containers.sensor.contexts[0].period: \"10\" is not a duration (write a number and a"
            + " unit: ns, us, ms, s, m or h, e.g. \"2ms\")",
        "/sys/demo.toml:22:1: containers.sensor.contexts[0].colour: unknown key",
        "/sys/demo.toml:24:1: board: unknown key"),
        problems("""
            [system]
            name = 3
            cpus = 0
            slize = "5ms"

            [regions.frames]
            size = "1000B"

            [containers.sensor]
            priority = 100
            criticality = "hi"
            budget = { time = "20ms", period = "10ms", extra = 1 }
            memory = "1MB"
            restart = { policy = "sometimes", backoff = "5" }
            regions = { frames = "rx" }
            portals.import = ["thermo", 3]
            [containers.sensor.portals.export.thermo]
            read_celsius = "() -> f33"
            [[containers.sensor.contexts]]
            exprt = "sample"
            period = "10"
            colour = "red"

            [board]
            """));
  }

  @Test
  void syntaxErrorsAreReportedWithTheirPositionAndNothingElse() {
    List<String> problems = problems("""
        [system]
        cpus = = 2
        bogus = 1
        """);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.getFirst().startsWith("/sys/demo.toml:2:8: unexpected '='"), problems.getFirst());
  }

  @Test
  void aTableDefinedTwiceIsASyntaxError() {
    assertEquals(List.of("/sys/demo.toml:3:1: containers.a previously defined at line 1, column 1"), problems("""
        [containers.a]
        module = "a.wasm"
        [containers.a]
        priority = 1
        """));
  }

  @Test
  void aRegionLargerThanAMemoryCanHoldIsRefusedBeforeStart() {
    List<String> problems = problems("""
        [regions.big]
        size = "2GiB"
        [containers.a]
        module = "a.wasm"
        """);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.getFirst().startsWith("/sys/demo.toml:2:1: regions.big.size: must be at most "),
        problems.getFirst());
    assertTrue(problems.getFirst().endsWith("(32767 pages, the most a memory holds)"), problems.getFirst());
  }

  @Test
  void aSystemNeedsAContainer() {
    assertEquals(List.of("/sys/demo.toml: containers: a system needs at least one container ([containers.NAME])"),
        problems("[system]\nname = \"x\"\n"));
  }

  @Test
  void namesMustBeUsableInImportNames() {
    List<String> problems = problems("""
        [containers."a b"]
        module = "a.wasm"
        """);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.getFirst().contains("a container name must be letters"), problems.getFirst());
  }

  @Test
  void readFileReportsAMissingFileAsAProblem() {
    SystemFileException e =
        assertThrows(SystemFileException.class, () -> SystemFile.load(Path.of("no/such/system.toml")));
    assertEquals("no/such/system.toml: no such file", e.problems().getFirst().toString());
  }

  @Test
  void durationsTakeAUnit() {
    assertEquals(Duration.ofNanos(250_000), DurationText.parse("250us"));
    assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s"));
    assertEquals(Duration.ofMinutes(2), DurationText.parse("2m"));
    assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
    assertThrows(IllegalArgumentException.class, () -> DurationText.parse("10"));
    assertThrows(IllegalArgumentException.class, () -> DurationText.parse("-1ms"));
    assertThrows(IllegalArgumentException.class, () -> DurationText.parse("0.5ns"));
    assertEquals("2ms", DurationText.format(Duration.ofMillis(2)));
  }

  @Test
  void sizesAreBinary() {
    assertEquals(65536, SizeText.parse("64KiB"));
    assertEquals(3L << 30, SizeText.parse("3GiB"));
    assertEquals(12, SizeText.parse("12B"));
    assertThrows(IllegalArgumentException.class, () -> SizeText.parse("64KB"));
    assertThrows(IllegalArgumentException.class, () -> SizeText.parse("1.5MiB"));
    assertEquals("1MiB", SizeText.format(1 << 20));
  }

  @Test
  void portalSignaturesParseAndMapBuffersToTwoI32() {
    PortalSignature s = PortalSignature.parse("(i64, in, inout) -> (i32, f64)");
    assertEquals(List.of(new PortalParam.Scalar(ValType.I64), new PortalParam.Buffer(PortalParam.Direction.IN),
        new PortalParam.Buffer(PortalParam.Direction.INOUT)), s.params());
    assertEquals("(i64 i32 i32 i32 i32) -> (i32 f64)", s.coreType().toString());
    assertEquals("(i64, in, inout) -> (i32, f64)", s.toString());
    assertEquals(List.of(), PortalSignature.parse("() -> ()").results());
    assertThrows(IllegalArgumentException.class, () -> PortalSignature.parse("(buf) -> i32"));
    assertThrows(IllegalArgumentException.class, () -> PortalSignature.parse("i32 -> i32"));
    assertThrows(IllegalArgumentException.class, () -> PortalSignature.parse("(i32)"));
  }
}
