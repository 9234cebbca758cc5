package dev.isola.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTest {
  private static final int PAGE = MemoryType.PAGE_SIZE;

  private static Memory memory(long min, long max) {
    return new Memory(new MemoryType(new Limits(min, max)), ResourceLimiter.UNLIMITED);
  }

  private static void assertOutOfBounds(Runnable r) {
    Trap trap = assertThrows(Trap.class, r::run);
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
    assertEquals("out of bounds memory access", trap.getMessage());
  }

  @Test
  void accessorsAreLittleEndian() {
    Memory m = memory(1, Limits.NO_MAX);
    m.writeI32(0, 0x11223344);
    assertEquals(0x44, m.readI8(0));
    assertEquals(0x11, m.readI8(3));
    assertEquals((short) 0x3344, m.readI16(0));
    m.writeI64(8, 0x0102030405060708L);
    assertEquals(0x08, m.bytes()[8]);
    assertEquals(0x0102030405060708L, m.readI64(8));
    m.writeI16(20, (short) -2);
    assertEquals(-2, m.readI16(20));
    m.writeI8(30, (byte) 0x7f);
    assertEquals(0x7f, m.readI32(30));
  }

  @Test
  void accessesAreCheckedOnTheWholeWidthAndLongAddresses() {
    Memory m = memory(1, Limits.NO_MAX);
    m.writeI32(PAGE - 4, 7);
    assertEquals(7, m.readI32(PAGE - 4));
    assertOutOfBounds(() -> m.readI32(PAGE - 3));
    assertOutOfBounds(() -> m.readI64(PAGE - 7));
    assertOutOfBounds(() -> m.writeI8(PAGE, (byte) 1));
    // An unsigned i32 plus an offset can exceed 2^32: it must not wrap to a small address.
    assertOutOfBounds(() -> m.readI8(0x1_0000_0000L));
    assertOutOfBounds(() -> m.readI32(0xFFFF_FFFFL + 0xFFFF_FFFFL));
    assertOutOfBounds(() -> m.readI8(-1));
  }

  @Test
  void growReturnsOldSizeAndKeepsContents() {
    Memory m = memory(1, 3);
    m.writeI32(100, 42);
    assertEquals(1, m.grow(1));
    assertEquals(2, m.pages());
    assertEquals(2 * PAGE, m.bytes().length);
    assertEquals(42, m.readI32(100));
    assertEquals(0, m.readI32(PAGE + 100));
    assertEquals(2, m.grow(0));
    assertEquals(-1, m.grow(2), "beyond the declared maximum");
    assertEquals(2, m.grow(1));
    assertEquals(-1, m.grow(-1), "delta is unsigned: 0xFFFFFFFF pages");
    assertEquals(3, m.pages());
  }

  @Test
  void growStopsAtTheImplementationLimit() {
    Memory m = memory(0, Limits.NO_MAX);
    assertEquals(-1, m.grow(Memory.MAX_PAGES + 1));
    assertEquals(0, m.pages());
  }

  @Test
  void growConsultsTheLimiter() {
    List<String> asked = new ArrayList<>();
    ResourceLimiter limiter = new ResourceLimiter() {
      public boolean memoryGrowing(long current, long desired) {
        asked.add(current + "->" + desired);
        return desired <= 2;
      }

      public boolean tableGrowing(long current, long desired) {
        return true;
      }
    };
    Memory m = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), limiter);
    assertEquals(1, m.grow(1));
    assertEquals(-1, m.grow(1));
    assertEquals(2, m.pages());
    assertEquals(List.of("0->1", "1->2", "2->3"), asked);
  }

  @Test
  void creationBeyondTheLimiterFails() {
    ResourceLimiter none = new ResourceLimiter() {
      public boolean memoryGrowing(long current, long desired) {
        return false;
      }

      public boolean tableGrowing(long current, long desired) {
        return false;
      }
    };
    assertThrows(UnlinkableException.class, () -> new Memory(new MemoryType(new Limits(1, 1)), none));
    assertEquals(0, new Memory(new MemoryType(new Limits(0, 1)), none).pages());
  }

  @Test
  void typeReportsTheCurrentSize() {
    Memory m = memory(1, 5);
    m.grow(2);
    assertEquals(new MemoryType(new Limits(3, 5)), m.type());
  }

  @Test
  void fillTrapsBeforeWritingAnything() {
    Memory m = memory(1, Limits.NO_MAX);
    m.fill(10, (byte) 1, 5);
    assertEquals(0x01010101, m.readI32(10));
    assertEquals(0, m.readI8(15));
    assertOutOfBounds(() -> m.fill(PAGE - 2, (byte) 9, 3));
    assertEquals(0, m.readI8(PAGE - 1), "nothing written on a trap");
    m.fill(PAGE, (byte) 9, 0); // empty range at the end is fine
    assertOutOfBounds(() -> m.fill(PAGE + 1, (byte) 9, 0));
  }

  @Test
  void copyIsMemmoveAndChecksBothRanges() {
    Memory m = memory(1, Limits.NO_MAX);
    m.write(0, new byte[] {1, 2, 3, 4, 5}, 0, 5);
    m.copy(2, m, 0, 5);
    byte[] out = new byte[7];
    m.read(0, out, 0, 7);
    assertArrayEquals(new byte[] {1, 2, 1, 2, 3, 4, 5}, out);
    m.copy(0, m, 2, 5);
    m.read(0, out, 0, 7);
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 4, 5}, out);

    Memory other = memory(1, Limits.NO_MAX);
    assertOutOfBounds(() -> other.copy(0, m, PAGE - 2, 4));
    assertOutOfBounds(() -> other.copy(PAGE - 2, m, 0, 4));
    assertEquals(0, other.readI32(0));
    assertEquals(0, other.readI16(PAGE - 2));
  }

  @Test
  void initChecksTheSegmentAndTheMemory() {
    Memory m = memory(1, Limits.NO_MAX);
    byte[] data = {10, 20, 30};
    m.init(5, data, 1, 2);
    assertEquals(20, m.readI8(5));
    assertEquals(30, m.readI8(6));
    assertOutOfBounds(() -> m.init(0, data, 2, 2));
    assertOutOfBounds(() -> m.init(PAGE - 1, data, 0, 2));
    assertEquals(0, m.readI8(PAGE - 1));
    m.init(PAGE, data, 3, 0);
    assertOutOfBounds(() -> m.init(0, data, 4, 0));
  }
}
