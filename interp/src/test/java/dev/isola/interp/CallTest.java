package dev.isola.interp;

import static dev.isola.interp.TestModule.i32;
import static dev.isola.interp.TestModule.op;
import static dev.isola.interp.TestModule.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isola.runtime.Caller;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.GuestExit;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallTest {
  private static final FuncType I32_TO_I32 = type(List.of(ValType.I32), List.of(ValType.I32));
  private static final FuncType NONE = type(List.of(), List.of());

  private static Instance instantiate(Engine engine, TestModule m, Imports imports) {
    return new Store(engine).instantiate(engine.compile(m.build()), imports);
  }

  /** Runs {@code task} on a thread with a 64 KiB stack and rethrows what it threw. */
  private static void onSmallStack(Runnable task) throws Throwable {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        task.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", 64 * 1024);
    t.start();
    t.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** {@code (func $rec (global.set 0 (i32.add (global.get 0) 1)) (call $rec))}: counts its own depth. */
  private static TestModule unboundedRecursion() {
    TestModule m = new TestModule().mutableGlobal(ValType.I32, i32(0));
    m.func("rec", NONE, List.of(),
        op(OpCode.GLOBAL_GET, 0), i32(1), op(OpCode.I32_ADD), op(OpCode.GLOBAL_SET, 0), op(OpCode.CALL, 0));
    return m;
  }

  @Test
  void callDepthIsExhaustedAtTheConfiguredLimitWhateverTheThreadStack() throws Throwable {
    Engine engine = Engine.of(EngineConfig.of(new Interpreter()).withMaxCallDepth(100));
    Instance instance = instantiate(engine, unboundedRecursion(), new Imports());
    onSmallStack(() -> {
      for (int run = 1; run <= 2; run++) {
        Trap trap = assertThrows(Trap.class, () -> instance.function("rec").call());
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
        // The entry frame counts: 100 frames ran their increment, the 101st call was refused.
        assertEquals(100 * run, instance.global(0).get().asInt());
      }
    });
  }

  @Test
  void deepRecursionDoesNotUseTheJavaStack() throws Throwable {
    // sum(n) = n == 0 ? 0 : n + sum(n - 1), 5000 deep on a 64 KiB thread stack.
    TestModule m = new TestModule();
    m.func("sum", I32_TO_I32, List.of(),
        op(OpCode.LOCAL_GET, 0), op(OpCode.I32_EQZ),
        new Instruction(OpCode.IF, new Immediate.Block(new dev.isola.wasm.BlockType.Value(ValType.I32))),
        i32(0),
        op(OpCode.ELSE),
        op(OpCode.LOCAL_GET, 0), op(OpCode.LOCAL_GET, 0), i32(1), op(OpCode.I32_SUB), op(OpCode.CALL, 0),
        op(OpCode.I32_ADD),
        op(OpCode.END));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, new Imports());
    onSmallStack(() -> assertEquals(5000 * 5001 / 2, instance.function("sum").call(Value.i32(5000))[0].asInt()));
  }

  @Test
  void tailCallsDoNotGrowTheFrameStack() {
    // loop(n) = n == 0 ? 42 : return_call loop(n - 1), far deeper than the call depth limit.
    TestModule m = new TestModule();
    m.func("loop", I32_TO_I32, List.of(),
        op(OpCode.LOCAL_GET, 0), op(OpCode.I32_EQZ),
        new Instruction(OpCode.IF, new Immediate.Block(new dev.isola.wasm.BlockType.Empty())),
        i32(42), op(OpCode.RETURN), op(OpCode.END),
        op(OpCode.LOCAL_GET, 0), i32(1), op(OpCode.I32_SUB), op(OpCode.RETURN_CALL, 0));
    Engine engine = Engine.of(EngineConfig.of(new Interpreter()).withMaxCallDepth(10)
        .withFeatures(Set.of(Feature.TAIL_CALL)));
    Instance instance = instantiate(engine, m, new Imports());
    assertEquals(42, instance.function("loop").call(Value.i32(100_000))[0].asInt());
  }

  static int add(Caller caller, int a, int b) {
    return a + b;
  }

  /** Calls back into the calling instance's export {@code double}, then adds one. */
  static int reenter(Caller caller, int x) {
    return caller.instance().function("double").call(Value.i32(x))[0].asInt() + 1;
  }

  static void exit(Caller caller) {
    throw new GuestExit(3);
  }

  private static HostFunction host(String name, FuncType type, MethodType javaType) throws Exception {
    return HostFunction.of("env", name, type,
        MethodHandles.lookup().findStatic(CallTest.class, name, javaType));
  }

  @Test
  void hostFunctionsReadArgumentsAndWriteResultsInPlace() throws Exception {
    FuncType binary = type(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
    TestModule m = new TestModule();
    int add = m.importFunc("env", "add", binary);
    // 100 stays below the call's arguments and must survive it.
    m.func("f", I32_TO_I32, List.of(),
        i32(100), op(OpCode.LOCAL_GET, 0), i32(5), op(OpCode.CALL, add), op(OpCode.I32_ADD));
    Imports imports = new Imports().define(host("add", binary,
        MethodType.methodType(int.class, Caller.class, int.class, int.class)));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, imports);
    assertEquals(112, instance.function("f").call(Value.i32(7))[0].asInt());
  }

  @Test
  void hostFunctionsMayCallBackIntoWasm() throws Exception {
    TestModule m = new TestModule();
    int reenter = m.importFunc("env", "reenter", I32_TO_I32);
    m.func("double", I32_TO_I32, List.of(), op(OpCode.LOCAL_GET, 0), i32(2), op(OpCode.I32_MUL));
    m.func("outer", I32_TO_I32, List.of(ValType.I32),
        i32(1000), op(OpCode.LOCAL_SET, 1),
        i32(1000), op(OpCode.LOCAL_GET, 0), op(OpCode.CALL, reenter), op(OpCode.I32_ADD),
        op(OpCode.LOCAL_GET, 1), op(OpCode.I32_ADD));
    Imports imports = new Imports().define(host("reenter", I32_TO_I32,
        MethodType.methodType(int.class, Caller.class, int.class)));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, imports);
    assertEquals(2000 + 2 * 21 + 1, instance.function("outer").call(Value.i32(21))[0].asInt());
  }

  @Test
  void guestExitPassesThroughUntouched() throws Exception {
    TestModule m = new TestModule();
    int exit = m.importFunc("env", "exit", NONE);
    m.func("main", NONE, List.of(), op(OpCode.NOP), op(OpCode.CALL, exit), op(OpCode.UNREACHABLE));
    Imports imports = new Imports().define(host("exit", NONE, MethodType.methodType(void.class, Caller.class)));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, imports);
    GuestExit e = assertThrows(GuestExit.class, () -> instance.function("main").call());
    assertEquals(3, e.status());
    // The machine's frame depth was reset: a later call still works at full depth.
    GuestExit again = assertThrows(GuestExit.class, () -> instance.function("main").call());
    assertEquals(3, again.status());
  }

  @Test
  void callsIntoAnotherInterpretedInstanceUseItsMemory() {
    Engine engine = Engine.of(EngineConfig.of(new Interpreter()));
    Store store = new Store(engine);
    TestModule lib = new TestModule().memory(1);
    lib.func("peek", I32_TO_I32, List.of(), op(OpCode.LOCAL_GET, 0), TestModule.mem(OpCode.I32_LOAD8_U, 0));
    Instance libInstance = store.instantiate(engine.compile(lib.build()), new Imports());
    libInstance.memory("memory").bytes()[5] = 99;
    TestModule app = new TestModule();
    int peek = app.importFunc("lib", "peek", I32_TO_I32);
    app.memory(1);
    app.func("f", I32_TO_I32, List.of(), op(OpCode.LOCAL_GET, 0), op(OpCode.CALL, peek),
        op(OpCode.LOCAL_GET, 0), TestModule.mem(OpCode.I32_LOAD8_U, 0), op(OpCode.I32_ADD));
    Instance appInstance = store.instantiate(engine.compile(app.build()),
        new Imports().defineInstance("lib", libInstance));
    appInstance.memory("memory").bytes()[5] = 1;
    assertEquals(100, appInstance.function("f").call(Value.i32(5))[0].asInt());
  }

  @Test
  void v128IsAValue() {
    FuncType v128ToV128 = type(List.of(ValType.V128), List.of(ValType.V128));
    TestModule m = new TestModule();
    m.func("pick", v128ToV128, List.of(ValType.V128),
        new Instruction(OpCode.V128_CONST, new Immediate.V128(1, 2)), op(OpCode.LOCAL_SET, 1),
        op(OpCode.LOCAL_GET, 0), op(OpCode.LOCAL_GET, 1), i32(0), op(OpCode.SELECT),
        op(OpCode.LOCAL_GET, 0), op(OpCode.DROP));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, new Imports());
    assertArrayEquals(new Value[] {Value.v128(1, 2)}, instance.function("pick").call(Value.v128(7, 8)));
  }

  @Test
  void v128LoadsAndStoresTwoSlotsLittleEndian() {
    TestModule m = new TestModule().memory(1);
    m.func("roundTrip", type(List.of(ValType.I32), List.of(ValType.V128)), List.of(),
        op(OpCode.LOCAL_GET, 0), new Instruction(OpCode.V128_CONST, new Immediate.V128(0x0807_0605_0403_0201L, -1L)),
        TestModule.mem(OpCode.V128_STORE, 0),
        op(OpCode.LOCAL_GET, 0), TestModule.mem(OpCode.V128_LOAD, 0));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, new Imports());
    assertArrayEquals(new Value[] {Value.v128(0x0807_0605_0403_0201L, -1L)},
        instance.function("roundTrip").call(Value.i32(65536 - 32)));
    assertEquals(1, instance.memory("memory").bytes()[65536 - 32]);
    // The high half would be out of bounds: nothing is written, the access traps.
    Trap trap = assertThrows(Trap.class, () -> instance.function("roundTrip").call(Value.i32(65536 - 8)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
    assertEquals(0, instance.memory("memory").bytes()[65536 - 8]);
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
        assertThrows(Trap.class, () -> instance.function("roundTrip").call(Value.i32(-4))).kind());
  }

  @Test
  void simdInstructionsRunOnBothHalves() {
    TestModule m = new TestModule();
    m.func("add", type(List.of(), List.of(ValType.V128)), List.of(),
        new Instruction(OpCode.V128_CONST, new Immediate.V128(0x01FF, 2)),
        new Instruction(OpCode.V128_CONST, new Immediate.V128(0x0101, 4)), op(OpCode.I8X16_ADD));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, new Imports());
    // 0xFF + 0x01 wraps within its lane: no carry into lane 1.
    assertEquals(Value.v128(0x0200, 6), instance.function("add").call()[0]);
  }

  @Test
  void hostTrapGetsWasmFrames() throws Exception {
    TestModule m = new TestModule();
    int exit = m.importFunc("env", "exit", NONE);
    m.func("main", NONE, List.of(), op(OpCode.CALL, exit));
    Imports imports = new Imports().define(HostFunction.of("env", "exit", NONE,
        MethodHandles.lookup().findStatic(CallTest.class, "fail", MethodType.methodType(void.class, Caller.class))));
    Instance instance = instantiate(Engine.of(EngineConfig.of(new Interpreter())), m, imports);
    Trap trap = assertThrows(Trap.class, () -> instance.function("main").call());
    assertEquals(TrapKind.HOST_FAILURE, trap.kind());
    assertSame(IllegalStateException.class, trap.getCause().getClass());
    assertEquals(List.of(new Trap.Frame("test", 1, "main", 1000)), trap.wasmStackTrace());
  }

  static void fail(Caller caller) {
    throw new IllegalStateException("boom");
  }
}
