package dev.isola.wasm.binary;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.CustomSection;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Global;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link WasmModule} in the binary format, canonically: minimal LEB128 everywhere, the non-custom
 * sections in their fixed order (empty ones left out), locals grouped by runs of one type, and each element
 * segment in the most compact of its eight forms. The model does not record where custom sections stood, so
 * they all follow the last section, in their order; the {@code name} section is one of them, kept as it was.
 *
 * <p>Encoding a decoded module and decoding the result gives back the same model (apart from offsets), and
 * encoding that again gives the same bytes: the text parser's tests rely on this to compare modules.
 */
public final class ModuleEncoder {
  private ModuleEncoder() {}

  public static byte[] encode(WasmModule m) {
    Sink out = new Sink();
    out.bytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    section(out, 1, m.types(), ModuleEncoder::funcType);
    section(out, 2, m.imports(), ModuleEncoder::importEntry);
    section(out, 3, m.functionTypes(), (s, t) -> s.u32(t));
    section(out, 4, m.tables(), ModuleEncoder::tableType);
    section(out, 5, m.memories(), (s, mem) -> limits(s, mem.limits()));
    section(out, 6, m.globals(), ModuleEncoder::global);
    section(out, 7, m.exports(), ModuleEncoder::export);
    m.start().ifPresent(start -> {
      Sink s = new Sink();
      s.u32(start);
      out.section(8, s);
    });
    section(out, 9, m.elements(), ModuleEncoder::element);
    m.dataCount().ifPresent(count -> {
      Sink s = new Sink();
      s.u32(count);
      out.section(12, s);
    });
    section(out, 10, m.code(), ModuleEncoder::body);
    section(out, 11, m.data(), ModuleEncoder::data);
    for (CustomSection c : m.customSections()) {
      Sink s = new Sink();
      s.name(c.name());
      s.bytes(c.payload());
      out.section(0, s);
    }
    return out.toByteArray();
  }

  private interface Writer<T> {
    void write(Sink s, T item);
  }

  private static <T> void section(Sink out, int id, List<T> items, Writer<T> writer) {
    if (items.isEmpty()) {
      return;
    }
    Sink s = new Sink();
    s.u32(items.size());
    for (T item : items) {
      writer.write(s, item);
    }
    out.section(id, s);
  }

  private static void funcType(Sink s, FuncType t) {
    s.u8(0x60);
    types(s, t.params());
    types(s, t.results());
  }

  private static void types(Sink s, List<ValType> types) {
    s.u32(types.size());
    for (ValType t : types) {
      s.u8(t.code());
    }
  }

  private static void importEntry(Sink s, Import i) {
    s.name(i.module());
    s.name(i.name());
    s.u8(i.desc().kind().code());
    switch (i.desc()) {
      case ImportDesc.Func f -> s.u32(f.typeIndex());
      case ImportDesc.Table t -> tableType(s, t.type());
      case ImportDesc.Memory mem -> limits(s, mem.type().limits());
      case ImportDesc.Global g -> globalType(s, g.type());
    }
  }

  private static void tableType(Sink s, TableType t) {
    s.u8(t.elementType().code());
    limits(s, t.limits());
  }

  private static void limits(Sink s, Limits l) {
    s.u8(l.hasMax() ? 1 : 0);
    s.u32(l.min());
    if (l.hasMax()) {
      s.u32(l.max());
    }
  }

  private static void globalType(Sink s, GlobalType t) {
    s.u8(t.type().code());
    s.u8(t.mutable() ? 1 : 0);
  }

  private static void global(Sink s, Global g) {
    globalType(s, g.type());
    constExpr(s, g.init());
  }

  private static void export(Sink s, Export e) {
    s.name(e.name());
    s.u8(e.kind().code());
    s.u32(e.index());
  }

  /**
   * The decoder turns function-index vectors into {@code ref.func} expressions; the vector forms (flags 0-3)
   * are chosen back whenever every item is a single {@code ref.func} of a funcref segment.
   */
  private static void element(Sink s, ElementSegment e) {
    boolean indices = e.type() == ValType.FUNCREF && e.init().stream().allMatch(ModuleEncoder::isRefFunc);
    int flags = indices ? 0 : 4;
    switch (e.mode()) {
      case ElementSegment.Passive p -> flags |= 1;
      case ElementSegment.Declarative d -> flags |= 3;
      case ElementSegment.Active a -> {
        if (a.table() != 0 || e.type() != ValType.FUNCREF) {
          flags |= 2;
        }
      }
    }
    s.u32(flags);
    if (e.mode() instanceof ElementSegment.Active a) {
      if ((flags & 2) != 0) {
        s.u32(a.table());
      }
      constExpr(s, a.offset());
    }
    if ((flags & 3) != 0) {
      s.u8(indices ? 0x00 : e.type().code());
    }
    s.u32(e.init().size());
    for (ConstExpr item : e.init()) {
      if (indices) {
        s.u32(((Immediate.Index) item.instructions().getFirst().immediate()).index());
      } else {
        constExpr(s, item);
      }
    }
  }

  private static boolean isRefFunc(ConstExpr c) {
    return c.instructions().size() == 1 && c.instructions().getFirst().opcode() == OpCode.REF_FUNC;
  }

  private static void body(Sink out, FunctionBody f) {
    Sink s = new Sink();
    List<ValType> locals = f.locals();
    int groups = 0;
    for (int i = 0; i < locals.size(); i++) {
      if (i == 0 || locals.get(i) != locals.get(i - 1)) {
        groups++;
      }
    }
    s.u32(groups);
    for (int i = 0; i < locals.size(); ) {
      int j = i;
      while (j < locals.size() && locals.get(j) == locals.get(i)) {
        j++;
      }
      s.u32(j - i);
      s.u8(locals.get(i).code());
      i = j;
    }
    for (Instruction in : f.instructions()) {
      instruction(s, in);
    }
    out.u32(s.size());
    out.append(s);
  }

  private static void data(Sink s, DataSegment d) {
    switch (d.mode()) {
      case DataSegment.Passive p -> s.u8(1);
      case DataSegment.Active a -> {
        if (a.memory() == 0) {
          s.u8(0);
        } else {
          s.u8(2);
          s.u32(a.memory());
        }
        constExpr(s, a.offset());
      }
    }
    s.u32(d.bytes().length);
    s.bytes(d.bytes());
  }

  private static void constExpr(Sink s, ConstExpr c) {
    for (Instruction in : c.instructions()) {
      instruction(s, in);
    }
    s.u8(OpCode.END.code());
  }

  private static void instruction(Sink s, Instruction in) {
    OpCode op = in.opcode();
    if (op.prefix() != 0) {
      s.u8(op.prefix());
      s.u32(op.code());
    } else {
      s.u8(op.code());
    }
    switch (in.immediate()) {
      case Immediate.None n -> {}
      case Immediate.Block b -> {
        switch (b.type()) {
          case BlockType.Empty e -> s.u8(0x40);
          case BlockType.Value v -> s.u8(v.type().code());
          case BlockType.TypeIndex t -> s.sleb(t.typeIndex());
        }
      }
      case Immediate.Index i -> s.u32(i.index());
      case Immediate.BrTable t -> {
        s.u32(t.labels().length);
        for (int label : t.labels()) {
          s.u32(label);
        }
        s.u32(t.defaultLabel());
      }
      case Immediate.CallIndirect c -> {
        s.u32(c.typeIndex());
        s.u32(c.tableIndex());
      }
      case Immediate.MemArg m -> memArg(s, m);
      case Immediate.MemArgLane m -> {
        memArg(s, m.memArg());
        s.u8(m.lane());
      }
      case Immediate.I32 i -> s.sleb(i.value());
      case Immediate.I64 i -> s.sleb(i.value());
      case Immediate.F32 f -> s.fixed(f.bits() & 0xFFFFFFFFL, 4);
      case Immediate.F64 f -> s.fixed(f.bits(), 8);
      case Immediate.V128 v -> {
        s.fixed(v.low(), 8);
        s.fixed(v.high(), 8);
      }
      case Immediate.Lane l -> s.u8(l.lane());
      case Immediate.Shuffle sh -> s.bytes(sh.lanes());
      case Immediate.SelectTypes t -> types(s, t.types());
      case Immediate.RefType r -> s.u8(r.type().code());
      case Immediate.Pair p -> {
        s.u32(p.first());
        s.u32(p.second());
      }
    }
  }

  /** With multi-memory, bit 6 of the alignment field says that a memory index follows it. */
  private static void memArg(Sink s, Immediate.MemArg m) {
    if (m.memory() != 0) {
      s.u32(m.align() | 0x40);
      s.u32(m.memory());
    } else {
      s.u32(m.align());
    }
    s.u32(m.offset());
  }

  /** A growable byte buffer with the binary format's primitive encodings. */
  private static final class Sink extends ByteArrayOutputStream {
    void u8(int b) {
      write(b);
    }

    void bytes(byte[] b) {
      write(b, 0, b.length);
    }

    void append(Sink other) {
      write(other.buf, 0, other.count);
    }

    /** Unsigned LEB128 of a u32 (or any non-negative value; an int is taken as unsigned). */
    void u32(long v) {
      v &= 0xFFFFFFFFL;
      do {
        int b = (int) (v & 0x7F);
        v >>>= 7;
        write(v != 0 ? b | 0x80 : b);
      } while (v != 0);
    }

    void sleb(long v) {
      while (true) {
        int b = (int) (v & 0x7F);
        v >>= 7;
        boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
        write(done ? b : b | 0x80);
        if (done) {
          return;
        }
      }
    }

    void fixed(long v, int n) {
      for (int i = 0; i < n; i++) {
        write((int) (v >>> (8 * i)) & 0xFF);
      }
    }

    void name(String name) {
      byte[] b = name.getBytes(StandardCharsets.UTF_8);
      u32(b.length);
      bytes(b);
    }

    void section(int id, Sink payload) {
      u8(id);
      u32(payload.size());
      append(payload);
    }
  }
}
