package dev.isola.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreTest {
  private final Store store = new Store(Engine.of(EngineConfig.of(new FakeTier())));

  @Test
  void unlimitedFuelStillHandsOutBoundedChunks() {
    assertEquals(Long.MAX_VALUE, store.fuel());
    assertEquals(Store.CHUNK, store.safepoint(0));
    assertEquals(Store.CHUNK, store.safepoint(Store.CHUNK));
    assertEquals(Long.MAX_VALUE, store.fuel());
  }

  @Test
  void fuelIsChargedAndTheCountdownNeverExceedsIt() {
    store.setFuel(25_000);
    assertEquals(Store.CHUNK, store.safepoint(0));
    assertEquals(Store.CHUNK, store.safepoint(10_000));
    assertEquals(5_000, store.safepoint(10_000));
    assertEquals(0, store.safepoint(5_000));
    assertEquals(0, store.fuel());
  }

  @Test
  void runningOutOfFuelTrapsAndChargesOnlyWhatIsLeft() {
    store.setFuel(100);
    assertEquals(40, store.safepoint(60));
    Trap trap = assertThrows(Trap.class, () -> store.safepoint(41));
    assertEquals(TrapKind.OUT_OF_FUEL, trap.kind());
    assertEquals(0, store.fuel());
    assertThrows(IllegalArgumentException.class, () -> store.setFuel(-1));
  }

  @Test
  void aPassedDeadlineTraps() {
    store.setDeadline(System.nanoTime() - 1);
    assertEquals(TrapKind.DEADLINE_EXCEEDED, assertThrows(Trap.class, () -> store.safepoint(1)).kind());
    store.clearDeadline();
    assertEquals(Store.CHUNK, store.safepoint(1));
    store.setDeadline(System.nanoTime() + 3_600_000_000_000L);
    assertEquals(Store.CHUNK, store.safepoint(1));
  }

  @Test
  void fuelIsChargedBeforeTheDeadlineIsChecked() {
    store.setFuel(10);
    store.setDeadline(System.nanoTime() - 1);
    assertThrows(Trap.class, () -> store.safepoint(4));
    assertEquals(6, store.fuel());
  }

  @Test
  void theHandlerRunsOnEverySlowPathAndMayStopTheGuest() {
    AtomicInteger calls = new AtomicInteger();
    store.setSafepointHandler(s -> {
      if (calls.incrementAndGet() == 2) {
        throw new Trap(TrapKind.INTERRUPTED);
      }
    });
    store.requestSafepoint();
    store.safepoint(1);
    assertEquals(TrapKind.INTERRUPTED, assertThrows(Trap.class, () -> store.safepoint(1)).kind());
    store.setSafepointHandler(null);
    store.safepoint(1);
    assertEquals(2, calls.get());
  }
}
