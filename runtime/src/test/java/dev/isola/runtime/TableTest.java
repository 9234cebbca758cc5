package dev.isola.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.wasm.Limits;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import org.junit.jupiter.api.Test;

class TableTest {
  private static Table table(long min, long max) {
    return new Table(new TableType(ValType.EXTERNREF, new Limits(min, max)), null, ResourceLimiter.UNLIMITED);
  }

  private static void assertOutOfBounds(Runnable r) {
    Trap trap = assertThrows(Trap.class, r::run);
    assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, trap.kind());
  }

  private static Object[] contents(Table t) {
    Object[] all = new Object[t.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = t.get(i);
    }
    return all;
  }

  @Test
  void getAndSetAreBoundsChecked() {
    Table t = new Table(new TableType(ValType.EXTERNREF, new Limits(2, 2)), "x", ResourceLimiter.UNLIMITED);
    assertEquals("x", t.get(1));
    t.set(0, "a");
    assertEquals("a", t.get(0));
    assertOutOfBounds(() -> t.get(2));
    assertOutOfBounds(() -> t.set(-1, "b"));
  }

  @Test
  void growFillsWithInitUpToTheMaximum() {
    Table t = table(1, 4);
    assertEquals(1, t.grow(2, "g"));
    assertArrayEquals(new Object[] {null, "g", "g"}, contents(t));
    assertEquals(-1, t.grow(2, null));
    assertEquals(3, t.grow(0, null));
    assertEquals(-1, t.grow(-1, null));
    assertEquals(new TableType(ValType.EXTERNREF, new Limits(3, 4)), t.type());
  }

  @Test
  void growConsultsTheLimiter() {
    ResourceLimiter limiter = new ResourceLimiter() {
      public boolean memoryGrowing(long current, long desired) {
        return true;
      }

      public boolean tableGrowing(long current, long desired) {
        return desired <= 10;
      }
    };
    Table t = new Table(new TableType(ValType.FUNCREF, new Limits(5, Limits.NO_MAX)), null, limiter);
    assertEquals(5, t.grow(5, null));
    assertEquals(-1, t.grow(1, null));
    assertEquals(10, t.size());
  }

  @Test
  void fillCopyInitTrapBeforeWriting() {
    Table t = table(4, Limits.NO_MAX);
    t.fill(1, "f", 2);
    assertArrayEquals(new Object[] {null, "f", "f", null}, contents(t));
    assertOutOfBounds(() -> t.fill(3, "z", 2));
    assertNull(t.get(3));

    t.init(0, new Object[] {"a", "b", "c"}, 1, 2);
    assertArrayEquals(new Object[] {"b", "c", "f", null}, contents(t));
    assertOutOfBounds(() -> t.init(0, new Object[] {"a"}, 0, 2));
    assertOutOfBounds(() -> t.init(3, new Object[] {"a", "b"}, 0, 2));
    assertNull(t.get(3));

    t.copy(1, t, 0, 3); // overlapping, forwards
    assertArrayEquals(new Object[] {"b", "b", "c", "f"}, contents(t));
    t.copy(0, t, 1, 3); // overlapping, backwards
    assertArrayEquals(new Object[] {"b", "c", "f", "f"}, contents(t));
    Table other = table(2, Limits.NO_MAX);
    assertOutOfBounds(() -> other.copy(0, t, 3, 2));
    assertOutOfBounds(() -> other.copy(1, t, 0, 2));
    assertArrayEquals(new Object[] {null, null}, contents(other));
    // Empty ranges at the very end are in bounds; one past is not.
    t.fill(4, "z", 0);
    assertOutOfBounds(() -> t.fill(5, "z", 0));
  }
}
