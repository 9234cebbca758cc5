package dev.isola.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles small modules in the binary format for the tests (there is no text-format parser yet). Only what
 * the tests need: types, function imports, one memory, one table, i32 globals, functions, exports, a custom
 * section and the name section's module and function names.
 */
final class WasmBuilder {
  static final int I32 = 0x7F;
  static final int I64 = 0x7E;

  private final List<byte[]> types = new ArrayList<>();
  private final List<byte[]> imports = new ArrayList<>();
  private final List<Integer> funcTypes = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private final List<byte[]> exports = new ArrayList<>();
  private final List<byte[]> globals = new ArrayList<>();
  private final Map<Integer, String> names = new LinkedHashMap<>();
  private final Map<String, byte[]> customs = new LinkedHashMap<>();
  private int importedFuncs;
  private int memoryMin = -1;
  private int tableMin = -1;
  private String moduleName;

  int type(int[] params, int[] results) {
    Bytes b = new Bytes().u8(0x60).u32(params.length);
    for (int p : params) {
      b.u8(p);
    }
    b.u32(results.length);
    for (int r : results) {
      b.u8(r);
    }
    byte[] t = b.toArray();
    for (int i = 0; i < types.size(); i++) {
      if (java.util.Arrays.equals(types.get(i), t)) {
        return i;
      }
    }
    types.add(t);
    return types.size() - 1;
  }

  /** Imports a function; must come before every {@link #func}. */
  int importFunc(String module, String name, int[] params, int[] results) {
    int type = type(params, results);
    imports.add(new Bytes().name(module).name(name).u8(0).u32(type).toArray());
    names.put(importedFuncs, name);
    return importedFuncs++;
  }

  /** Defines a function with no locals; {@code code} is its body without the final {@code end}. */
  int func(String name, int[] params, int[] results, Bytes code) {
    funcTypes.add(type(params, results));
    bodies.add(new Bytes().sized(new Bytes().u32(0).bytes(code.toArray()).u8(0x0B)).toArray());
    int index = importedFuncs + funcTypes.size() - 1;
    if (name != null) {
      names.put(index, name);
    }
    return index;
  }

  WasmBuilder export(String name, int kind, int index) {
    exports.add(new Bytes().name(name).u8(kind).u32(index).toArray());
    return this;
  }

  WasmBuilder exportFunc(String name, int index) {
    return export(name, 0, index);
  }

  WasmBuilder memory(int minPages) {
    memoryMin = minPages;
    return this;
  }

  WasmBuilder table(int min) {
    tableMin = min;
    return this;
  }

  WasmBuilder mutableI32Global(int value) {
    globals.add(new Bytes().u8(I32).u8(1).u8(0x41).s32(value).u8(0x0B).toArray());
    return this;
  }

  WasmBuilder moduleName(String name) {
    moduleName = name;
    return this;
  }

  WasmBuilder custom(String name, byte[] payload) {
    customs.put(name, payload);
    return this;
  }

  byte[] build() {
    Bytes m = new Bytes().bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    section(m, 1, types);
    section(m, 2, imports);
    section(m, 3, funcTypes.stream().map(t -> new Bytes().u32(t).toArray()).toList());
    if (tableMin >= 0) {
      section(m, 4, List.of(new Bytes().u8(0x70).u8(0).u32(tableMin).toArray()));
    }
    if (memoryMin >= 0) {
      section(m, 5, List.of(new Bytes().u8(0).u32(memoryMin).toArray()));
    }
    section(m, 6, globals);
    section(m, 7, exports);
    section(m, 10, bodies);
    for (var c : customs.entrySet()) {
      m.u8(0).sized(new Bytes().name(c.getKey()).bytes(c.getValue()));
    }
    Bytes nameSection = new Bytes().name("name");
    if (moduleName != null) {
      nameSection.u8(0).sized(new Bytes().name(moduleName));
    }
    if (!names.isEmpty()) {
      Bytes map = new Bytes().u32(names.size());
      names.forEach((i, n) -> map.u32(i).name(n));
      nameSection.u8(1).sized(map);
    }
    m.u8(0).sized(nameSection);
    return m.toArray();
  }

  private static void section(Bytes m, int id, List<byte[]> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Bytes content = new Bytes().u32(entries.size());
    entries.forEach(content::bytes);
    m.u8(id).sized(content);
  }

  /** A growing byte sequence with the binary format's encodings; also used to write function bodies. */
  static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int b) {
      out.write(b);
      return this;
    }

    Bytes op(int... bytes) {
      for (int b : bytes) {
        out.write(b);
      }
      return this;
    }

    Bytes u32(long v) {
      do {
        int b = (int) (v & 0x7F);
        v >>>= 7;
        out.write(v == 0 ? b : b | 0x80);
      } while (v != 0);
      return this;
    }

    Bytes s32(long v) {
      while (true) {
        int b = (int) (v & 0x7F);
        v >>= 7;
        boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
        out.write(done ? b : b | 0x80);
        if (done) {
          return this;
        }
      }
    }

    Bytes bytes(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    Bytes name(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      return u32(b.length).bytes(b);
    }

    /** Writes {@code content} preceded by its size. */
    Bytes sized(Bytes content) {
      byte[] b = content.toArray();
      return u32(b.length).bytes(b);
    }

    // Instructions the tests use.
    Bytes i32Const(int v) {
      return u8(0x41).s32(v);
    }

    Bytes call(int f) {
      return u8(0x10).u32(f);
    }

    Bytes drop() {
      return u8(0x1A);
    }

    Bytes i32Load() {
      return op(0x28, 2, 0);
    }

    Bytes i32Store() {
      return op(0x36, 2, 0);
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }
}
