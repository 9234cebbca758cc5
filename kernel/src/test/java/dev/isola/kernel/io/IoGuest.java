package dev.isola.kernel.io;

import dev.isola.interp.Interpreter;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Store;
import dev.isola.runtime.Value;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WAT guest that imports every I/O function and exports a wrapper for each ({@code gpio_open} calls {@code
 * isola:gpio open}), with an {@code isola.peripherals} section of the given needs: the host functions run with a
 * real {@link dev.isola.runtime.Caller} (the guest's instance and memory), outside any scheduler.
 */
final class IoGuest {
  /** Where {@link #open} puts labels; buffers go anywhere above. */
  static final int LABELS = 1024;

  private final Instance instance;
  private final Map<String, FuncType> types = new HashMap<>();

  private IoGuest(Instance instance, List<HostFunction> functions) {
    this.instance = instance;
    for (HostFunction f : functions) {
      types.put(exportName(f), f.type());
    }
  }

  /** A guest declaring {@code needs} (records such as {@code "gpio-out led"}), linked to {@code table}. */
  static IoGuest of(Handles table, String... needs) {
    List<HostFunction> functions = IsolaIo.functions(table);
    StringBuilder wat = new StringBuilder("(module\n");
    for (HostFunction f : functions) {
      wat.append("  (import \"").append(f.module()).append("\" \"").append(f.name()).append("\" (func $")
          .append(exportName(f)).append(signature(f.type())).append("))\n");
    }
    wat.append("  (memory (export \"memory\") 2)\n");
    for (HostFunction f : functions) {
      wat.append("  (func (export \"").append(exportName(f)).append("\")").append(signature(f.type()));
      for (int i = 0; i < f.type().params().size(); i++) {
        wat.append(" local.get ").append(i);
      }
      wat.append(" call $").append(exportName(f)).append(")\n");
    }
    wat.append(")");
    byte[] module = ModuleEncoder.encode(TextParser.parseModule(wat.toString(), SystemCheck.FEATURES));
    byte[] bytes = withCustomSection(module, "isola.peripherals", needs);
    Engine engine = Engine.of(EngineConfig.of(new Interpreter()).withFeatures(SystemCheck.FEATURES));
    Imports imports = new Imports();
    functions.forEach(imports::define);
    Instance instance = new Store(engine).instantiate(engine.compile(bytes), imports);
    return new IoGuest(instance, functions);
  }

  private static String exportName(HostFunction f) {
    return f.module().substring("isola:".length()) + "_" + f.name();
  }

  private static String signature(FuncType type) {
    StringBuilder b = new StringBuilder();
    for (ValType p : type.params()) {
      b.append(" (param ").append(p == ValType.I64 ? "i64" : "i32").append(")");
    }
    for (ValType r : type.results()) {
      b.append(" (result ").append(r == ValType.I64 ? "i64" : "i32").append(")");
    }
    return b.toString();
  }

  /** {@code module} with a custom section {@code name} appended: each record NUL-terminated, as ISOLA_NEED does. */
  static byte[] withCustomSection(byte[] module, String name, String... records) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    leb(payload, n.length);
    payload.writeBytes(n);
    for (String r : records) {
      payload.writeBytes(r.getBytes(StandardCharsets.UTF_8));
      payload.write(0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(module);
    out.write(0);
    leb(out, payload.size());
    out.writeBytes(payload.toByteArray());
    return out.toByteArray();
  }

  private static void leb(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7F;
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }

  /** Calls the guest's wrapper of {@code module_name} ({@code "gpio_open"}) with {@code args}; its i32 result. */
  int call(String function, long... args) {
    FuncType type = types.get(function);
    if (type == null) {
      throw new IllegalArgumentException("no function " + function);
    }
    Value[] values = new Value[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = type.params().get(i) == ValType.I64 ? Value.i64(args[i]) : Value.i32((int) args[i]);
    }
    Value[] result = instance.function(function).call(values);
    return ((Value.I32) result[0]).value();
  }

  /** Writes {@code label} at {@link #LABELS} and calls {@code KIND_open} on it. */
  int open(String kind, String label) {
    byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
    write(LABELS, bytes);
    return call(kind + "_open", LABELS, bytes.length);
  }

  void write(int addr, byte[] bytes) {
    instance.memory(0).write(addr, bytes, 0, bytes.length);
  }

  void writeI32(int addr, int value) {
    instance.memory(0).writeI32(addr, value);
  }

  byte[] read(int addr, int len) {
    byte[] out = new byte[len];
    instance.memory(0).read(addr, out, 0, len);
    return out;
  }

  /** The memory's size in bytes (a pointer at or past it is out of bounds). */
  int memorySize() {
    return instance.memory(0).bytes().length;
  }
}
