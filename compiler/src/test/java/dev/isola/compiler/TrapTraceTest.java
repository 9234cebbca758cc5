package dev.isola.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.Value;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trap's Wasm stack trace is the interpreter's on the compiled tier: the same functions, each at the byte
 * offset of its trapping instruction or call site.
 */
class TrapTraceTest {
  static final String WAT = """
      (module
        (memory 1)
        (table 2 funcref)
        (func $divide (param i32) (result i32)
          (i32.div_u (i32.const 7) (local.get 0)))
        (func $load (param i32) (result i32)
          (nop) (i32.load offset=4 (local.get 0)))
        (func $crash (unreachable))
        (func $indirect (param i32) (call_indirect (local.get 0)))
        (func $middle (param i32 i32) (result i32)
          (local.set 1 (i32.add (local.get 1) (i32.const 1)))
          (if (i32.eq (local.get 0) (i32.const 0)) (then (return (call $divide (i32.const 0)))))
          (if (i32.eq (local.get 0) (i32.const 1)) (then (return (call $load (i32.const 65534)))))
          (if (i32.eq (local.get 0) (i32.const 2)) (then (call $crash)))
          (if (i32.eq (local.get 0) (i32.const 3)) (then (call $indirect (i32.const 5))))
          (local.get 1))
        (func (export "outer") (param i32) (result i32)
          (drop (i32.const 1))
          (call $middle (local.get 0) (i32.const 0))))
      """;

  private static List<Trap.Frame> trace(Engine engine, String wat, String export, int arg) {
    // Through the binary format, so that instructions have byte offsets (parsed text has none).
    var model = ModuleDecoder.decode(ModuleEncoder.encode(TextParser.parseModule(wat)));
    var instance = new Store(engine).instantiate(engine.compile(model), new Imports());
    Trap t = assertThrows(Trap.class, () -> instance.function(export).call(Value.i32(arg)));
    return t.wasmStackTrace();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void sameFramesAndOffsetsOnBothTiers(int which) {
    List<Trap.Frame> interp = trace(Tiers.interp(), WAT, "outer", which);
    List<Trap.Frame> compiled = trace(Tiers.compiled(), WAT, "outer", which);
    assertEquals(interp.stream().map(Trap.Frame::toString).toList(),
        compiled.stream().map(Trap.Frame::toString).toList());
    assertEquals(interp.stream().map(Trap.Frame::offset).toList(),
        compiled.stream().map(Trap.Frame::offset).toList());
    assertTrue(compiled.size() >= 3, compiled.toString());
    assertTrue(compiled.stream().allMatch(f -> f.offset() > 0), compiled.toString());
  }

  /** A trap inside an outlined region of a split function: one frame for the function, at the instruction. */
  @Test
  void trapInsideASplitRegionHasOneFrameWithItsOffset() {
    // In the last of the 30 blocks, the ones outlined first.
    String big = SplittingTest.wat();
    int at = big.lastIndexOf("(local.set $i (i32.const 0))");
    String wat = big.substring(0, at) + "(if (i32.eq (local.get $n) (i32.const 99)) (then unreachable))"
        + big.substring(at);
    List<Trap.Frame> interp = trace(Tiers.interp(), wat, "big", 99);
    List<Trap.Frame> compiled = trace(Tiers.compiled(), wat, "big", 99);
    assertEquals(1, compiled.size(), compiled.toString());
    assertEquals(interp, compiled);
    assertTrue(compiled.getFirst().offset() > 0, compiled.toString());
  }
}
