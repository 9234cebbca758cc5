package dev.isola.wast;

import dev.isola.runtime.Caller;
import dev.isola.runtime.Global;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Memory;
import dev.isola.runtime.ResourceLimiter;
import dev.isola.runtime.Table;
import dev.isola.runtime.Value;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code spectest} host module the scripts import from, as the reference interpreter's {@code
 * host/spectest.ml} defines it: {@code print*} functions that do nothing, four immutable globals of value 666 /
 * 666.6, a funcref table 10..20 and a memory 1..2. Fresh for every script, since scripts grow the table and
 * memory.
 */
final class Spectest {
  static final String MODULE = "spectest";

  private Spectest() {}

  /** Defines every {@code spectest} export in {@code imports}. */
  static Imports define(Imports imports) {
    print(imports, "print");
    print(imports, "print_i32", ValType.I32);
    print(imports, "print_i64", ValType.I64);
    print(imports, "print_f32", ValType.F32);
    print(imports, "print_f64", ValType.F64);
    print(imports, "print_i32_f32", ValType.I32, ValType.F32);
    print(imports, "print_f64_f64", ValType.F64, ValType.F64);
    global(imports, "global_i32", Value.i32(666));
    global(imports, "global_i64", Value.i64(666));
    global(imports, "global_f32", new Value.F32(0x4426a666)); // 666.6f
    global(imports, "global_f64", new Value.F64(0x4084d4cccccccccdL)); // 666.6
    imports.define(MODULE, "table",
        new Table(new TableType(ValType.FUNCREF, new Limits(10, 20)), null, ResourceLimiter.UNLIMITED));
    imports.define(MODULE, "memory", new Memory(new MemoryType(new Limits(1, 2)), ResourceLimiter.UNLIMITED));
    return imports;
  }

  private static void print(Imports imports, String name, ValType... params) {
    List<Class<?>> javaTypes = new ArrayList<>();
    javaTypes.add(Caller.class);
    for (ValType p : params) {
      javaTypes.add(switch (p) {
        case I32 -> int.class;
        case I64 -> long.class;
        case F32 -> float.class;
        case F64 -> double.class;
        case V128, FUNCREF, EXTERNREF -> throw new IllegalArgumentException("spectest prints numbers only");
      });
    }
    FuncType type = FuncType.of(List.of(params), List.of());
    imports.define(HostFunction.of(MODULE, name, type, MethodHandles.empty(MethodType.methodType(void.class, javaTypes))));
  }

  private static void global(Imports imports, String name, Value value) {
    imports.define(MODULE, name, new Global(new GlobalType(value.type(), false), value));
  }
}
