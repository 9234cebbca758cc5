package dev.isola.wasm.text;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Feature;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Element and data segments (spec 6.6.9, 6.6.11) with their abbreviations, and the constant expressions
 * they and globals hold. Also used for the inline segments of {@code table} and {@code memory} fields.
 */
final class SegmentParser {
  private final Tokens in;
  private final Declarations d;
  private final Set<Feature> features;

  SegmentParser(Tokens in, Declarations d, Set<Feature> features) {
    this.in = in;
    this.d = d;
    this.features = features;
  }

  private int index(IndexSpace space) {
    if (!IndexSpace.isIndex(in.peek())) {
      throw in.unexpected();
    }
    return space.resolve(in.next());
  }

  /**
   * {@code (elem id? elemlist)} passive, {@code (elem id? declare elemlist)}, or active with an optional
   * {@code (table x)} and an offset; after an offset a bare list of function indices is also allowed.
   */
  ElementSegment elem() {
    in.optionalId();
    ElementSegment.Mode mode;
    if (in.atKeyword("declare")) {
      in.next();
      mode = new ElementSegment.Declarative();
    } else if (in.at(Token.Kind.LPAREN)) {
      int table = 0;
      if (in.openField("table")) {
        table = index(d.tables);
        in.rparen();
      }
      mode = new ElementSegment.Active(table, offset());
    } else {
      mode = new ElementSegment.Passive();
    }
    ValType type = ValType.FUNCREF;
    List<ConstExpr> items;
    if (in.atKeyword("func")) {
      in.next();
      items = elemItems();
    } else if (TypeSyntax.isRefType(in.peek())) {
      type = TypeSyntax.refType(in);
      items = elemItems();
    } else if (mode instanceof ElementSegment.Active) {
      items = elemItems();
    } else {
      throw in.unexpected();
    }
    in.rparen();
    return new ElementSegment(type, items, mode);
  }

  /** Function indices, or expressions: {@code (item instr*)} or one folded instruction each. */
  List<ConstExpr> elemItems() {
    List<ConstExpr> items = new ArrayList<>();
    while (!in.at(Token.Kind.RPAREN)) {
      if (IndexSpace.isIndex(in.peek())) {
        int f = d.funcs.resolve(in.next());
        items.add(new ConstExpr(List.of(new Instruction(OpCode.REF_FUNC, new Immediate.Index(f)))));
      } else if (in.openField("item")) {
        items.add(constExpr());
        in.rparen();
      } else if (in.at(Token.Kind.LPAREN)) {
        List<Instruction> one = new ArrayList<>();
        new InstructionParser(in, d, features, null).foldedOne(one);
        items.add(new ConstExpr(one));
      } else {
        throw in.unexpected();
      }
    }
    return items;
  }

  DataSegment data() {
    in.optionalId();
    DataSegment.Mode mode = new DataSegment.Passive();
    if (in.at(Token.Kind.LPAREN)) {
      int memory = 0;
      if (in.openField("memory")) {
        memory = index(d.memories);
        in.rparen();
      }
      mode = new DataSegment.Active(memory, offset());
    }
    byte[] bytes = strings();
    in.rparen();
    return new DataSegment(bytes, mode);
  }

  /** {@code (offset instr*)}, or one folded instruction. */
  private ConstExpr offset() {
    if (in.openField("offset")) {
      ConstExpr e = constExpr();
      in.rparen();
      return e;
    }
    List<Instruction> one = new ArrayList<>();
    new InstructionParser(in, d, features, null).foldedOne(one);
    return new ConstExpr(one);
  }

  ConstExpr constExpr() {
    InstructionParser parser = new InstructionParser(in, d, features, null);
    List<Instruction> out = new ArrayList<>();
    parser.instructions(out);
    return new ConstExpr(out);
  }

  static ConstExpr i32Zero() {
    return new ConstExpr(List.of(new Instruction(OpCode.I32_CONST, new Immediate.I32(0))));
  }

  byte[] strings() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (in.at(Token.Kind.STRING)) {
      out.writeBytes(in.next().bytes());
    }
    return out.toByteArray();
  }
}
