package dev.isola.interp;

import static dev.isola.interp.TestModule.i32;
import static dev.isola.interp.TestModule.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.ChunkPoll;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Module;
import dev.isola.runtime.ResourceLimiter;
import dev.isola.runtime.Store;
import dev.isola.runtime.Table;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bulk memory and table operations poll between chunks: they can be stopped in the middle, and stay exact. */
class BulkChunkTest {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));
  private static final int MIB = 1 << 20;

  /** {@code fill()}: memory.fill(0, 7, 1 MiB) = 16 chunks; {@code copy()}: memory.copy(1 MiB, 0, 1 MiB). */
  private static Module fillAndCopy() {
    TestModule m = new TestModule().memory(32);
    m.func("fill", type(List.of(), List.of()), List.of(),
        i32(0), i32(7), i32(MIB), new Instruction(OpCode.MEMORY_FILL, new Immediate.Index(0)));
    m.func("copy", type(List.of(), List.of()), List.of(),
        i32(MIB), i32(0), i32(MIB), new Instruction(OpCode.MEMORY_COPY, new Immediate.Pair(0, 0)));
    return ENGINE.compile(m.build());
  }

  @Test
  void fillRunsOutOfFuelBetweenChunks() {
    Module module = fillAndCopy();
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(module, new Imports());
    // Each 64 KiB chunk costs 64 units, charged before it is written: 500 units pay for the entry and 7 chunks.
    store.setFuel(500);
    Trap trap = assertThrows(Trap.class, () -> instance.function("fill").call());
    assertEquals(TrapKind.OUT_OF_FUEL, trap.kind());
    assertEquals(0, store.fuel());
    byte[] bytes = instance.memory("memory").bytes();
    assertEquals(7, bytes[0]);
    assertEquals(7, bytes[7 * Memory.BULK_CHUNK - 1]);
    assertEquals(0, bytes[7 * Memory.BULK_CHUNK]);
    assertEquals(0, bytes[MIB - 1]);
  }

  @Test
  void fuelChargedByBulkOperationsIsDeterministicAndByLength() {
    Module module = fillAndCopy();
    long[] used = new long[2];
    for (int i = 0; i < 2; i++) {
      Store store = new Store(ENGINE);
      Instance instance = store.instantiate(module, new Imports());
      store.setFuel(1_000_000);
      instance.function("fill").call();
      instance.function("copy").call();
      used[i] = 1_000_000 - store.fuel();
      assertEquals(7, instance.memory("memory").bytes()[2 * MIB - 1]);
    }
    assertEquals(used[0], used[1]);
    assertTrue(used[0] >= 2048, "charged " + used[0]);
  }

  @Test
  void deadlinePassedDuringACopyStopsItBetweenChunks() {
    Module module = fillAndCopy();
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(module, new Imports());
    instance.function("fill").call();
    // The handler runs on every slow-path poll: the entry's, then one per chunk. On the 4th (before chunk 3)
    // it moves the deadline into the past, as a clock running out would.
    AtomicInteger polls = new AtomicInteger();
    store.setSafepointHandler(s -> {
      if (polls.incrementAndGet() == 4) {
        s.setDeadline(System.nanoTime() - 1);
      }
    });
    Trap trap = assertThrows(Trap.class, () -> instance.function("copy").call());
    assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
    assertEquals(4, polls.get(), "the trap comes at the poll after the handler set the deadline");
    byte[] bytes = instance.memory("memory").bytes();
    assertEquals(7, bytes[MIB]);
    assertEquals(7, bytes[MIB + 3 * Memory.BULK_CHUNK - 1]);
    assertEquals(0, bytes[MIB + 3 * Memory.BULK_CHUNK]);
  }

  @Test
  void interruptStopsAFillBetweenChunks() {
    Module module = fillAndCopy();
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(module, new Imports());
    AtomicInteger polls = new AtomicInteger();
    store.setSafepointHandler(s -> {
      if (polls.incrementAndGet() == 3) {
        throw new Trap(TrapKind.INTERRUPTED);
      }
    });
    Trap trap = assertThrows(Trap.class, () -> instance.function("fill").call());
    assertEquals(TrapKind.INTERRUPTED, trap.kind());
    byte[] bytes = instance.memory("memory").bytes();
    // Polls: the entry's, chunk 1's, then chunk 2's, which throws: one chunk written.
    assertEquals(7, bytes[Memory.BULK_CHUNK - 1]);
    assertEquals(0, bytes[Memory.BULK_CHUNK]);
  }

  @Test
  void tableFillRunsOutOfFuelBetweenChunks() {
    int size = 5 * Table.BULK_CHUNK;
    TestModule m = new TestModule().table(new int[size]);
    m.func("clear", type(List.of(), List.of()), List.of(),
        i32(0), new Instruction(OpCode.REF_NULL, new Immediate.RefType(ValType.FUNCREF)), i32(size),
        new Instruction(OpCode.TABLE_FILL, new Immediate.Index(0)));
    Module module = ENGINE.compile(m.build());
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(module, new Imports());
    Table table = instance.table(0);
    // Each chunk of 4096 elements costs 4 units: 12 units pay for the entry and some chunks, not all five.
    store.setFuel(12);
    Trap trap = assertThrows(Trap.class, () -> instance.function("clear").call());
    assertEquals(TrapKind.OUT_OF_FUEL, trap.kind());
    assertNull(table.get(0));
    assertNotNull(table.get(size - 1));
  }

  @Test
  void overlappingMemoryCopiesAreMemmoveAcrossChunks() {
    for (long shift : new long[] {1, 100, Memory.BULK_CHUNK - 1, Memory.BULK_CHUNK + 3}) {
      for (boolean up : new boolean[] {true, false}) {
        Memory memory = new Memory(new MemoryType(new Limits(8, Limits.NO_MAX)), ResourceLimiter.UNLIMITED);
        byte[] bytes = memory.bytes();
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (i * 31 + (i >> 8));
        }
        long len = 3 * Memory.BULK_CHUNK + 123;
        long src = up ? 1000 : 1000 + shift;
        long dst = up ? 1000 + shift : 1000;
        byte[] expected = bytes.clone();
        System.arraycopy(expected, (int) src, expected, (int) dst, (int) len);
        List<Integer> chunks = new ArrayList<>();
        memory.copy(dst, memory, src, len, chunks::add);
        assertArrayEquals(expected, memory.bytes(), "shift " + shift + (up ? " up" : " down"));
        assertEquals(List.of(Memory.BULK_CHUNK, Memory.BULK_CHUNK, Memory.BULK_CHUNK, 123), chunks);
      }
    }
  }

  @Test
  void overlappingTableCopiesAreMemmoveAcrossChunks() {
    for (int shift : new int[] {1, 7, Table.BULK_CHUNK + 1}) {
      for (boolean up : new boolean[] {true, false}) {
        int size = 4 * Table.BULK_CHUNK;
        Table table = new Table(new TableType(ValType.EXTERNREF, new Limits(size, Limits.NO_MAX)), null,
            ResourceLimiter.UNLIMITED);
        Object[] expected = new Object[size];
        for (int i = 0; i < size; i++) {
          expected[i] = i;
          table.set(i, i);
        }
        int len = 2 * Table.BULK_CHUNK + 5;
        int src = up ? 10 : 10 + shift;
        int dst = up ? 10 + shift : 10;
        System.arraycopy(expected, src, expected, dst, len);
        AtomicInteger chunks = new AtomicInteger();
        table.copy(dst, table, src, len, n -> chunks.incrementAndGet());
        for (int i = 0; i < size; i++) {
          assertEquals(expected[i], table.get(i), "shift " + shift + (up ? " up" : " down") + " at " + i);
        }
        assertEquals(3, chunks.get());
      }
    }
  }

  @Test
  void outOfBoundsTrapsBeforeAnyChunk() {
    Memory memory = new Memory(new MemoryType(new Limits(2, Limits.NO_MAX)), ResourceLimiter.UNLIMITED);
    AtomicInteger chunks = new AtomicInteger();
    ChunkPoll poll = n -> chunks.incrementAndGet();
    Trap trap = assertThrows(Trap.class, () -> memory.fill(1, (byte) 9, memory.bytes().length, poll));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
    assertEquals(0, chunks.get());
    assertEquals(0, memory.bytes()[1]);
    Table table = new Table(new TableType(ValType.EXTERNREF, new Limits(10, Limits.NO_MAX)), null,
        ResourceLimiter.UNLIMITED);
    Trap tableTrap = assertThrows(Trap.class, () -> table.fill(5, "x", 6, poll));
    assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, tableTrap.kind());
    assertEquals(0, chunks.get());
    assertNull(table.get(5));
  }
}
