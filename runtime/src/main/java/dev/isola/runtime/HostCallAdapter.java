package dev.isola.runtime;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Adapts a host function's typed handle {@code (Caller, P1 .. Pn) R} once, at creation, to the raw calling
 * convention {@code (Caller, long[] stack, Object[] refs, int sp) void} that execution tiers use.
 *
 * <p>Each parameter becomes a small static reader of slot {@code sp + i}; the result becomes a static writer to
 * slot {@code sp}. They are glued with {@code collectArguments} and {@code permuteArguments}, so the adapted
 * handle boxes nothing and, for 0 or 1 result, allocates nothing: the JIT inlines the whole chain into the
 * tier's call site.
 */
final class HostCallAdapter {
  private static final MethodType RAW =
      MethodType.methodType(void.class, Caller.class, long[].class, Object[].class, int.class);

  private static final MethodHandle READ_I32, READ_I64, READ_F32, READ_F64, READ_REF;
  private static final MethodHandle WRITE_I32, WRITE_I64, WRITE_F32, WRITE_F64, WRITE_REF, WRITE_MANY;

  static {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      READ_I32 = reader(lookup, "readI32", int.class);
      READ_I64 = reader(lookup, "readI64", long.class);
      READ_F32 = reader(lookup, "readF32", float.class);
      READ_F64 = reader(lookup, "readF64", double.class);
      READ_REF = reader(lookup, "readRef", Object.class);
      WRITE_I32 = writer(lookup, "writeI32", int.class);
      WRITE_I64 = writer(lookup, "writeI64", long.class);
      WRITE_F32 = writer(lookup, "writeF32", float.class);
      WRITE_F64 = writer(lookup, "writeF64", double.class);
      WRITE_REF = writer(lookup, "writeRef", Object.class);
      WRITE_MANY = lookup.findStatic(HostCallAdapter.class, "writeMany",
          MethodType.methodType(void.class, int.class, long[].class, long[].class, Object[].class, int.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private HostCallAdapter() {}

  /**
   * The handle type a host function of {@code type} must have.
   *
   * @throws IllegalArgumentException if the type has a v128, or several results that include a reference
   */
  static MethodType javaType(FuncType type) {
    Class<?>[] params = new Class<?>[type.params().size() + 1];
    params[0] = Caller.class;
    for (int i = 0; i < type.params().size(); i++) {
      params[i + 1] = javaClass(type.params().get(i), type);
    }
    List<ValType> results = type.results();
    Class<?> result;
    if (results.isEmpty()) {
      result = void.class;
    } else if (results.size() == 1) {
      result = javaClass(results.getFirst(), type);
    } else if (results.stream().anyMatch(ValType::isReference)) {
      throw new IllegalArgumentException("host functions cannot return several results with a reference: " + type);
    } else {
      result = long[].class;
    }
    return MethodType.methodType(result, params);
  }

  private static Class<?> javaClass(ValType t, FuncType type) {
    return switch (t) {
      case I32 -> int.class;
      case I64 -> long.class;
      case F32 -> float.class;
      case F64 -> double.class;
      case FUNCREF, EXTERNREF -> Object.class;
      case V128 -> throw new IllegalArgumentException("host functions do not support v128: " + type);
    };
  }

  /** Adapts {@code handle}, already checked to have {@link #javaType}, to the raw convention. */
  static MethodHandle adapt(FuncType type, MethodHandle handle) {
    List<ValType> params = type.params();
    int n = params.size();
    MethodHandle h = handle;
    // Right to left, so that parameter 1 + i is still Pi when its reader replaces it.
    for (int i = n - 1; i >= 0; i--) {
      MethodHandle reader = MethodHandles.insertArguments(readerFor(params.get(i)), 3, i);
      h = MethodHandles.collectArguments(h, 1 + i, reader);
    }
    // Now (Caller, [long[], Object[], int] x n) R: every reader takes the same stack, refs and sp.
    MethodType rawWithResult = RAW.changeReturnType(h.type().returnType());
    h = MethodHandles.permuteArguments(h, rawWithResult, spread(n));
    List<ValType> results = type.results();
    if (results.isEmpty()) {
      return h;
    }
    MethodHandle writer = results.size() == 1
        ? writerFor(results.getFirst())
        : MethodHandles.insertArguments(WRITE_MANY, 0, results.size());
    // (Caller, long[], Object[], int, long[], Object[], int) void, then the stack, refs and sp shared again.
    MethodHandle chained = MethodHandles.collectArguments(writer, 0, h);
    return MethodHandles.permuteArguments(chained, RAW, spread(2));
  }

  /** The reorder {@code [0, 1, 2, 3, 1, 2, 3, ...]}: the caller, then {@code groups} copies of (stack, refs, sp). */
  private static int[] spread(int groups) {
    int[] order = new int[1 + 3 * groups];
    for (int g = 0; g < groups; g++) {
      order[1 + 3 * g] = 1;
      order[2 + 3 * g] = 2;
      order[3 + 3 * g] = 3;
    }
    return order;
  }

  private static MethodHandle readerFor(ValType t) {
    return switch (t) {
      case I32 -> READ_I32;
      case I64 -> READ_I64;
      case F32 -> READ_F32;
      case F64 -> READ_F64;
      case FUNCREF, EXTERNREF -> READ_REF;
      case V128 -> throw new IllegalArgumentException("v128");
    };
  }

  private static MethodHandle writerFor(ValType t) {
    return switch (t) {
      case I32 -> WRITE_I32;
      case I64 -> WRITE_I64;
      case F32 -> WRITE_F32;
      case F64 -> WRITE_F64;
      case FUNCREF, EXTERNREF -> WRITE_REF;
      case V128 -> throw new IllegalArgumentException("v128");
    };
  }

  private static MethodHandle reader(MethodHandles.Lookup lookup, String name, Class<?> type)
      throws ReflectiveOperationException {
    return lookup.findStatic(HostCallAdapter.class, name,
        MethodType.methodType(type, long[].class, Object[].class, int.class, int.class));
  }

  private static MethodHandle writer(MethodHandles.Lookup lookup, String name, Class<?> type)
      throws ReflectiveOperationException {
    return lookup.findStatic(HostCallAdapter.class, name,
        MethodType.methodType(void.class, type, long[].class, Object[].class, int.class));
  }

  private static int readI32(long[] stack, Object[] refs, int sp, int i) {
    return (int) stack[sp + i];
  }

  private static long readI64(long[] stack, Object[] refs, int sp, int i) {
    return stack[sp + i];
  }

  private static float readF32(long[] stack, Object[] refs, int sp, int i) {
    return Float.intBitsToFloat((int) stack[sp + i]);
  }

  private static double readF64(long[] stack, Object[] refs, int sp, int i) {
    return Double.longBitsToDouble(stack[sp + i]);
  }

  private static Object readRef(long[] stack, Object[] refs, int sp, int i) {
    return refs[sp + i];
  }

  private static void writeI32(int v, long[] stack, Object[] refs, int sp) {
    stack[sp] = v;
  }

  private static void writeI64(long v, long[] stack, Object[] refs, int sp) {
    stack[sp] = v;
  }

  private static void writeF32(float v, long[] stack, Object[] refs, int sp) {
    stack[sp] = Float.floatToRawIntBits(v);
  }

  private static void writeF64(double v, long[] stack, Object[] refs, int sp) {
    stack[sp] = Double.doubleToRawLongBits(v);
  }

  private static void writeRef(Object v, long[] stack, Object[] refs, int sp) {
    refs[sp] = v;
  }

  private static void writeMany(int count, long[] results, long[] stack, Object[] refs, int sp) {
    if (results == null || results.length != count) {
      throw new IllegalStateException("host function returned " + (results == null ? "null" : results.length)
          + " results, its type has " + count);
    }
    System.arraycopy(results, 0, stack, sp, count);
  }
}
