package dev.isola.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.wasm.binary.MalformedModuleException;
import org.junit.jupiter.api.Test;

class EngineTest {
  /** {@code (module (memory (export "mem") 1) (data (i32.const 16) "hi"))}, assembled by hand. */
  private static final byte[] MODULE = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x05, 0x03, 0x01, 0x00, 0x01,
    0x07, 0x07, 0x01, 0x03, 'm', 'e', 'm', 0x02, 0x00,
    0x0b, 0x08, 0x01, 0x00, 0x41, 0x10, 0x0b, 0x02, 'h', 'i',
  };

  private final FakeTier tier = new FakeTier();
  private final Engine engine = Engine.of(EngineConfig.of(tier));

  @Test
  void compilesBytesThroughDecoderValidatorAndTier() {
    Module module = engine.compile(MODULE);
    assertSame(engine, module.engine());
    assertNull(module.name());
    assertEquals(1, tier.events.size(), "prepared once");
    Instance a = new Store(engine).instantiate(module, new Imports());
    Instance b = new Store(engine).instantiate(module, new Imports());
    assertEquals('h', a.memory("mem").readI8(16));
    assertEquals('i', b.memory("mem").readI8(17));
    a.memory("mem").writeI8(16, (byte) 'x');
    assertEquals('h', b.memory("mem").readI8(16), "instances share code, not state");
    assertEquals(1, tier.events.stream().filter("prepare"::equals).count());
  }

  @Test
  void malformedBytesAreReported() {
    assertThrows(MalformedModuleException.class, () -> engine.compile(new byte[] {0, 'a', 's', 'n'}));
  }

  @Test
  void aStoreOnlyInstantiatesItsEnginesModules() {
    Module module = engine.compile(MODULE);
    Store other = new Store(Engine.of(EngineConfig.of(tier)));
    assertThrows(IllegalArgumentException.class, () -> other.instantiate(module, new Imports()));
  }
}
