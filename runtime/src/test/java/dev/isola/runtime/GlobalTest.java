package dev.isola.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.wasm.GlobalType;
import dev.isola.wasm.ValType;
import org.junit.jupiter.api.Test;

class GlobalTest {
  @Test
  void holdsRawBitsAndBoxesOnDemand() {
    Global g = new Global(new GlobalType(ValType.F32, true), Value.f32(1.5f));
    assertEquals(Float.floatToRawIntBits(1.5f), (int) g.raw());
    g.setRaw(Float.floatToRawIntBits(-2f));
    assertEquals(-2f, g.get().asFloat());
    int nan = 0x7fa00001;
    g.set(new Value.F32(nan));
    assertEquals(new Value.F32(nan), g.get(), "NaN payload kept");
  }

  @Test
  void v128AndReferences() {
    Global v = new Global(new GlobalType(ValType.V128, false), Value.v128(1, 2));
    assertEquals(1, v.raw());
    assertEquals(2, v.rawHigh());
    assertEquals(Value.v128(1, 2), v.get());
    Global r = new Global(new GlobalType(ValType.EXTERNREF, true), Value.externref("host"));
    assertEquals("host", r.ref());
    r.set(Value.externref(null));
    assertEquals(Value.externref(null), r.get());
  }

  @Test
  void setChecksMutabilityAndType() {
    Global immutable = new Global(new GlobalType(ValType.I32, false), Value.i32(1));
    assertThrows(IllegalStateException.class, () -> immutable.set(Value.i32(2)));
    Global g = new Global(new GlobalType(ValType.I64, true), Value.i64(1));
    assertThrows(IllegalArgumentException.class, () -> g.set(Value.i32(2)));
    assertThrows(IllegalArgumentException.class,
        () -> new Global(new GlobalType(ValType.I32, true), Value.f64(1)));
    g.set(Value.i64(-5));
    assertEquals(-5, g.get().asLong());
  }
}
