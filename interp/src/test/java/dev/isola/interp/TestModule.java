package dev.isola.interp;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.CustomSection;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Global;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds small {@link WasmModule} records for tests, without the decoder. Instructions get byte offsets
 * {@code 1000 * (defined function + 1) + position}, so trap stack traces can be checked.
 */
final class TestModule {
  private final List<FuncType> types = new ArrayList<>();
  private final List<Import> imports = new ArrayList<>();
  private final List<Integer> functionTypes = new ArrayList<>();
  private final List<FunctionBody> code = new ArrayList<>();
  private final List<TableType> tables = new ArrayList<>();
  private final List<MemoryType> memories = new ArrayList<>();
  private final List<Global> globals = new ArrayList<>();
  private final List<Export> exports = new ArrayList<>();
  private final List<ElementSegment> elements = new ArrayList<>();
  private final Map<Integer, String> names = new HashMap<>();

  static FuncType type(List<ValType> params, List<ValType> results) {
    return FuncType.of(params, results);
  }

  static Instruction op(OpCode op) {
    return new Instruction(op, Immediate.None.INSTANCE);
  }

  static Instruction op(OpCode op, int index) {
    return new Instruction(op, new Immediate.Index(index));
  }

  static Instruction i32(int v) {
    return new Instruction(OpCode.I32_CONST, new Immediate.I32(v));
  }

  static Instruction i64(long v) {
    return new Instruction(OpCode.I64_CONST, new Immediate.I64(v));
  }

  static Instruction f32(int bits) {
    return new Instruction(OpCode.F32_CONST, new Immediate.F32(bits));
  }

  static Instruction f64(long bits) {
    return new Instruction(OpCode.F64_CONST, new Immediate.F64(bits));
  }

  static Instruction mem(OpCode op, long offset) {
    return new Instruction(op, new Immediate.MemArg(0, offset, 0));
  }

  static Instruction block(OpCode op, BlockKind kind) {
    return new Instruction(op, new Immediate.Block(kind.type));
  }

  /** Block types used in tests. */
  enum BlockKind {
    EMPTY(new dev.isola.wasm.BlockType.Empty()),
    I32(new dev.isola.wasm.BlockType.Value(ValType.I32));

    final dev.isola.wasm.BlockType type;

    BlockKind(dev.isola.wasm.BlockType type) {
      this.type = type;
    }
  }

  int type(FuncType type) {
    int index = types.indexOf(type);
    if (index >= 0) {
      return index;
    }
    types.add(type);
    return types.size() - 1;
  }

  /** Imports a function; returns its index (imports must come before definitions). */
  int importFunc(String module, String name, FuncType type) {
    imports.add(new Import(module, name, new ImportDesc.Func(type(type))));
    return imports.size() - 1;
  }

  /** Defines and exports a function; {@code end} is appended. Returns its index in the function space. */
  int func(String export, FuncType type, List<ValType> locals, Instruction... body) {
    int index = imports.size() + functionTypes.size();
    functionTypes.add(type(type));
    List<Instruction> instructions = new ArrayList<>();
    int base = 1000 * (functionTypes.size());
    for (int i = 0; i < body.length; i++) {
      Instruction in = body[i];
      instructions.add(new Instruction(in.opcode(), in.immediate(), base + i));
    }
    instructions.add(new Instruction(OpCode.END, Immediate.None.INSTANCE, base + body.length));
    code.add(new FunctionBody(locals, instructions, base));
    if (export != null) {
      exports.add(new Export(export, ExternKind.FUNC, index));
      names.put(index, export);
    }
    return index;
  }

  TestModule memory(long minPages) {
    memories.add(new MemoryType(new Limits(minPages, Limits.NO_MAX)));
    exports.add(new Export("memory", ExternKind.MEMORY, 0));
    return this;
  }

  TestModule mutableGlobal(ValType type, Instruction init) {
    globals.add(new Global(new GlobalType(type, true), new ConstExpr(List.of(init))));
    return this;
  }

  /** A funcref table holding {@code functions} from index 0. */
  TestModule table(int... functions) {
    tables.add(new TableType(ValType.FUNCREF, new Limits(functions.length, Limits.NO_MAX)));
    List<ConstExpr> init = new ArrayList<>();
    for (int f : functions) {
      init.add(new ConstExpr(List.of(op(OpCode.REF_FUNC, f))));
    }
    elements.add(new ElementSegment(ValType.FUNCREF, init,
        new ElementSegment.Active(0, new ConstExpr(List.of(i32(0))))));
    return this;
  }

  WasmModule build() {
    return new WasmModule(types, imports, functionTypes, tables, memories, globals, exports, Optional.empty(),
        elements, Optional.empty(), code, List.<DataSegment>of(), List.<CustomSection>of(),
        new NameSection(Optional.of("test"), names, Map.of()));
  }
}
