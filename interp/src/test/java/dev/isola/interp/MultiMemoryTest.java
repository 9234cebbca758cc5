package dev.isola.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.wasm.Feature;
import dev.isola.wasm.text.TextParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Memory instructions on memories other than 0 run on the memory they name, and memory 0 stays untouched. */
class MultiMemoryTest {
  private static final Set<Feature> FEATURES = Set.of(Feature.MULTI_MEMORY);
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()).withFeatures(FEATURES));

  private static final String WAT = """
      (module
        (memory $a 1)
        (memory $b 1 3)
        (data $d "\\01\\02\\03\\04")
        (export "a" (memory $a))
        (export "b" (memory $b))
        (func (export "store") (param i32 i32 i64)
          (i32.store $a (local.get 0) (local.get 1))
          (i64.store $b offset=8 (local.get 0) (local.get 2)))
        (func (export "storeB") (param i32 i64)
          (i64.store $b (local.get 0) (local.get 1)))
        (func (export "loadA") (param i32) (result i32)
          (i32.load $a (local.get 0)))
        (func (export "load") (param i32) (result i32 i64 i32 i32)
          (i32.load $a (local.get 0))
          (i64.load $b offset=8 (local.get 0))
          (i32.load8_s $b offset=8 (local.get 0))
          (i32.load16_u $b offset=8 (local.get 0)))
        (func (export "copyBtoA") (param i32 i32 i32)
          (memory.copy $a $b (local.get 0) (local.get 1) (local.get 2)))
        (func (export "fillB") (param i32 i32 i32)
          (memory.fill $b (local.get 0) (local.get 1) (local.get 2)))
        (func (export "initB") (param i32)
          (memory.init $b $d (local.get 0) (i32.const 0) (i32.const 4)))
        (func (export "growB") (param i32) (result i32)
          (memory.grow $b (local.get 0)))
        (func (export "sizes") (result i32 i32)
          (memory.size $a) (memory.size $b))
        (func (export "v128") (param i32) (result i64)
          (v128.store $b (local.get 0) (v128.load $a (i32.const 0)))
          (i64x2.extract_lane 1 (v128.load $b (local.get 0)))))
      """;

  private static Instance instance() {
    return new Store(ENGINE).instantiate(ENGINE.compile(TextParser.parseModule(WAT, FEATURES)), new Imports());
  }

  @Test
  void loadsAndStoresUseTheMemoryTheyName() {
    Instance in = instance();
    in.function("store").call(Value.i32(16), Value.i32(0x11223344), Value.i64(0x8182_8384_8586_8788L));
    Memory a = in.memory("a");
    Memory b = in.memory("b");
    assertEquals(0x11223344, a.readI32(16));
    assertEquals(0, a.readI64(24), "memory 0 is not written by a store to memory 1");
    assertEquals(0x8182_8384_8586_8788L, b.readI64(24));
    assertEquals(0, b.readI32(16));
    assertArrayEquals(new Value[] {Value.i32(0x11223344), Value.i64(0x8182_8384_8586_8788L),
        Value.i32((byte) 0x88), Value.i32(0x8788)}, in.function("load").call(Value.i32(16)));
  }

  @Test
  void bulkOperationsCrossMemories() {
    Instance in = instance();
    in.function("initB").call(Value.i32(100));
    in.function("fillB").call(Value.i32(104), Value.i32(9), Value.i32(2));
    in.function("copyBtoA").call(Value.i32(0), Value.i32(100), Value.i32(6));
    byte[] copied = new byte[7];
    in.memory("a").read(0, copied, 0, 7);
    assertArrayEquals(new byte[] {1, 2, 3, 4, 9, 9, 0}, copied);
    Trap t = assertThrows(Trap.class,
        () -> in.function("copyBtoA").call(Value.i32(0), Value.i32(65535), Value.i32(2)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    assertEquals(1, in.memory("a").readI8(0), "a trapping copy writes nothing");
  }

  @Test
  void growAndSizeApplyToOneMemory() {
    Instance in = instance();
    assertArrayEquals(new Value[] {Value.i32(1)}, in.function("growB").call(Value.i32(2)));
    assertArrayEquals(new Value[] {Value.i32(-1)}, in.function("growB").call(Value.i32(1)), "max is 3 pages");
    assertArrayEquals(new Value[] {Value.i32(1), Value.i32(3)}, in.function("sizes").call());
    // Memory 0's loop-cached array must still be memory 0 after memory 1 grew.
    in.function("storeB").call(Value.i32(3 * 65536 - 8), Value.i64(6));
    assertEquals(6, in.memory("b").readI64(3 * 65536 - 8));
    assertThrows(Trap.class, () -> in.function("loadA").call(Value.i32(65536)));
    assertArrayEquals(new Value[] {Value.i32(0)}, in.function("loadA").call(Value.i32(65532)));
  }

  @Test
  void simdAccessesOtherMemories() {
    Instance in = instance();
    in.memory("a").writeI64(8, 0x0102_0304_0506_0708L);
    assertArrayEquals(new Value[] {Value.i64(0x0102_0304_0506_0708L)}, in.function("v128").call(Value.i32(32)));
    assertEquals(0x0102_0304_0506_0708L, in.memory("b").readI64(40));
    Trap t = assertThrows(Trap.class, () -> in.function("v128").call(Value.i32(65536 - 8)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    assertEquals(0, in.memory("b").readI64(65536 - 8), "an out-of-bounds v128.store writes nothing");
  }
}
