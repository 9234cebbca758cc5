package dev.isola.wasm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.Feature;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryWritesTest {
  private static WasmModule parse(String wat) {
    return TextParser.parseModule(wat, Set.of(Feature.MULTI_MEMORY));
  }

  private static WasmModule binary(String wat) {
    return ModuleDecoder.decode(ModuleEncoder.encode(parse(wat)), Set.of(Feature.MULTI_MEMORY));
  }

  /** The opcodes reported for memory {@code index}, in order. */
  private static List<OpCode> opcodes(MemoryWrites writes, int index) {
    return writes.forMemory(index).stream()
        .map(w -> ((MemoryWrite.Instruction) w).opcode())
        .toList();
  }

  @Test
  void everyKindOfWriteIsReportedAgainstTheMemoryItNames() {
    WasmModule m = parse("""
        (module
          (import "region" "r" (memory $r 1 1))
          (memory $own 1)
          (data $d "x")
          (func $reads
            (drop (i32.load $r (i32.const 0)))
            (drop (v128.load $r (i32.const 0)))
            (drop (memory.size $r))
            (memory.copy $own $r (i32.const 0) (i32.const 0) (i32.const 1)))
          (func $writes
            (i32.store $r (i32.const 0) (i32.const 1))
            (i64.store8 $r (i32.const 0) (i64.const 1))
            (f64.store $own (i32.const 0) (f64.const 1))
            (v128.store $r (i32.const 0) (v128.const i64x2 0 0))
            (v128.store8_lane $r 3 (i32.const 0) (v128.const i64x2 0 0))
            (memory.fill $r (i32.const 0) (i32.const 0) (i32.const 1))
            (memory.copy $r $own (i32.const 0) (i32.const 0) (i32.const 1))
            (memory.init $r $d (i32.const 0) (i32.const 0) (i32.const 1))
            (drop (memory.grow $r (i32.const 0)))))
        """);
    MemoryWrites writes = MemoryWrites.of(m);
    assertEquals(List.of(OpCode.I32_STORE, OpCode.I64_STORE8, OpCode.V128_STORE, OpCode.V128_STORE8_LANE,
        OpCode.MEMORY_FILL, OpCode.MEMORY_COPY, OpCode.MEMORY_INIT, OpCode.MEMORY_GROW), opcodes(writes, 0));
    // memory.copy in $reads writes $own (its destination), f64.store too.
    assertEquals(List.of(OpCode.MEMORY_COPY, OpCode.F64_STORE), opcodes(writes, 1));
    assertFalse(writes.isReadOnly(0));
    assertEquals(List.of(), writes.forMemory(2), "no such memory: nothing");
  }

  @Test
  void writesNameTheirFunctionInTheIndexSpaceAndTheirByteOffset() {
    // Through the binary form, as the kernel gets it: the text parser records no byte offsets.
    WasmModule m = binary("""
        (module
          (import "env" "f" (func))
          (memory 1)
          (func $quiet (drop (i32.load (i32.const 4))))
          (func $loud (i32.store16 offset=2 (i32.const 4) (i32.const 9))))
        """);
    List<MemoryWrite> writes = MemoryWrites.of(m).forMemory(0);
    assertEquals(1, writes.size());
    MemoryWrite.Instruction w = (MemoryWrite.Instruction) writes.getFirst();
    assertEquals(2, w.function(), "one imported function, then $quiet (1), then $loud (2)");
    assertEquals(OpCode.I32_STORE16, w.opcode());
    FunctionBody loud = m.code().get(1);
    Instruction store = loud.instructions().stream().filter(i -> i.opcode() == OpCode.I32_STORE16).findFirst()
        .orElseThrow();
    assertTrue(w.offset() > loud.offset(), "inside $loud's body: " + w.offset());
    assertEquals(store.offset(), w.offset());
  }

  @Test
  void aReaderOnlyModuleIsReadOnlyButAnExportedMemoryIsNot() {
    WasmModule reader = parse("""
        (module
          (import "region" "r" (memory 1 1))
          (func (result i32) (i32.load8_u (i32.const 0))))
        """);
    assertTrue(MemoryWrites.of(reader).isReadOnly(0));

    WasmModule exporter = parse("""
        (module
          (import "region" "r" (memory 1 1))
          (export "again" (memory 0)))
        """);
    assertEquals(List.of(new MemoryWrite.Export(0, "again")), MemoryWrites.of(exporter).forMemory(0));
  }

  @Test
  void activeDataSegmentsWriteTheirMemoryButPassiveAndEmptyOnesDoNot() {
    WasmModule m = parse("""
        (module
          (import "region" "r" (memory $r 1 1))
          (memory $own 1)
          (data (memory $own) (i32.const 0) "own")
          (data "passive")
          (data (memory $r) (i32.const 0) "")
          (data (memory $r) (i32.const 8) "shared"))
        """);
    MemoryWrites writes = MemoryWrites.of(m);
    assertEquals(List.of(new MemoryWrite.Data(0, 3)), writes.forMemory(0));
    assertEquals(List.of(new MemoryWrite.Data(1, 0)), writes.forMemory(1));
  }

  @Test
  void deadCodeStillCounts() {
    WasmModule m = parse("""
        (module
          (memory 1)
          (func unreachable (i32.store (i32.const 0) (i32.const 0))))
        """);
    assertEquals(List.of(OpCode.I32_STORE), opcodes(MemoryWrites.of(m), 0));
  }
}
