package dev.isola.wasm.binary;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.CustomSection;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Global;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of the non-custom sections other than code, one method per section. Each reads the section's
 * payload from the current position; {@link ModuleDecoder} reads the id and size around it and checks that
 * the payload ended where the size said.
 */
final class SectionDecoder {
  private static final ExternKind[] KINDS = ExternKind.values();

  private final ByteReader r;
  private final InstructionDecoder instructions;

  SectionDecoder(ByteReader r, InstructionDecoder instructions) {
    this.r = r;
    this.instructions = instructions;
  }

  List<FuncType> types() {
    int n = r.len();
    List<FuncType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(TypeReader.funcType(r));
    }
    return types;
  }

  List<Import> imports() {
    int n = r.len();
    List<Import> imports = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String module = r.name();
      String name = r.name();
      int kind = r.u8();
      ImportDesc desc = switch (kind) {
        case 0 -> new ImportDesc.Func(r.index());
        case 1 -> new ImportDesc.Table(TypeReader.tableType(r));
        case 2 -> new ImportDesc.Memory(TypeReader.memoryType(r));
        case 3 -> new ImportDesc.Global(TypeReader.globalType(r));
        default -> throw r.error("malformed import kind", r.pos() - 1);
      };
      imports.add(new Import(module, name, desc));
    }
    return imports;
  }

  List<Integer> functions() {
    int n = r.len();
    List<Integer> typeIndices = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      typeIndices.add(r.index());
    }
    return typeIndices;
  }

  List<TableType> tables() {
    int n = r.len();
    List<TableType> tables = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tables.add(TypeReader.tableType(r));
    }
    return tables;
  }

  List<MemoryType> memories() {
    int n = r.len();
    List<MemoryType> memories = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      memories.add(TypeReader.memoryType(r));
    }
    return memories;
  }

  List<Global> globals() {
    int n = r.len();
    List<Global> globals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      globals.add(new Global(TypeReader.globalType(r), instructions.constExpr()));
    }
    return globals;
  }

  List<Export> exports() {
    int n = r.len();
    List<Export> exports = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = r.name();
      int kind = r.u8();
      if (kind >= KINDS.length) {
        throw r.error("malformed export kind", r.pos() - 1);
      }
      exports.add(new Export(name, KINDS[kind], r.index()));
    }
    return exports;
  }

  int start() {
    return r.index();
  }

  /**
   * Element segments in their 8 binary forms. Bit 0 of the flags: passive or declarative (else active); bit
   * 1: with bit 0, declarative, without it, an explicit table index; bit 2: expressions instead of function
   * indices. Forms with indices get one {@code ref.func} expression per index.
   */
  List<ElementSegment> elements() {
    int n = r.len();
    List<ElementSegment> elements = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      long flags = r.u32();
      if (flags > 7) {
        throw r.error("malformed elements segment kind", at);
      }
      int f = (int) flags;
      boolean passiveOrDeclarative = (f & 1) != 0;
      boolean explicitTable = (f & 2) != 0;
      boolean expressions = (f & 4) != 0;
      ElementSegment.Mode mode;
      if (passiveOrDeclarative) {
        mode = explicitTable ? new ElementSegment.Declarative() : new ElementSegment.Passive();
      } else {
        int table = explicitTable ? r.index() : 0;
        mode = new ElementSegment.Active(table, instructions.constExpr());
      }
      ValType type = ValType.FUNCREF;
      if (f != 0 && f != 4) {
        type = expressions ? TypeReader.refType(r) : elemKind();
      }
      int count = r.len();
      List<ConstExpr> init = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        if (expressions) {
          init.add(instructions.constExpr());
        } else {
          int offset = r.pos();
          Immediate.Index func = new Immediate.Index(r.index());
          init.add(new ConstExpr(List.of(new Instruction(OpCode.REF_FUNC, func, offset))));
        }
      }
      elements.add(new ElementSegment(type, init, mode));
    }
    return elements;
  }

  private ValType elemKind() {
    int b = r.u8();
    if (b != 0x00) {
      throw r.error("malformed element kind", r.pos() - 1);
    }
    return ValType.FUNCREF;
  }

  int dataCount() {
    return r.index();
  }

  List<DataSegment> data() {
    int n = r.len();
    List<DataSegment> data = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      long flags = r.u32();
      DataSegment.Mode mode = switch ((int) Math.min(flags, 3)) {
        case 0 -> new DataSegment.Active(0, instructions.constExpr());
        case 1 -> new DataSegment.Passive();
        case 2 -> {
          int memory = r.index();
          yield new DataSegment.Active(memory, instructions.constExpr());
        }
        default -> throw r.error("malformed data segment kind", at);
      };
      data.add(new DataSegment(r.byteString(), mode));
    }
    return data;
  }

  /** A custom section's name and payload; the section size bounds both. */
  CustomSection custom(int size) {
    int start = r.pos();
    String name = r.name();
    int payloadStart = r.pos();
    r.skip(size - (payloadStart - start));
    byte[] payload = new byte[r.pos() - payloadStart];
    System.arraycopy(r.bytes(), payloadStart, payload, 0, payload.length);
    return new CustomSection(name, payload);
  }
}
