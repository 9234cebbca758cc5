package dev.isola.interp;

import static dev.isola.interp.TestModule.i32;
import static dev.isola.interp.TestModule.op;
import static dev.isola.interp.TestModule.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.wasm.BlockType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fuel, deadline and safepoint handler, as seen from guest loops. */
class SafepointTest {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));
  private static final Instruction LOOP = new Instruction(OpCode.LOOP, new Immediate.Block(new BlockType.Empty()));

  /** {@code count(n)}: a loop of n iterations; {@code spin()}: a loop that never ends. */
  private static final Module MODULE;

  static {
    TestModule m = new TestModule();
    m.func("count", type(List.of(ValType.I32), List.of(ValType.I32)), List.of(ValType.I32),
        LOOP,
        op(OpCode.LOCAL_GET, 1), i32(1), op(OpCode.I32_ADD), op(OpCode.LOCAL_TEE, 1),
        op(OpCode.LOCAL_GET, 0), op(OpCode.I32_LT_U), op(OpCode.BR_IF, 0),
        op(OpCode.END),
        op(OpCode.LOCAL_GET, 1));
    m.func("spin", type(List.of(), List.of()), List.of(), LOOP, op(OpCode.BR, 0), op(OpCode.END));
    MODULE = ENGINE.compile(m.build());
  }

  private static long fuelFor(int iterations) {
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(MODULE, new Imports());
    store.setFuel(1_000_000_000L);
    assertEquals(iterations, instance.function("count").call(Value.i32(iterations))[0].asInt());
    return 1_000_000_000L - store.fuel();
  }

  @Test
  void trapAtFunctionEntryIsPlacedAtTheFirstInstruction() {
    byte[] bytes = ModuleEncoder.encode(TextParser.parseModule("(module (func (export \"f\") (result i32) i32.const 7))"));
    Module module = ENGINE.compile(bytes);
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(module, new Imports());
    store.setFuel(0);
    Trap t = assertThrows(Trap.class, () -> instance.function("f").call());
    assertEquals(TrapKind.OUT_OF_FUEL, t.kind());
    int first = module.model().code().getFirst().instructions().getFirst().offset();
    assertTrue(first > 0);
    assertEquals(first, t.wasmStackTrace().getFirst().offset());
  }

  @Test
  void fuelIsDeterministicAndGrowsWithWork() {
    long first = fuelFor(50_000);
    long second = fuelFor(50_000);
    assertEquals(first, second);
    assertTrue(first > 0, "no fuel charged");
    assertTrue(fuelFor(100_000) > first, "twice the iterations must cost more fuel");
  }

  @Test
  void runningOutOfFuelTraps() {
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(MODULE, new Imports());
    store.setFuel(25_000);
    Trap trap = assertThrows(Trap.class, () -> instance.function("spin").call());
    assertEquals(TrapKind.OUT_OF_FUEL, trap.kind());
    assertEquals(0, store.fuel());
    assertEquals("spin", trap.wasmStackTrace().getFirst().functionName());
  }

  @Test
  void bulkOperationsAreChargedByLengthChunkByChunk() {
    TestModule m = new TestModule().memory(16);
    // memory.fill(0, 7, 1 MiB): 1024 fuel units.
    m.func("fill", type(List.of(), List.of()), List.of(),
        i32(0), i32(7), i32(1 << 20), new Instruction(OpCode.MEMORY_FILL, new Immediate.Index(0)));
    Module module = ENGINE.compile(m.build());
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(module, new Imports());
    store.setFuel(500);
    Trap trap = assertThrows(Trap.class, () -> instance.function("fill").call());
    assertEquals(TrapKind.OUT_OF_FUEL, trap.kind());
    // 64 units per 64 KiB chunk, charged before the chunk: the first chunks are written, the last is not.
    assertEquals(7, instance.memory("memory").bytes()[0]);
    assertEquals(0, instance.memory("memory").bytes()[(1 << 20) - 1]);

    Store rich = new Store(ENGINE);
    Instance other = rich.instantiate(module, new Imports());
    rich.setFuel(1_000_000);
    other.function("fill").call();
    assertEquals(7, other.memory("memory").bytes()[(1 << 20) - 1]);
    assertTrue(1_000_000 - rich.fuel() >= 1024, "charged " + (1_000_000 - rich.fuel()));
  }

  @Test
  void deadlineStopsAnEndlessLoop() {
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(MODULE, new Imports());
    store.setDeadline(System.nanoTime() + 20_000_000L);
    Trap trap = assertThrows(Trap.class, () -> instance.function("spin").call());
    assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
  }

  @Test
  void safepointHandlerRunsOnTheSlowPath() {
    Store store = new Store(ENGINE);
    Instance instance = store.instantiate(MODULE, new Imports());
    AtomicInteger polls = new AtomicInteger();
    store.setSafepointHandler(s -> {
      if (polls.incrementAndGet() == 5) {
        throw new Trap(TrapKind.INTERRUPTED);
      }
    });
    Trap trap = assertThrows(Trap.class, () -> instance.function("spin").call());
    assertEquals(TrapKind.INTERRUPTED, trap.kind());
    assertEquals(5, polls.get());
  }
}
