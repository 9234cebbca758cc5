package dev.isola.wasm.binary;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * Value, reference, function, table, memory and global types. Every type byte is a one-byte signed LEB128 in
 * the spec's grammar, so a byte with its top bit set is "integer representation too long", as in the
 * reference interpreter, and any other unknown byte is read as a malformed reference type (the last
 * alternative the grammar tries).
 */
final class TypeReader {
  private TypeReader() {}

  private static final ValType[] BY_CODE = new ValType[128];

  static {
    for (ValType t : ValType.values()) {
      BY_CODE[t.code()] = t;
    }
  }

  static ValType valType(ByteReader r) {
    int b = r.u8();
    ValType t = b < 0x80 ? BY_CODE[b] : null;
    if (t == null) {
      throw malformedType(r, b);
    }
    return t;
  }

  static ValType refType(ByteReader r) {
    int b = r.u8();
    if (b == 0x70) {
      return ValType.FUNCREF;
    }
    if (b == 0x6F) {
      return ValType.EXTERNREF;
    }
    throw malformedType(r, b);
  }

  private static MalformedModuleException malformedType(ByteReader r, int b) {
    return (b & 0x80) != 0
        ? r.error("integer representation too long", r.pos())
        : r.error("malformed reference type", r.pos() - 1);
  }

  static List<ValType> resultType(ByteReader r) {
    int n = r.len();
    if (n == 0) {
      return List.of();
    }
    ValType[] types = new ValType[n];
    for (int i = 0; i < n; i++) {
      types[i] = valType(r);
    }
    return Arrays.asList(types);
  }

  static FuncType funcType(ByteReader r) {
    int b = r.u8();
    if (b != 0x60) {
      throw (b & 0x80) != 0
          ? r.error("integer representation too long", r.pos())
          : r.error("malformed function type", r.pos() - 1);
    }
    List<ValType> params = resultType(r);
    List<ValType> results = resultType(r);
    return new FuncType(params, results);
  }

  /** Limits: a flag (a one-bit LEB128, hence "integer too large" for 2 and up), min, optional max. */
  static Limits limits(ByteReader r) {
    boolean hasMax = r.uleb(1) == 1;
    long min = r.u32();
    long max = hasMax ? r.u32() : Limits.NO_MAX;
    return new Limits(min, max);
  }

  static TableType tableType(ByteReader r) {
    ValType element = refType(r);
    return new TableType(element, limits(r));
  }

  static MemoryType memoryType(ByteReader r) {
    return new MemoryType(limits(r));
  }

  static GlobalType globalType(ByteReader r) {
    ValType t = valType(r);
    int m = r.u8();
    if (m > 1) {
      throw r.error("malformed mutability", r.pos() - 1);
    }
    return new GlobalType(t, m == 1);
  }
}
