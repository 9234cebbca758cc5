package dev.isola.kernel.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.interp.Interpreter;
import dev.isola.kernel.config.RegionAccess;
import dev.isola.kernel.config.RegionSpec;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.UnlinkableException;
import dev.isola.runtime.Value;
import dev.isola.wasm.Feature;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionBinderTest {
  private static final Set<Feature> FEATURES = Set.of(Feature.MULTI_MEMORY);
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()).withFeatures(FEATURES));
  private static final Map<String, RegionSpec> SYSTEM = Map.of(
      "frames", new RegionSpec("frames", 64 * 1024),
      "log", new RegionSpec("log", 2 * 64 * 1024));

  /** Decoded from bytes, as the kernel decodes a container's file: instructions carry their byte offsets. */
  private static WasmModule module(String wat) {
    return ModuleDecoder.decode(ModuleEncoder.encode(TextParser.parseModule(wat, FEATURES)), FEATURES);
  }

  /** Imports the region as memory 0 and keeps its own memory 1: it stages a frame there, then copies it out. */
  private static final String WRITER = """
      (module
        (import "region" "frames" (memory $frames 1 1))
        (memory $own 1)
        (func (export "publish") (param $seq i32)
          (i32.store $own (i32.const 0) (local.get $seq))
          (i32.store $own (i32.const 4) (i32.mul (local.get $seq) (i32.const 1000)))
          (memory.copy $frames $own (i32.const 64) (i32.const 0) (i32.const 8))))
      """;

  /** Reads the region only: copies it into its own memory and sums from there. */
  private static final String READER = """
      (module
        (import "region" "frames" (memory $frames 1 1))
        (memory $own 1)
        (func (export "read") (result i32 i32)
          (memory.copy $own $frames (i32.const 0) (i32.const 64) (i32.const 8))
          (i32.load $frames (i32.const 64))
          (i32.load $own (i32.const 4))))
      """;

  @Test
  void aWriterAndAReaderSeeTheSameBytes() {
    Map<String, Region> regions = Region.createAll(SYSTEM);
    WasmModule writer = module(WRITER);
    WasmModule reader = module(READER);
    Map<String, RegionAccess> rw = Map.of("frames", RegionAccess.READ_WRITE);
    Map<String, RegionAccess> ro = Map.of("frames", RegionAccess.READ_ONLY);
    assertEquals(List.of(), RegionBinder.check("camera", writer, rw, SYSTEM));
    assertEquals(List.of(), RegionBinder.check("display", reader, ro, SYSTEM));

    // Two containers: two stores, one region memory.
    Instance w = new Store(ENGINE).instantiate(ENGINE.compile(writer), RegionBinder.define(new Imports(), rw, regions));
    Instance r = new Store(ENGINE).instantiate(ENGINE.compile(reader), RegionBinder.define(new Imports(), ro, regions));
    assertSame(regions.get("frames").memory(), w.memory(0));
    assertSame(w.memory(0), r.memory(0));

    w.function("publish").call(Value.i32(7));
    assertArrayEquals(new Value[] {Value.i32(7), Value.i32(7000)}, r.function("read").call());
    w.function("publish").call(Value.i32(8));
    assertArrayEquals(new Value[] {Value.i32(8), Value.i32(8000)}, r.function("read").call());
    assertEquals(0, w.memory(1).readI32(64), "the writer's own memory is not the region");
  }

  @Test
  void aReadOnlyMapperThatStoresIsRefusedWithFunctionAndOffset() {
    WasmModule cheat = module("""
        (module
          (import "region" "frames" (memory 1 1))
          (memory $own 1)
          (func $fine (drop (i32.load (i32.const 0))))
          (func $tamper (export "tamper")
            (i32.store8 $own (i32.const 0) (i32.const 1))
            (i32.store8 offset=3 (i32.const 0) (i32.const 1))))
        """);
    List<RegionProblem> problems = RegionBinder.check("display", cheat,
        Map.of("frames", RegionAccess.READ_ONLY), SYSTEM);
    assertEquals(1, problems.size(), problems.toString());
    RegionProblem p = problems.getFirst();
    assertEquals("display", p.container());
    assertEquals("frames", p.region());
    assertEquals(Optional.of(new RegionProblem.FunctionRef(1, "tamper")), p.function());
    // $tamper's body: i32.const, i32.const, i32.store8 $own, i32.const, i32.const, i32.store8 (the region).
    int storeOffset = cheat.code().get(1).instructions().get(5).offset();
    assertEquals(storeOffset, p.offset());
    assertTrue(storeOffset > 0);
    assertEquals("container display: region frames: function 'tamper' at byte 0x" + Integer.toHexString(storeOffset)
        + ": mapped read-only, but i32.store8 writes it (memory 0)", p.toString());

    // The same module mapping the region read-write is fine.
    assertEquals(List.of(), RegionBinder.check("display", cheat, Map.of("frames", RegionAccess.READ_WRITE), SYSTEM));
  }

  @Test
  void everyWriteKindIsRefusedForReadOnlyIncludingAnExport() {
    WasmModule m = module("""
        (module
          (import "region" "frames" (memory $f 1 1))
          (memory $own 1)
          (export "leak" (memory $f))
          (data (memory $f) (i32.const 0) "init")
          (func $a (memory.fill $f (i32.const 0) (i32.const 0) (i32.const 1)))
          (func $b (memory.copy $f $own (i32.const 0) (i32.const 0) (i32.const 1)))
          (func $c (drop (memory.grow $f (i32.const 0))))
          (func $d (v128.store64_lane $f 1 (i32.const 0) (v128.const i64x2 0 0))))
        """);
    List<String> messages = RegionBinder.check("x", m, Map.of("frames", RegionAccess.READ_ONLY), SYSTEM)
        .stream().map(RegionProblem::message).toList();
    assertEquals(List.of(
        "mapped read-only, but memory.fill writes it (memory 0)",
        "mapped read-only, but memory.copy writes it (memory 0)",
        "mapped read-only, but memory.grow writes it (memory 0)",
        "mapped read-only, but v128.store64_lane writes it (memory 0)",
        "mapped read-only, but active data segment 0 writes it at instantiation",
        "mapped read-only, but the module exports it as 'leak', which lets others write it"), messages);
  }

  @Test
  void aSizeMismatchIsRefused() {
    WasmModule twoPages = module("""
        (module (import "region" "frames" (memory 2 2)))
        """);
    List<RegionProblem> problems = RegionBinder.check("cam", twoPages, Map.of("frames", RegionAccess.READ_WRITE),
        SYSTEM);
    assertEquals(1, problems.size());
    assertEquals("container cam: region frames: size mismatch: the module imports (memory 2 2) but the region is"
        + " 1 page (65536 bytes)", problems.getFirst().toString());

    // And instantiation agrees: the runtime's import matching refuses the same module.
    Map<String, Region> regions = Region.createAll(SYSTEM);
    assertThrows(UnlinkableException.class, () -> new Store(ENGINE).instantiate(ENGINE.compile(twoPages),
        RegionBinder.define(new Imports(), Map.of("frames", RegionAccess.READ_WRITE), regions)));

    // A smaller minimum without a maximum fits, as the spec's import matching says.
    WasmModule flexible = module("""
        (module (import "region" "log" (memory 1)))
        """);
    assertEquals(List.of(), RegionBinder.check("cam", flexible, Map.of("log", RegionAccess.READ_WRITE), SYSTEM));
  }

  @Test
  void unknownUnmappedAndNonMemoryImportsAreRefused() {
    WasmModule m = module("""
        (module
          (import "region" "nope" (memory 1 1))
          (import "region" "log" (memory 2 2))
          (import "region" "frames" (func)))
        """);
    List<String> messages = RegionBinder.check("c", m, Map.of(), SYSTEM).stream().map(RegionProblem::toString)
        .toList();
    assertEquals(List.of(
        "container c: region nope: no such region in the system file (it declares frames, log)",
        "container c: region log: imported but not mapped by the container: add regions = { log = \"ro\" } or"
            + " \"rw\"",
        "container c: region frames: imported as a function; a region is a memory: (import \"region\" \"frames\""
            + " (memory P P))"), messages);
  }

  @Test
  void aRegionIsFixedSize() {
    Region r = Region.create(new RegionSpec("frames", 3 * 65536));
    assertEquals(3, r.pages());
    assertEquals(-1, r.memory().grow(1));
    assertEquals(3, r.type().limits().max());
  }
}
