package dev.isola.kernel.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.interp.Interpreter;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.Criticality;
import dev.isola.kernel.config.PortalSignature;
import dev.isola.kernel.config.PortalSpec;
import dev.isola.kernel.config.RestartPolicy;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.config.TierChoice;
import dev.isola.kernel.container.PortalDirectory;
import dev.isola.kernel.container.PortalExporter;
import dev.isola.kernel.sys.SysError;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Store;
import dev.isola.runtime.UnlinkableException;
import dev.isola.runtime.Value;
import dev.isola.wasm.text.TextParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortalTest {
  /** The exporter: its portal stack is the upper half of its one page; it counts calls and keeps the last pointer. */
  static final String EXPORTER = """
      (module
        (memory 1)
        (global $calls (export "calls") (mut i32) (i32.const 0))
        (global $last (export "last_ptr") (mut i32) (i32.const -1))
        (func $enter (param i32)
          global.get $calls i32.const 1 i32.add global.set $calls
          local.get 0 global.set $last)
        (func (export "add") (param i32 i32) (result i32)
          i32.const 0 call $enter local.get 0 local.get 1 i32.add)
        (func (export "scale") (param f64 i64) (result f64)
          i32.const 0 call $enter local.get 0 local.get 1 f64.convert_i64_s f64.mul)
        (export "peek" (func $sum))
        (func $sum (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
          local.get $p call $enter
          block $done loop $next
            local.get $n i32.eqz br_if $done
            local.get $s local.get $p i32.load8_u i32.add local.set $s
            local.get $p i32.const 1 i32.add local.set $p
            local.get $n i32.const 1 i32.sub local.set $n
            br $next end end
          local.get $s)
        (func (export "fill") (param $p i32) (param $n i32) (result i32) (local $i i32)
          local.get $p call $enter
          block $done loop $next
            local.get $i local.get $n i32.ge_u br_if $done
            local.get $p local.get $i i32.add local.get $i i32.const 1 i32.add i32.store8
            local.get $i i32.const 1 i32.add local.set $i
            br $next end end
          local.get $n)
        (func (export "reverse") (param $p i32) (param $n i32) (result i32) (local $q i32) (local $t i32)
          local.get $p call $enter
          local.get $p local.get $n i32.add i32.const 1 i32.sub local.set $q
          block $done loop $next
            local.get $p local.get $q i32.ge_s br_if $done
            local.get $p i32.load8_u local.set $t
            local.get $p local.get $q i32.load8_u i32.store8
            local.get $q local.get $t i32.store8
            local.get $p i32.const 1 i32.add local.set $p
            local.get $q i32.const 1 i32.sub local.set $q
            br $next end end
          local.get $n)
        (func (export "boom") (result i32) i32.const 0 call $enter unreachable))
      """;

  static final String IMPORTER = """
      (module
        (import "portal:svc" "add" (func $add (param i32 i32) (result i32)))
        (import "portal:svc" "scale" (func $scale (param f64 i64) (result f64)))
        (import "portal:svc" "sum" (func $sum (param i32 i32) (result i32)))
        (import "portal:svc" "fill" (func $fill (param i32 i32) (result i32)))
        (import "portal:svc" "peek" (func $peek (param i32 i32) (result i32)))
        (import "portal:svc" "reverse" (func $reverse (param i32 i32) (result i32)))
        (import "portal:svc" "boom" (func $boom (result i32)))
        (memory (export "memory") 1)
        (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 call $add)
        (func (export "scale") (param f64 i64) (result f64) local.get 0 local.get 1 call $scale)
        (func (export "sum") (param i32 i32) (result i32) local.get 0 local.get 1 call $sum)
        (func (export "fill") (param i32 i32) (result i32) local.get 0 local.get 1 call $fill)
        (func (export "peek") (param i32 i32) (result i32) local.get 0 local.get 1 call $peek)
        (func (export "reverse") (param i32 i32) (result i32) local.get 0 local.get 1 call $reverse)
        (func (export "boom_then_add") (result i32) call $boom i32.const 1000 i32.add))
      """;

  private final Engine engine = Engine.of(EngineConfig.of(new Interpreter()));
  private Instance exporter;
  private TestExporter target;
  private PortalSpec spec;
  private PortalLink link;
  private Instance importer;
  private Memory memory;
  private final Map<String, PortalExporter> running = new LinkedHashMap<>();

  @BeforeEach
  void link() {
    exporter = new Store(engine).instantiate(engine.compile(TextParser.parseModule(EXPORTER)), new Imports());
    target = new TestExporter("server", exporter, 32768, 65536);
    running.put("server", target);
    Map<String, PortalSignature> fns = new LinkedHashMap<>();
    fns.put("add", PortalSignature.parse("(i32, i32) -> i32"));
    fns.put("scale", PortalSignature.parse("(f64, i64) -> f64"));
    fns.put("sum", PortalSignature.parse("(in) -> i32"));
    fns.put("fill", PortalSignature.parse("(out) -> i32"));
    // "peek" is the exporter's "sum" seen through an out buffer: what an out buffer holds when the exporter gets it.
    fns.put("peek", PortalSignature.parse("(out) -> i32"));
    fns.put("reverse", PortalSignature.parse("(inout) -> i32"));
    fns.put("boom", PortalSignature.parse("() -> i32"));
    spec = new PortalSpec("svc", "server", fns);
    PortalDirectory directory = name -> Optional.ofNullable(running.get(name));
    link = PortalLink.of(spec, "client", directory);
    importer = new Store(engine).instantiate(engine.compile(TextParser.parseModule(IMPORTER)),
        link.define(new Imports()));
    memory = importer.memory("memory");
  }

  private int call(String fn, int... args) {
    Value[] values = Arrays.stream(args).mapToObj(Value::i32).toArray(Value[]::new);
    return importer.function(fn).call(values)[0].asInt();
  }

  private int exporterCalls() {
    return exporter.global("calls").get().asInt();
  }

  @Test
  void scalarsPassAsTheyAre() {
    assertEquals(5, call("add", 2, 3));
    assertEquals(-7.5, importer.function("scale").call(Value.f64(2.5), Value.i64(-3))[0].asDouble());
    assertEquals(2, link.calls());
    assertEquals(0, link.failures());
  }

  @Test
  void anInBufferIsCopiedIntoTheExportersMemory() {
    byte[] data = new byte[1024];
    int expected = 0;
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7);
      expected += data[i] & 0xFF;
    }
    memory.write(1000, data, 0, data.length);
    assertEquals(expected, call("sum", 1000, 1024));
    int seen = exporter.global("last_ptr").get().asInt();
    assertTrue(seen >= 32768 && seen + 1024 <= 65536, "the exporter saw its own portal stack, not 1000: " + seen);
  }

  @Test
  void anOutBufferIsCopiedBackAndNothingElseOfTheCallerChanges() {
    byte[] garbage = new byte[65536];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31 + 5);
    }
    memory.write(0, garbage, 0, garbage.length);
    assertEquals(1024, call("fill", 5000, 1024));
    byte[] after = memory.bytes().clone();
    for (int i = 0; i < after.length; i++) {
      byte expected = i >= 5000 && i < 6024 ? (byte) (i - 5000 + 1) : garbage[i];
      assertEquals(expected, after[i], "byte " + i);
    }
    int seen = exporter.global("last_ptr").get().asInt();
    assertTrue(seen >= 32768 && seen != 5000, "the exporter never sees a caller pointer: " + seen);
  }

  @Test
  void anOutBufferReachesTheExporterZeroed() {
    byte[] ones = new byte[512];
    Arrays.fill(ones, (byte) 1);
    memory.write(0, ones, 0, ones.length);
    assertEquals(512, call("sum", 0, 512), "leaves 512 ones on the exporter's portal stack");
    assertEquals(0, call("peek", 0, 512), "an out buffer at the same place starts zeroed");
  }

  @Test
  void anInoutBufferGoesBothWays() {
    byte[] abc = "abcdef".getBytes(StandardCharsets.US_ASCII);
    memory.write(100, abc, 0, abc.length);
    assertEquals(6, call("reverse", 100, 6));
    byte[] back = new byte[6];
    memory.read(100, back, 0, 6);
    assertArrayEquals("fedcba".getBytes(StandardCharsets.US_ASCII), back);
  }

  @Test
  void aBufferOutsideTheCallersMemoryIsRefusedBeforeTheExporterRuns() {
    assertEquals(SysError.EFAULT.code(), call("sum", 65536 - 10, 11));
    assertEquals(SysError.EFAULT.code(), call("fill", -1, 2));
    assertEquals(0, exporterCalls());
    assertEquals(2, link.failures());
    assertEquals(10, call("sum", 65536 - 10, 0) + 10, "an empty buffer at the very end is fine");
  }

  @Test
  void aBufferLargerThanThePortalStackAnswersNoSpace() {
    assertEquals(SysError.ENOSPC.code(), call("sum", 0, 40_000));
    assertEquals(0, exporterCalls());
  }

  @Test
  void anExporterThatTrapsAnswersUnavailableAndTheCallerGoesOn() {
    assertEquals(SysError.EUNAVAILABLE.code() + 1000, call("boom_then_add"));
    assertEquals(SysError.EUNAVAILABLE.code(), call("add", 1, 2), "the exporter is down now");
    running.remove("server");
    assertEquals(SysError.EUNAVAILABLE.code(), call("add", 1, 2), "not running at all");
    assertEquals(Double.NaN, importer.function("scale").call(Value.f64(1), Value.i64(1))[0].asDouble());
    assertEquals(4, link.calls());
    assertEquals(4, link.failures());
  }

  @Test
  void aContainerThatDidNotImportThePortalCannotLinkIt() {
    // Its imports hold no portal:svc functions, so instantiation fails on the first one.
    assertThrows(UnlinkableException.class, () -> new Store(engine)
        .instantiate(engine.compile(TextParser.parseModule(IMPORTER)), new Imports()));
    assertThrows(IllegalArgumentException.class,
        () -> PortalLink.of(spec, "server", name -> Optional.empty()), "the exporter cannot import itself");
  }

  @Test
  void importsLinkOnlyThePortalsAContainerLists() {
    SystemSpec system = new SystemSpec(Path.of("/s.toml"), "s", 1,
        Duration.ofMillis(5), TierChoice.AUTO, Map.of(), Map.of(
            "server", container("server", List.of(), Map.of("svc", spec)),
            "client", container("client", List.of("svc"), Map.of()),
            "stranger", container("stranger", List.of(), Map.of())));
    PortalImports client = PortalImports.of(system, system.containers().get("client"), name -> Optional.empty());
    assertEquals(1, client.links().size());
    Imports linked = client.define(new Imports());
    for (String fn : spec.functions().keySet()) {
      assertTrue(linked.resolve("portal:svc", fn).isPresent(), fn);
    }
    PortalImports stranger = PortalImports.of(system, system.containers().get("stranger"), name -> Optional.empty());
    assertEquals(0, stranger.links().size());
    assertTrue(stranger.define(new Imports()).resolve("portal:svc", "add").isEmpty());
  }

  private static ContainerSpec container(String name, List<String> imports,
      Map<String, PortalSpec> exports) {
    return new ContainerSpec(name, Path.of(name + ".wasm"), 0,
        Criticality.MEDIUM, Optional.empty(), 1 << 20,
        RestartPolicy.NEVER, Duration.ofSeconds(1), 65536, Map.of(), imports,
        exports, List.of(), List.of(), Map.of());
  }
}
