package dev.isola.wasm.text;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plain and folded instructions (spec 6.5) into the flat list the binary decoder would produce, driven by
 * {@link OpCode#immediate()}. Folded forms are unfolded as the spec's abbreviations say: operands first,
 * then the operator. Labels are resolved against the blocks open at each point.
 *
 * <p>Longer than most files here: its core is one switch over {@link OpCode.ImmediateKind}, kept whole so
 * that the text form of every kind of immediate can be read side by side.
 */
final class InstructionParser {
  private static final Map<String, OpCode> BY_NAME = new HashMap<>();

  static {
    for (OpCode op : OpCode.values()) {
      if (op != OpCode.SELECT_T) {
        BY_NAME.put(op.textName(), op);
      }
    }
  }

  private final Tokens in;
  private final Declarations d;
  private final Set<Feature> features;
  /** The function's locals, or {@code null} in a constant expression. */
  private final IndexSpace locals;
  /** Label names of the open blocks, innermost last ({@code null} for an unnamed block). */
  private final List<String> labels = new ArrayList<>();
  private boolean usesDataIndex;

  InstructionParser(Tokens in, Declarations d, Set<Feature> features, IndexSpace locals) {
    this.in = in;
    this.d = d;
    this.features = features;
    // a constant expression has no locals: numeric ones are left for the validator to reject
    this.locals = locals != null ? locals : new IndexSpace("local", "local");
  }

  /** Whether {@code memory.init} or {@code data.drop} was parsed: the module then needs a data count. */
  boolean usesDataIndex() {
    return usesDataIndex;
  }

  /** Instructions up to a closing parenthesis, {@code end}, {@code else} or the end of the text. */
  void instructions(List<Instruction> out) {
    while (true) {
      Token t = in.peek();
      switch (t.kind()) {
        case RPAREN, EOF -> {
          return;
        }
        case LPAREN -> folded(out);
        case KEYWORD -> {
          if (t.text().equals("end") || t.text().equals("else")) {
            return;
          }
          plain(out);
        }
        default -> throw in.unexpected();
      }
    }
  }

  private void plain(List<Instruction> out) {
    Token t = in.next();
    OpCode op = opcode(t);
    switch (op) {
      case BLOCK, LOOP, IF -> {
        String label = in.optionalId();
        out.add(new Instruction(op, blockType()));
        labels.add(label);
        instructions(out);
        if (op == OpCode.IF && in.atKeyword("else")) {
          in.next();
          endLabel(label);
          List<Instruction> otherwise = new ArrayList<>();
          instructions(otherwise);
          // wabt leaves out an empty else branch; the meaning is the same and the bytes then match its output
          if (!otherwise.isEmpty()) {
            out.add(new Instruction(OpCode.ELSE, Immediate.None.INSTANCE));
            out.addAll(otherwise);
          }
        }
        in.expectKeyword("end");
        endLabel(label);
        labels.removeLast();
        out.add(new Instruction(OpCode.END, Immediate.None.INSTANCE));
      }
      default -> out.add(operator(op));
    }
  }

  /** The optional identifier after {@code end} or {@code else} must repeat the block's label. */
  private void endLabel(String label) {
    if (in.at(Token.Kind.ID)) {
      Token id = in.next();
      if (!id.text().equals(label)) {
        throw Tokens.error("mismatching label", id);
      }
    }
  }

  /** One folded instruction, e.g. an offset or element item written without {@code (offset ...)}. */
  void foldedOne(List<Instruction> out) {
    folded(out);
  }

  private void folded(List<Instruction> out) {
    in.lparen();
    Token t = in.peek();
    if (t.kind() != Token.Kind.KEYWORD) {
      throw in.unexpected();
    }
    in.next();
    OpCode op = opcode(t);
    switch (op) {
      case BLOCK, LOOP -> {
        String label = in.optionalId();
        out.add(new Instruction(op, blockType()));
        labels.add(label);
        instructions(out);
        labels.removeLast();
        out.add(new Instruction(OpCode.END, Immediate.None.INSTANCE));
      }
      case IF -> {
        String label = in.optionalId();
        Immediate type = blockType();
        while (in.at(Token.Kind.LPAREN) && !in.atField("then")) {
          folded(out);
        }
        out.add(new Instruction(op, type));
        labels.add(label);
        in.lparen();
        in.expectKeyword("then");
        instructions(out);
        in.rparen();
        if (in.openField("else")) {
          List<Instruction> otherwise = new ArrayList<>();
          instructions(otherwise);
          in.rparen();
          if (!otherwise.isEmpty()) {
            out.add(new Instruction(OpCode.ELSE, Immediate.None.INSTANCE));
            out.addAll(otherwise);
          }
        }
        labels.removeLast();
        out.add(new Instruction(OpCode.END, Immediate.None.INSTANCE));
      }
      default -> {
        Instruction instruction = operator(op);
        while (in.at(Token.Kind.LPAREN)) {
          folded(out);
        }
        out.add(instruction);
      }
    }
    in.rparen();
  }

  private OpCode opcode(Token t) {
    OpCode op = t.kind() == Token.Kind.KEYWORD ? BY_NAME.get(t.text()) : null;
    if (op == OpCode.ELSE || op == OpCode.END) {
      throw Tokens.error("unexpected token", t);
    }
    if (op == null || !features.contains(Feature.TAIL_CALL) && (op == OpCode.RETURN_CALL
        || op == OpCode.RETURN_CALL_INDIRECT)) {
      throw op == null ? Tokens.unexpected(t) : Tokens.error("unknown operator " + t.text(), t);
    }
    return op;
  }

  /** The immediates of a non-block instruction. */
  private Instruction operator(OpCode op) {
    Immediate imm = switch (op.immediate()) {
      case NONE -> {
        if (op == OpCode.SELECT && in.atField("result")) {
          List<ValType> types = new ArrayList<>();
          TypeSyntax.results(in, types);
          // wabt writes "select (result)" as the untyped select; the validator rejects both the same way
          yield types.isEmpty() ? Immediate.None.INSTANCE : selectTypes(types);
        }
        yield Immediate.None.INSTANCE;
      }
      case BLOCK_TYPE -> throw new AssertionError(op);
      case LABEL -> new Immediate.Index(label(in.next()));
      case BR_TABLE -> {
        List<Integer> targets = new ArrayList<>();
        while (IndexSpace.isIndex(in.peek())) {
          targets.add(label(in.next()));
        }
        if (targets.isEmpty()) {
          throw in.unexpected();
        }
        int[] vector = new int[targets.size() - 1];
        for (int i = 0; i < vector.length; i++) {
          vector[i] = targets.get(i);
        }
        yield new Immediate.BrTable(vector, targets.getLast());
      }
      case FUNC -> new Immediate.Index(index(d.funcs));
      case CALL_INDIRECT -> {
        int table = IndexSpace.isIndex(in.peek()) ? d.tables.resolve(in.next()) : 0;
        yield new Immediate.CallIndirect(TypeUse.parse(in, d, false).index(d), table);
      }
      case LOCAL -> new Immediate.Index(index(locals));
      case GLOBAL -> new Immediate.Index(index(d.globals));
      case TABLE -> new Immediate.Index(optionalIndex(d.tables));
      case MEMARG -> memArg(op, optionalIndex(d.memories));
      case MEMARG_LANE -> {
        // "v128.load8_lane 1" is lane 1 of memory 0; "v128.load8_lane 1 2" is lane 2 of memory 1
        Token next = in.peek(1);
        boolean memory = in.at(Token.Kind.ID) || in.at(Token.Kind.NUMBER)
            && (next.kind() == Token.Kind.NUMBER || next.text().startsWith("offset=")
                || next.text().startsWith("align="));
        Immediate.MemArg m = memArg(op, memory ? d.memories.resolve(in.next()) : 0);
        yield new Immediate.MemArgLane(m, lane());
      }
      case I32 -> new Immediate.I32((int) Literals.integer(in.next(), 32));
      case I64 -> new Immediate.I64(Literals.integer(in.next(), 64));
      case F32 -> new Immediate.F32(Literals.f32(in.next()));
      case F64 -> new Immediate.F64(Literals.f64(in.next()));
      case V128 -> V128Literal.parse(in);
      case LANE -> new Immediate.Lane(lane());
      case SHUFFLE -> {
        byte[] lanes = new byte[16];
        for (int i = 0; i < 16; i++) {
          if (!isLiteral(in.peek())) {
            throw Tokens.error("invalid lane length", in.peek());
          }
          Token t = in.peek();
          if (!Literals.isInteger(t) || t.text().startsWith("-") || t.text().startsWith("+")) {
            throw Tokens.error("malformed lane index", t);
          }
          lanes[i] = (byte) lane();
        }
        if (isLiteral(in.peek())) {
          throw Tokens.error("invalid lane length", in.peek());
        }
        yield new Immediate.Shuffle(lanes);
      }
      case SELECT_TYPES -> throw new AssertionError(op);
      case REF_TYPE -> new Immediate.RefType(TypeSyntax.heapType(in));
      case MEMORY -> new Immediate.Index(optionalIndex(d.memories));
      case DATA -> {
        usesDataIndex = true;
        yield new Immediate.Index(index(d.datas));
      }
      case ELEM -> new Immediate.Index(index(d.elems));
      case MEMORY_INIT -> {
        usesDataIndex = true;
        Token first = in.next();
        if (IndexSpace.isIndex(in.peek())) {
          int memory = d.memories.resolve(first);
          yield new Immediate.Pair(d.datas.resolve(in.next()), memory);
        }
        yield new Immediate.Pair(d.datas.resolve(first), 0);
      }
      case MEMORY_COPY -> {
        if (IndexSpace.isIndex(in.peek())) {
          int dst = d.memories.resolve(in.next());
          yield new Immediate.Pair(dst, index(d.memories));
        }
        yield new Immediate.Pair(0, 0);
      }
      case TABLE_INIT -> {
        Token first = in.next();
        if (IndexSpace.isIndex(in.peek())) {
          int table = d.tables.resolve(first);
          yield new Immediate.Pair(d.elems.resolve(in.next()), table);
        }
        yield new Immediate.Pair(d.elems.resolve(first), 0);
      }
      case TABLE_COPY -> {
        if (IndexSpace.isIndex(in.peek())) {
          int dst = d.tables.resolve(in.next());
          yield new Immediate.Pair(dst, index(d.tables));
        }
        yield new Immediate.Pair(0, 0);
      }
    };
    if (imm instanceof Immediate.SelectTypes) {
      return new Instruction(OpCode.SELECT_T, imm);
    }
    return new Instruction(op, imm);
  }

  /** A token that could be meant as a number: lane counts are checked before the lanes themselves. */
  static boolean isLiteral(Token t) {
    return t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.RESERVED || t.kind() == Token.Kind.KEYWORD
        && (t.text().startsWith("nan") || t.text().startsWith("inf") || t.text().startsWith("+")
            || t.text().startsWith("-"));
  }

  private static Immediate selectTypes(List<ValType> types) {
    return new Immediate.SelectTypes(types);
  }

  private int index(IndexSpace space) {
    if (!IndexSpace.isIndex(in.peek())) {
      throw in.unexpected();
    }
    return space.resolve(in.next());
  }

  private int optionalIndex(IndexSpace space) {
    return IndexSpace.isIndex(in.peek()) ? space.resolve(in.next()) : 0;
  }

  /** A label: a depth, or the name of an open block (the innermost one with that name). */
  private int label(Token t) {
    if (t.kind() == Token.Kind.ID) {
      int i = labels.lastIndexOf(t.text());
      if (i < 0) {
        throw Tokens.error("unknown label " + t.text(), t);
      }
      return labels.size() - 1 - i;
    }
    if (t.kind() != Token.Kind.NUMBER) {
      throw Tokens.error("unexpected token", t);
    }
    return IndexSpace.u32(t);
  }

  private int lane() {
    Token t = in.next();
    if (!Literals.isInteger(t) || t.text().startsWith("-") || t.text().startsWith("+")) {
      throw Tokens.unexpected(t);
    }
    long v = Literals.unsigned(t, 8);
    if (v < 0) {
      throw Tokens.error("malformed lane index", t);
    }
    return (int) v;
  }

  /** {@code offset=} and {@code align=}, in that order, each optional; the alignment is a power of two. */
  private Immediate.MemArg memArg(OpCode op, int memory) {
    long offset = 0;
    int align = op.naturalAlignment();
    if (in.at(Token.Kind.KEYWORD) && in.peek().text().startsWith("offset=")) {
      Token t = in.next();
      offset = Literals.unsigned(t.text().substring(7), 32);
      if (offset == -2) {
        throw Tokens.error("unknown operator", t);
      }
      if (offset < 0) {
        throw Tokens.error("i32 constant out of range", t);
      }
    }
    if (in.at(Token.Kind.KEYWORD) && in.peek().text().startsWith("align=")) {
      Token t = in.next();
      long value = Literals.unsigned(t.text().substring(6), 32);
      if (value == -2) {
        throw Tokens.error("unknown operator", t);
      }
      if (value <= 0 || Long.bitCount(value) != 1) {
        throw Tokens.error("alignment must be a power of two", t);
      }
      align = Long.numberOfTrailingZeros(value);
    }
    return new Immediate.MemArg(align, offset, memory);
  }

  /**
   * A block type: no type, one result, or a type use. The short forms are used whenever the type fits
   * them, even when written as {@code (type x)}, as wabt does.
   */
  private Immediate blockType() {
    TypeUse use = TypeUse.parse(in, d, false);
    FuncType type = use.explicit() == null ? use.inline() : use.explicitType(d);
    if (type == null) {
      return new Immediate.Block(new BlockType.TypeIndex(use.explicit()));
    }
    if (type.params().isEmpty() && type.results().isEmpty()) {
      return new Immediate.Block(new BlockType.Empty());
    }
    if (type.params().isEmpty() && type.results().size() == 1) {
      return new Immediate.Block(new BlockType.Value(type.results().getFirst()));
    }
    return new Immediate.Block(new BlockType.TypeIndex(use.index(d)));
  }
}
