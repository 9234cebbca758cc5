package dev.isola.wasm.binary;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.Feature;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Decodes instruction sequences (function bodies and constant expressions) into flat lists, driven by
 * {@link OpCode#immediate()}: the opcode table says what follows each opcode, this class only knows how each
 * kind of immediate is encoded.
 *
 * <p>Structure is checked as the binary grammar demands and no more: every {@code block}, {@code loop} and
 * {@code if} needs its {@code end}, and {@code else} may only appear once, directly inside an {@code if}
 * (anything else is "END opcode expected", where the reference interpreter's recursive descent would stop).
 * Typing is the validator's job.
 */
final class InstructionDecoder {
  private static final int OPEN_BLOCK = 0;
  private static final int OPEN_IF = 1;
  private static final int OPEN_ELSE = 2;

  /** Small index immediates are shared: most indices in real code are below a few hundred. */
  private static final Immediate.Index[] SMALL_INDEX = new Immediate.Index[1024];
  private static final Immediate.Block EMPTY_BLOCK = new Immediate.Block(new BlockType.Empty());
  private static final Immediate.Block[] VALUE_BLOCK = new Immediate.Block[ValType.values().length];

  static {
    for (int i = 0; i < SMALL_INDEX.length; i++) {
      SMALL_INDEX[i] = new Immediate.Index(i);
    }
    for (ValType t : ValType.values()) {
      VALUE_BLOCK[t.ordinal()] = new Immediate.Block(new BlockType.Value(t));
    }
  }

  private final ByteReader r;
  private final boolean multiMemory;
  private final boolean tailCall;
  /** Open blocks, innermost last: {@link #OPEN_BLOCK}, {@link #OPEN_IF} or {@link #OPEN_ELSE}. */
  private int[] open = new int[16];
  /** Whether a {@code memory.init} or {@code data.drop} was decoded: they need the data count section. */
  private boolean usesDataIndex;

  InstructionDecoder(ByteReader r, Set<Feature> features) {
    this.r = r;
    this.multiMemory = features.contains(Feature.MULTI_MEMORY);
    this.tailCall = features.contains(Feature.TAIL_CALL);
  }

  boolean usesDataIndex() {
    return usesDataIndex;
  }

  /** A function body's instructions up to and including its final {@code end}. */
  List<Instruction> body() {
    List<Instruction> out = new ArrayList<>();
    sequence(out);
    return out;
  }

  /** A constant expression up to its {@code end}, which is consumed but not kept. */
  ConstExpr constExpr() {
    boolean before = usesDataIndex;
    List<Instruction> out = new ArrayList<>(2);
    sequence(out);
    usesDataIndex = before; // only function bodies need the data count section
    out.removeLast();
    return new ConstExpr(out);
  }

  private void sequence(List<Instruction> out) {
    int depth = 0;
    while (true) {
      int offset = r.pos();
      OpCode op = opcode(offset);
      switch (op) {
        case BLOCK, LOOP, IF -> push(depth++, op == OpCode.IF ? OPEN_IF : OPEN_BLOCK);
        case ELSE -> {
          if (depth == 0 || open[depth - 1] != OPEN_IF) {
            throw r.error("END opcode expected", offset);
          }
          open[depth - 1] = OPEN_ELSE;
        }
        case END -> {
          if (depth == 0) {
            out.add(new Instruction(op, Immediate.None.INSTANCE, offset));
            return;
          }
          depth--;
        }
        default -> {}
      }
      out.add(new Instruction(op, immediate(op), offset));
    }
  }

  private void push(int depth, int kind) {
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth] = kind;
  }

  private OpCode opcode(int offset) {
    int b = r.u8();
    OpCode op;
    if (b == 0xFC || b == 0xFD) {
      long sub = r.u32();
      op = OpCode.forPrefixed(b, sub);
      if (op == null) {
        throw r.error(String.format("illegal opcode %02x %02x", b, sub), offset);
      }
      return op;
    }
    op = OpCode.forByte(b);
    if (op == null || !tailCall && (op == OpCode.RETURN_CALL || op == OpCode.RETURN_CALL_INDIRECT)) {
      throw r.error(String.format("illegal opcode %02x", b), offset);
    }
    return op;
  }

  private Immediate immediate(OpCode op) {
    return switch (op.immediate()) {
      case NONE -> Immediate.None.INSTANCE;
      case BLOCK_TYPE -> blockType();
      case LABEL, FUNC, LOCAL, GLOBAL, TABLE, ELEM -> index(r.index());
      case DATA -> {
        usesDataIndex = true;
        yield index(r.index());
      }
      case BR_TABLE -> {
        int n = r.len();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
          labels[i] = r.index();
        }
        yield new Immediate.BrTable(labels, r.index());
      }
      case CALL_INDIRECT -> {
        int type = r.index();
        yield new Immediate.CallIndirect(type, r.index());
      }
      case MEMARG -> memArg();
      case MEMARG_LANE -> {
        Immediate.MemArg m = memArg();
        yield new Immediate.MemArgLane(m, r.u8());
      }
      case I32 -> new Immediate.I32(r.s32());
      case I64 -> new Immediate.I64(r.s64());
      case F32 -> new Immediate.F32(r.u32Fixed());
      case F64 -> new Immediate.F64(r.u64Fixed());
      case V128 -> {
        long low = r.u64Fixed();
        yield new Immediate.V128(low, r.u64Fixed());
      }
      case LANE -> new Immediate.Lane(r.u8());
      case SHUFFLE -> {
        byte[] lanes = new byte[16];
        for (int i = 0; i < 16; i++) {
          lanes[i] = (byte) r.u8();
        }
        yield new Immediate.Shuffle(lanes);
      }
      case SELECT_TYPES -> new Immediate.SelectTypes(TypeReader.resultType(r));
      case REF_TYPE -> new Immediate.RefType(TypeReader.refType(r));
      case MEMORY -> index(memoryIndex());
      case MEMORY_INIT -> {
        usesDataIndex = true;
        int data = r.index();
        yield new Immediate.Pair(data, memoryIndex());
      }
      case MEMORY_COPY -> {
        int dst = memoryIndex();
        yield new Immediate.Pair(dst, memoryIndex());
      }
      case TABLE_INIT -> {
        int elem = r.index();
        yield new Immediate.Pair(elem, r.index());
      }
      case TABLE_COPY -> {
        int dst = r.index();
        yield new Immediate.Pair(dst, r.index());
      }
    };
  }

  private static Immediate.Index index(int i) {
    return i < SMALL_INDEX.length ? SMALL_INDEX[i] : new Immediate.Index(i);
  }

  /** Before multi-memory the memory index of memory instructions is a reserved single zero byte. */
  private int memoryIndex() {
    if (multiMemory) {
      return r.index();
    }
    r.expect(0x00, "zero byte expected");
    return 0;
  }

  /**
   * The alignment field is a u32 exponent. Multi-memory uses its bit 6 to say that a memory index follows
   * the field (bit 7 and up stay malformed); without it, exponents of 32 and more are malformed.
   */
  private Immediate.MemArg memArg() {
    int at = r.pos();
    long flags = r.u32();
    int memory = 0;
    if (multiMemory) {
      if (flags >= 0x80) {
        throw r.error("malformed memop flags", at);
      }
      if ((flags & 0x40) != 0) {
        memory = r.index();
      }
      flags &= 0x3F;
    } else if (flags >= 32) {
      throw r.error("malformed memop flags", at);
    }
    return new Immediate.MemArg((int) flags, r.u32(), memory);
  }

  /**
   * {@code 0x40} is the empty type; another byte with the top two bits {@code 01} is a one-byte value type;
   * anything else is a type index as an s33. Negative or huge indices are kept as {@link Integer#MAX_VALUE} so
   * that the validator reports an unknown type.
   */
  private Immediate blockType() {
    int b = r.peek();
    if (b == 0x40) {
      r.u8();
      return EMPTY_BLOCK;
    }
    if (b >= 0 && (b & 0xC0) == 0x40) {
      return VALUE_BLOCK[TypeReader.valType(r).ordinal()];
    }
    long index = r.sleb(33);
    int typeIndex = index < 0 || index > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) index;
    return new Immediate.Block(new BlockType.TypeIndex(typeIndex));
  }
}
