package dev.isola.runtime;

import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;

/**
 * Run by {@link HostHeapTest} in a JVM with a small heap: asks for more memory and table than that heap holds,
 * and prints what the runtime answered.
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) {
    try {
      new Memory(new MemoryType(new Limits(2048, Limits.NO_MAX)), ResourceLimiter.UNLIMITED);
      System.out.println("memory created");
    } catch (UnlinkableException e) {
      System.out.println("memory refused: " + e.reason());
    }
    Memory small = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), ResourceLimiter.UNLIMITED);
    System.out.println("memory grow: " + small.grow(2048));
    Table table = new Table(new TableType(ValType.FUNCREF, new Limits(1, Limits.NO_MAX)), null,
        ResourceLimiter.UNLIMITED);
    System.out.println("table grow: " + table.grow(Table.MAX_ELEMENTS - 1, null));
  }
}
