package dev.isola.runtime;

import static dev.isola.runtime.ModuleBuilder.globalGet;
import static dev.isola.runtime.ModuleBuilder.i32;
import static dev.isola.runtime.ModuleBuilder.limits;
import static dev.isola.runtime.ModuleBuilder.refFunc;
import static dev.isola.runtime.ModuleBuilder.refNull;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstantiationTest {
  private static final FuncType VOID = FuncType.of(List.of(), List.of());
  private static final FuncType I32_TO_I32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));

  private final FakeTier tier = new FakeTier();
  private final Engine engine = Engine.of(EngineConfig.of(tier).withFeatures(Set.of(Feature.EXTENDED_CONST)));
  private final Store store = new Store(engine);

  static void nothing(Caller caller) {}

  private static HostFunction hostVoid(String module, String name) throws Exception {
    return HostFunction.of(module, name, VOID, MethodHandles.lookup().findStatic(InstantiationTest.class,
        "nothing", MethodType.methodType(void.class, Caller.class)));
  }

  private Instance instantiate(ModuleBuilder builder, Imports imports) {
    return store.instantiate(engine.compile(builder.build()), imports);
  }

  private UnlinkableException unlinkable(ModuleBuilder builder, Imports imports) {
    return assertThrows(UnlinkableException.class, () -> instantiate(builder, imports));
  }

  @Test
  void unknownImportNamesModuleAndField() {
    var e = unlinkable(new ModuleBuilder().importFunc("env", "f", VOID), new Imports());
    assertEquals("unknown import", e.reason());
    assertTrue(e.getMessage().contains("env.f"), e.getMessage());
  }

  @Test
  void functionImportsMustHaveEqualTypes() throws Exception {
    Imports imports = new Imports().define(hostVoid("env", "f"));
    var e = unlinkable(new ModuleBuilder().importFunc("env", "f", I32_TO_I32), imports);
    assertEquals("incompatible import type", e.reason());
    assertTrue(e.getMessage().contains("expected func (i32) -> (i32), got func () -> ()"), e.getMessage());
    // A memory offered for a function import is just as incompatible.
    imports.define("env", "f", new Memory(new MemoryType(limits(0)), ResourceLimiter.UNLIMITED));
    assertEquals("incompatible import type", unlinkable(new ModuleBuilder().importFunc("env", "f", VOID), imports)
        .reason());
    Instance ok = instantiate(new ModuleBuilder().importFunc("env", "g", VOID), imports.define(hostVoid("env", "g")));
    assertInstanceOf(HostFunction.class, ok.function(0));
  }

  @Test
  void memoryImportsMatchLimitsAgainstTheCurrentSize() {
    Memory memory = new Memory(new MemoryType(limits(1, 4)), ResourceLimiter.UNLIMITED);
    Imports imports = new Imports().define("env", "mem", memory);
    unlinkable(new ModuleBuilder().importMemory("env", "mem", limits(2)), imports);
    unlinkable(new ModuleBuilder().importMemory("env", "mem", limits(1, 3)), imports);
    memory.grow(1);
    Instance i = instantiate(new ModuleBuilder().importMemory("env", "mem", limits(2, 4)), imports);
    assertSame(memory, i.memory(0));
    assertSame(memory, i.caller().memory(0));
    Memory unbounded = new Memory(new MemoryType(limits(1)), ResourceLimiter.UNLIMITED);
    imports.define("env", "mem", unbounded);
    unlinkable(new ModuleBuilder().importMemory("env", "mem", limits(1, 10)), imports);
  }

  @Test
  void tableImportsMatchElementTypeAndLimits() {
    Table table = new Table(new TableType(ValType.FUNCREF, limits(2, 2)), null, ResourceLimiter.UNLIMITED);
    Imports imports = new Imports().define("env", "t", table);
    unlinkable(new ModuleBuilder().importTable("env", "t", new TableType(ValType.EXTERNREF, limits(2))), imports);
    unlinkable(new ModuleBuilder().importTable("env", "t", new TableType(ValType.FUNCREF, limits(3))), imports);
    Instance i = instantiate(new ModuleBuilder().importTable("env", "t", new TableType(ValType.FUNCREF,
        limits(1, 5))), imports);
    assertSame(table, i.table(0));
  }

  @Test
  void globalImportsMatchTypeAndMutability() {
    Imports imports = new Imports().define("env", "g", new Global(new GlobalType(ValType.I32, true), Value.i32(1)));
    unlinkable(new ModuleBuilder().importGlobal("env", "g", new GlobalType(ValType.I32, false)), imports);
    unlinkable(new ModuleBuilder().importGlobal("env", "g", new GlobalType(ValType.I64, true)), imports);
    instantiate(new ModuleBuilder().importGlobal("env", "g", new GlobalType(ValType.I32, true)), imports);
  }

  @Test
  void globalsEvaluateConstantExpressionsIncludingExtendedConst() {
    Imports imports = new Imports().define("env", "base", new Global(new GlobalType(ValType.I32, false),
        Value.i32(100)));
    ModuleBuilder b = new ModuleBuilder().importGlobal("env", "base", new GlobalType(ValType.I32, false));
    int f = b.func(VOID);
    b.global(new GlobalType(ValType.I32, true), ModuleBuilder.expr(
            new Instruction(OpCode.GLOBAL_GET, new Immediate.Index(0)),
            new Instruction(OpCode.I32_CONST, new Immediate.I32(7)),
            new Instruction(OpCode.I32_MUL, Immediate.None.INSTANCE)))
        .global(new GlobalType(ValType.FUNCREF, false), refFunc(f))
        .global(new GlobalType(ValType.EXTERNREF, false), refNull(ValType.EXTERNREF))
        .global(new GlobalType(ValType.F64, false), ModuleBuilder.expr(
            new Instruction(OpCode.F64_CONST, new Immediate.F64(Double.doubleToRawLongBits(2.5)))))
        .export("g", ExternKind.GLOBAL, 1)
        .export("f", ExternKind.FUNC, f);
    Instance i = instantiate(b, imports);
    assertEquals(700, i.global("g").get().asInt());
    assertSame(i.function("f"), i.global(2).ref());
    assertNull(i.global(3).ref());
    assertEquals(2.5, i.global(4).get().asDouble());
    assertNull(i.global("f"));
    assertThrows(IllegalArgumentException.class, () -> i.function("g"));
  }

  @Test
  void segmentsApplyInOrderAfterLinkAndBeforeStart() {
    ModuleBuilder b = new ModuleBuilder().table(ValType.FUNCREF, limits(4)).memory(limits(1));
    int f0 = b.func(VOID);
    int f1 = b.func(VOID);
    b.activeElem(0, i32(1), f1, f0)
        .elem(new ElementSegment(ValType.FUNCREF, List.of(refFunc(f0)), new ElementSegment.Passive()))
        .elem(new ElementSegment(ValType.FUNCREF, List.of(refFunc(f1)), new ElementSegment.Declarative()))
        .activeData(0, i32(8), (byte) 1, (byte) 2)
        .activeData(0, i32(9), (byte) 3)
        .passiveData((byte) 4)
        .start(f0);
    tier.body(f0, (instance, args) -> {
      // The start function sees every segment applied.
      assertEquals(0x0201 | 0x0300, instance.memory(0).readI16(8) & 0xFFFF);
      return new Value[0];
    });
    Instance i = instantiate(b, new Imports());
    assertEquals(List.of("prepare", "link", "invoke 0"), tier.events);
    assertNull(i.table(0).get(0));
    assertSame(i.function(f1), i.table(0).get(1));
    assertSame(i.function(f0), i.table(0).get(2));
    assertEquals(0, i.elementSegment(0).length, "active segments are dropped");
    assertArrayEquals(new Object[] {i.function(f0)}, i.elementSegment(1));
    assertEquals(0, i.elementSegment(2).length, "declarative segments are dropped");
    assertEquals(0, i.dataSegment(0).length);
    assertArrayEquals(new byte[] {4}, i.dataSegment(2));
    assertEquals(engine.typeId(VOID), i.typeId(0));
  }

  @Test
  void aTrapInASegmentLeavesEarlierEffectsOnImportsAndSkipsTheRest() {
    Memory memory = new Memory(new MemoryType(limits(1)), ResourceLimiter.UNLIMITED);
    Table table = new Table(new TableType(ValType.FUNCREF, limits(2)), null, ResourceLimiter.UNLIMITED);
    Imports imports = new Imports().define("env", "mem", memory).define("env", "tab", table);
    ModuleBuilder b = new ModuleBuilder()
        .importMemory("env", "mem", limits(1))
        .importTable("env", "tab", new TableType(ValType.FUNCREF, limits(2)));
    int f = b.func(VOID);
    b.activeElem(0, i32(0), f)
        .activeElem(0, i32(1), f, f) // one past the end: traps
        .activeData(0, i32(0), (byte) 9)
        .start(f);
    Trap trap = assertThrows(Trap.class, () -> instantiate(b, imports));
    assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, trap.kind());
    WasmFunction written = assertInstanceOf(WasmFunction.class, table.get(0));
    assertEquals(f, written.index());
    assertNull(table.get(1), "the failing segment wrote nothing");
    assertEquals(0, memory.readI8(0), "data segments come after element segments");
    assertTrue(!tier.events.contains("invoke 0"), "no start function after a trap");

    ModuleBuilder data = new ModuleBuilder().importMemory("env", "mem", limits(1))
        .activeData(0, i32(0), (byte) 5)
        .activeData(0, i32(65535), (byte) 6, (byte) 7);
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, assertThrows(Trap.class, () -> instantiate(data, imports))
        .kind());
    assertEquals(5, memory.readI8(0));
    assertEquals(0, memory.readI8(65535));
  }

  @Test
  void exportsAndCallsGoThroughTheTier() throws Exception {
    ModuleBuilder b = new ModuleBuilder().name("calc").memory(limits(1, 2));
    b.importFunc("env", "h", VOID);
    int f = b.func(I32_TO_I32);
    b.export("inc", ExternKind.FUNC, f).export("mem", ExternKind.MEMORY, 0).export("h", ExternKind.FUNC, 0);
    tier.body(f, (instance, args) -> new Value[] {Value.i32(args[0].asInt() + 1)});
    HostFunction h = hostVoid("env", "h");
    Instance i = instantiate(b, new Imports().define(h));
    assertEquals("calc", i.module().name());
    assertArrayEquals(new Value[] {Value.i32(42)}, i.function("inc").call(Value.i32(41)));
    assertThrows(IllegalArgumentException.class, () -> i.function("inc").call(Value.i64(41)));
    assertThrows(IllegalArgumentException.class, () -> i.function("inc").call());
    assertSame(h, i.function("h"));
    assertNotNull(i.memory("mem"));
    assertNull(i.memory("inc"));
    assertEquals(List.of("inc", "mem", "h"), List.copyOf(i.exports().keySet()));

    Imports registered = new Imports().defineInstance("calc", i);
    assertSame(i.memory("mem"), registered.resolve("calc", "mem").orElseThrow());
    assertTrue(registered.resolve("calc", "nope").isEmpty());
  }

  @Test
  void typeIdsAreCanonical() {
    int a = engine.typeId(FuncType.of(List.of(ValType.I32), List.of()));
    int b = engine.typeId(FuncType.of(List.of(ValType.I32), List.of()));
    int c = engine.typeId(FuncType.of(List.of(ValType.I64), List.of()));
    assertEquals(a, b);
    assertTrue(a != c);
  }

  @Test
  void theLimiterCanRefuseADefinedMemory() {
    ResourceLimiter tight = new ResourceLimiter() {
      public boolean memoryGrowing(long current, long desired) {
        return desired <= 1;
      }

      public boolean tableGrowing(long current, long desired) {
        return true;
      }
    };
    Store limited = new Store(engine, tight);
    Module module = engine.compile(new ModuleBuilder().memory(limits(2)).build());
    assertThrows(UnlinkableException.class, () -> limited.instantiate(module, new Imports()));
    Instance ok = limited.instantiate(engine.compile(new ModuleBuilder().memory(new Limits(1, 3)).build()),
        new Imports());
    assertEquals(-1, ok.memory(0).grow(1));
  }
}
