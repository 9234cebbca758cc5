package dev.isola.compiler.emit;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.isola.runtime.Value;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * The calling convention of generated code, in one place. A Wasm function of type {@code [p1..pn] -> [r..]} is
 * a static method {@code (P1..Pn, long budget, int depth, InstanceContext ctx) R}: i32 {@code int}, i64 {@code
 * long}, f32 {@code float}, f64 {@code double}, references {@code Object}, v128 {@code Value.V128} (immutable, one
 * slot, as it is at the embedding boundary, so calls and exports need no conversion); {@code R} is {@code void}
 * without results, the result's type for one, and {@code Object[]} (boxed values) for several, since a JVM method
 * returns one value.
 * {@code budget} is the caller's fuel countdown ({@link Fuel}), passed in a register; the callee writes its own
 * back to {@code Fuel.budget} when it returns (calls inside the module to a function with results {@code []} or
 * {@code [i32]} get it back packed in a {@code long} instead: {@code FunctionEmitter.packs}). {@code depth} counts the frames still allowed below this one
 * ({@code call stack exhausted} at 0).
 */
final class Descriptors {
  static final ClassDesc CTX = ClassDesc.of("dev.isola.compiler.emit.InstanceContext");
  static final ClassDesc FUEL = ClassDesc.of("dev.isola.compiler.emit.Fuel");
  static final ClassDesc BUILTINS = ClassDesc.of("dev.isola.compiler.emit.Builtins");
  static final ClassDesc TAIL = ClassDesc.of("dev.isola.compiler.emit.TailCallBuiltins");
  static final ClassDesc OBJECT_ARRAY = CD_Object.arrayType();

  private Descriptors() {}

  static ClassDesc desc(ValType t) {
    return switch (t) {
      case I32 -> CD_int;
      case I64 -> CD_long;
      case F32 -> CD_float;
      case F64 -> CD_double;
      case FUNCREF, EXTERNREF -> CD_Object;
      case V128 -> SimdEmitter.V128;
    };
  }

  static Class<?> javaClass(ValType t) {
    return switch (t) {
      case I32 -> int.class;
      case I64 -> long.class;
      case F32 -> float.class;
      case F64 -> double.class;
      case FUNCREF, EXTERNREF -> Object.class;
      case V128 -> Value.V128.class;
    };
  }

  static TypeKind kind(ValType t) {
    return switch (t) {
      case I32 -> TypeKind.INT;
      case I64 -> TypeKind.LONG;
      case F32 -> TypeKind.FLOAT;
      case F64 -> TypeKind.DOUBLE;
      case FUNCREF, EXTERNREF, V128 -> TypeKind.REFERENCE;
    };
  }

  static int slots(ValType t) {
    return t == ValType.I64 || t == ValType.F64 ? 2 : 1;
  }

  static ClassDesc returnDesc(List<ValType> results) {
    return switch (results.size()) {
      case 0 -> CD_void;
      case 1 -> desc(results.getFirst());
      default -> OBJECT_ARRAY;
    };
  }

  static Class<?> returnClass(List<ValType> results) {
    return switch (results.size()) {
      case 0 -> void.class;
      case 1 -> javaClass(results.getFirst());
      default -> Object[].class;
    };
  }

  /** {@code (P1..Pn, long budget, int depth, InstanceContext ctx) R}. */
  static MethodTypeDesc function(FuncType type) {
    List<ClassDesc> params = new ArrayList<>();
    for (ValType p : type.params()) {
      params.add(desc(p));
    }
    params.add(CD_long);
    params.add(CD_int);
    params.add(CTX);
    return MethodTypeDesc.of(returnDesc(type.results()), params);
  }

  /** The same as {@link #function(FuncType)}, as a {@link MethodType}. */
  static MethodType functionType(FuncType type) {
    List<Class<?>> params = new ArrayList<>();
    for (ValType p : type.params()) {
      params.add(javaClass(p));
    }
    params.add(long.class);
    params.add(int.class);
    params.add(InstanceContext.class);
    return MethodType.methodType(returnClass(type.results()), params);
  }

  /** {@code (P1..Pn) R}: the Wasm-level part of the convention, without depth and context. */
  static MethodType plainType(FuncType type) {
    List<Class<?>> params = new ArrayList<>();
    for (ValType p : type.params()) {
      params.add(javaClass(p));
    }
    return MethodType.methodType(returnClass(type.results()), params);
  }

  /** Whether the compiled convention can express the type (the JVM's 255 parameter slots). */
  static String unsupported(FuncType type) {
    int slots = 4;
    for (ValType t : type.params()) {
      slots += slots(t);
    }
    return slots > 255 ? "more than 251 parameter slots (the JVM allows 255)" : null;
  }
}
