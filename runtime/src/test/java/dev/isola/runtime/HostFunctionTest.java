package dev.isola.runtime;

import static dev.isola.wasm.ValType.EXTERNREF;
import static dev.isola.wasm.ValType.F32;
import static dev.isola.wasm.ValType.F64;
import static dev.isola.wasm.ValType.FUNCREF;
import static dev.isola.wasm.ValType.I32;
import static dev.isola.wasm.ValType.I64;
import static dev.isola.wasm.ValType.V128;
import static java.lang.invoke.MethodType.methodType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.wasm.FuncType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostFunctionTest {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final Caller CALLER = new Caller() {
    public Instance instance() {
      return null;
    }

    public Store store() {
      return null;
    }

    public Memory memory(int index) {
      return null;
    }
  };

  private static Caller seen;
  private static int voidCalls;

  static int sub(Caller caller, int a, int b) {
    seen = caller;
    return a - b;
  }

  static long mulLong(Caller caller, long a, long b) {
    return a * b;
  }

  static double mix(Caller caller, float f, double d, int i) {
    return f + d + i;
  }

  static float negate(Caller caller, float f) {
    return -f;
  }

  static Object wrap(Caller caller, Object o) {
    return "wrapped " + o;
  }

  static void tick(Caller caller) {
    voidCalls++;
  }

  static long[] divmod(Caller caller, int a, int b) {
    return new long[] {a / b, a % b};
  }

  static void fail(Caller caller) {
    throw new IllegalStateException("boom");
  }

  static void trap(Caller caller) {
    throw new Trap(TrapKind.UNREACHABLE);
  }

  static void exit(Caller caller) {
    throw new GuestExit(3);
  }

  private static HostFunction host(String name, FuncType type, MethodType handleType) throws Exception {
    MethodHandle h = LOOKUP.findStatic(HostFunctionTest.class, name, handleType);
    return HostFunction.of("env", name, type, h);
  }

  @Test
  void i32ArgumentsAreReadAtTheStackPointer() throws Exception {
    HostFunction f = host("sub", FuncType.of(List.of(I32, I32), List.of(I32)),
        methodType(int.class, Caller.class, int.class, int.class));
    long[] stack = {99, 99, 10, 3, 99};
    f.invoke(CALLER, stack, new Object[5], 2);
    assertEquals(7, (int) stack[2]);
    assertEquals(3, stack[3], "slots past the results are untouched");
    assertSame(CALLER, seen);
    // Only the low 32 bits of an i32 slot count.
    stack[2] = 0xFFFF_FFFF_0000_0005L;
    stack[3] = 1;
    f.invoke(CALLER, stack, new Object[5], 2);
    assertEquals(4, (int) stack[2]);
  }

  @Test
  void i64AndFloats() throws Exception {
    HostFunction mul = host("mulLong", FuncType.of(List.of(I64, I64), List.of(I64)),
        methodType(long.class, Caller.class, long.class, long.class));
    assertArrayEquals(new Value[] {Value.i64(1L << 40)}, mul.call(Value.i64(1L << 20), Value.i64(1L << 20)));

    HostFunction mix = host("mix", FuncType.of(List.of(F32, F64, I32), List.of(F64)),
        methodType(double.class, Caller.class, float.class, double.class, int.class));
    long[] stack = {Float.floatToRawIntBits(0.5f), Double.doubleToRawLongBits(0.25), 2};
    mix.invoke(CALLER, stack, new Object[3], 0);
    assertEquals(2.75, Double.longBitsToDouble(stack[0]));

    HostFunction neg = host("negate", FuncType.of(List.of(F32), List.of(F32)),
        methodType(float.class, Caller.class, float.class));
    assertEquals(-1.5f, neg.call(Value.f32(1.5f))[0].asFloat());
  }

  @Test
  void referencesTravelInTheParallelArray() throws Exception {
    HostFunction f = host("wrap", FuncType.of(List.of(EXTERNREF), List.of(EXTERNREF)),
        methodType(Object.class, Caller.class, Object.class));
    Object[] refs = {null, "x"};
    f.invoke(CALLER, new long[2], refs, 1);
    assertEquals("wrapped x", refs[1]);
    assertEquals(Value.externref("wrapped null"), f.call(Value.externref(null))[0]);
  }

  @Test
  void voidAndNoParameters() throws Exception {
    HostFunction f = host("tick", FuncType.of(List.of(), List.of()), methodType(void.class, Caller.class));
    int before = voidCalls;
    f.invoke(CALLER, new long[0], new Object[0], 0);
    assertEquals(0, f.call().length);
    assertEquals(before + 2, voidCalls);
  }

  @Test
  void severalResultsComeAsALongArray() throws Exception {
    HostFunction f = host("divmod", FuncType.of(List.of(I32, I32), List.of(I32, I32)),
        methodType(long[].class, Caller.class, int.class, int.class));
    long[] stack = {0, 17, 5};
    f.invoke(CALLER, stack, new Object[3], 1);
    assertEquals(3, stack[1]);
    assertEquals(2, stack[2]);
    assertArrayEquals(new Value[] {Value.i32(-3), Value.i32(-2)}, f.call(Value.i32(-17), Value.i32(5)));
  }

  @Test
  void handleTypeMustMatchTheFunctionType() throws Exception {
    MethodHandle h = LOOKUP.findStatic(HostFunctionTest.class, "sub",
        methodType(int.class, Caller.class, int.class, int.class));
    var e = assertThrows(IllegalArgumentException.class,
        () -> HostFunction.of("env", "sub", FuncType.of(List.of(I64, I32), List.of(I32)), h));
    assertTrue(e.getMessage().contains("(Caller,long,int)int"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> HostFunction.of("env", "sub", FuncType.of(List.of(I32, I32), List.of()), h));
    assertThrows(IllegalArgumentException.class,
        () -> HostFunction.of("env", "v", FuncType.of(List.of(V128), List.of()), h));
    assertThrows(IllegalArgumentException.class,
        () -> HostFunction.of("env", "r", FuncType.of(List.of(), List.of(FUNCREF, I32)), h));
  }

  @Test
  void callChecksArguments() throws Exception {
    HostFunction f = host("sub", FuncType.of(List.of(I32, I32), List.of(I32)),
        methodType(int.class, Caller.class, int.class, int.class));
    var e = assertThrows(IllegalArgumentException.class, () -> f.call(Value.i32(1)));
    assertTrue(e.getMessage().contains("(i32)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.call(Value.i32(1), Value.i64(2)));
    assertThrows(IllegalArgumentException.class, () -> f.call(Value.i32(1), null));
  }

  @Test
  void exceptionsBecomeHostFailuresExceptTrapsAndExits() throws Exception {
    FuncType none = FuncType.of(List.of(), List.of());
    MethodType type = methodType(void.class, Caller.class);
    Trap failure = assertThrows(Trap.class, () -> host("fail", none, type).call());
    assertEquals(TrapKind.HOST_FAILURE, failure.kind());
    assertTrue(failure.getCause() instanceof IllegalStateException);
    assertEquals(TrapKind.UNREACHABLE, assertThrows(Trap.class, () -> host("trap", none, type).call()).kind());
    assertEquals(3, assertThrows(GuestExit.class, () -> host("exit", none, type).call()).status());
  }
}
