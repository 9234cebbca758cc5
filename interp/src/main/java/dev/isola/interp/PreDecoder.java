package dev.isola.interp;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a validated function body into the interpreter's {@code int[]} code, once per module.
 *
 * <p>It replays the validator's operand-type stack (the module is valid, so nothing is checked) to know, at
 * every instruction, the exact stack height in slots. That makes every branch static: its target pc, how many
 * slots it carries and how far down it moves them are operands, so {@code br} never searches for a label or
 * inspects the stack. Loads, stores, locals, globals and {@code select} are specialised by operand type
 * (numbers, references with their parallel object slot, v128 as two slots). Code after an unconditional
 * transfer of control up to the end of its block is dead and not emitted.
 *
 * <p>Fuel: each emitted instruction counts towards the weight of its innermost enclosing loop (charged at that
 * loop's header on every iteration) or, outside loops, towards the function's entry weight.
 */
final class PreDecoder {
  private static final int BLOCK = 0;
  private static final int LOOP = 1;
  private static final int IF = 2;
  private static final int FUNC = 3;

  /** An open block, loop, if or the function body itself. */
  private static final class Ctl {
    int kind;
    int height;
    int typeDepth;
    List<ValType> params;
    List<ValType> results;
    int paramSlots;
    int resultSlots;
    int loopPc = -1;
    int weightPos = -1;
    int weight;
    int jumpFixup = -1;
    boolean unreachable;
    Ctl enclosingLoop;
    int[] fixups = new int[4];
    int fixupCount;

    int labelSlots() {
      return kind == LOOP ? paramSlots : resultSlots;
    }

    void addFixup(int pos) {
      if (fixupCount == fixups.length) {
        fixups = Arrays.copyOf(fixups, fixupCount * 2);
      }
      fixups[fixupCount++] = pos;
    }
  }

  private final WasmModule module;
  private final List<FuncType> functionTypes;
  private final List<GlobalType> globals;
  private final List<TableType> tables;

  private int[] code;
  private int pc;
  private int[] pcs;
  private int[] offsets;
  private int instructionCount;
  private final ArrayList<ValType> types = new ArrayList<>();
  private int height;
  private int maxHeight;
  private final ArrayList<Ctl> ctls = new ArrayList<>();
  private ValType[] localTypes;
  private int[] localSlot;
  private int entryWeight;
  /** The last instruction emitted, while the next may still fuse with it (SuperInstructions); else -1. */
  private int lastOp = -1;
  private int lastStart;
  /** The instruction emitted just before {@link #lastOp}, with nothing between (no label); else -1. */
  private int prevOp = -1;
  private int prevStart;

  PreDecoder(WasmModule module) {
    this.module = module;
    this.functionTypes = module.functionSpaceTypes();
    this.globals = module.globalSpace();
    this.tables = module.tableSpace();
  }

  CompiledFunction lower(int functionIndex, int typeId) {
    FuncType type = functionTypes.get(functionIndex);
    FunctionBody body = module.code().get(functionIndex - module.importedFunctionCount());
    code = new int[64 + body.instructions().size() * 3];
    pc = 0;
    pcs = new int[body.instructions().size() + 1];
    offsets = new int[pcs.length];
    instructionCount = 0;
    types.clear();
    ctls.clear();
    entryWeight = 1;
    lastOp = -1;
    prevOp = -1;

    int localCount = type.params().size() + body.locals().size();
    localTypes = new ValType[localCount];
    localSlot = new int[localCount];
    int slot = 0;
    for (int i = 0; i < localCount; i++) {
      ValType t = i < type.params().size() ? type.params().get(i) : body.locals().get(i - type.params().size());
      localTypes[i] = t;
      localSlot[i] = slot;
      slot += CompiledFunction.slots(t);
    }
    int paramSlots = CompiledFunction.slots(type.params());
    int localSlots = slot;
    height = localSlots;
    maxHeight = localSlots;

    Ctl func = new Ctl();
    func.kind = FUNC;
    func.height = localSlots;
    func.params = List.of();
    func.results = type.results();
    func.resultSlots = CompiledFunction.slots(type.results());
    ctls.add(func);

    int skip = 0;
    for (Instruction in : body.instructions()) {
      Ctl top = ctls.getLast();
      if (top.unreachable) {
        switch (in.opcode()) {
          case BLOCK, LOOP, IF -> {
            skip++;
            continue;
          }
          case END -> {
            if (skip > 0) {
              skip--;
              continue;
            }
          }
          case ELSE -> {
            if (skip > 0) {
              continue;
            }
          }
          default -> {
            continue;
          }
        }
      }
      Ctl loop = top.kind == LOOP ? top : top.enclosingLoop;
      if (loop != null) {
        loop.weight++;
      } else {
        entryWeight++;
      }
      lower(in, top);
      if (ctls.isEmpty()) {
        break;
      }
    }
    code = Arrays.copyOf(code, pc + 2);
    return new CompiledFunction(functionIndex, type, typeId, paramSlots, localSlots,
        func.resultSlots, maxHeight + 2, code,
        Arrays.copyOf(pcs, instructionCount), Arrays.copyOf(offsets, instructionCount), entryWeight);
  }

  private void lower(Instruction in, Ctl top) {
    OpCode op = in.opcode();
    Immediate imm = in.immediate();
    switch (op) {
      case NOP -> {}
      case UNREACHABLE -> {
        start(Op.UNREACHABLE, in);
        setUnreachable(top);
      }
      case BLOCK -> pushCtl(BLOCK, ((Immediate.Block) imm).type());
      case LOOP -> {
        Ctl c = pushCtl(LOOP, ((Immediate.Block) imm).type());
        label();
        c.loopPc = pc;
        start(Op.LOOP_POLL, in);
        c.weightPos = pc;
        emit(1);
      }
      case IF -> {
        pop();
        start(Op.JUMP_IF_ZERO, in);
        int fix = pc;
        emit(-1);
        Ctl c = pushCtl(IF, ((Immediate.Block) imm).type());
        c.jumpFixup = fix;
      }
      case ELSE -> {
        if (!top.unreachable) {
          start(Op.BR, in);
          top.addFixup(pc);
          emit(-1);
        }
        code[top.jumpFixup] = pc;
        top.jumpFixup = -1;
        label();
        resetTo(top);
        for (ValType t : top.params) {
          push(t);
        }
        top.unreachable = false;
      }
      case END -> end(top, in);
      case BR -> {
        branch(label(((Immediate.Index) imm).index()), in, Op.BR, Op.BR_MOVE);
        setUnreachable(top);
      }
      case BR_IF -> {
        pop();
        branch(label(((Immediate.Index) imm).index()), in, Op.BR_IF, Op.BR_IF_MOVE);
      }
      case BR_TABLE -> {
        pop();
        Immediate.BrTable t = (Immediate.BrTable) imm;
        start(Op.BR_TABLE, in);
        emit(t.labels().length);
        for (int l : t.labels()) {
          tableEntry(label(l));
        }
        tableEntry(label(t.defaultLabel()));
        setUnreachable(top);
      }
      case RETURN -> {
        start(Op.RETURN, in);
        setUnreachable(top);
      }
      case CALL, RETURN_CALL -> {
        int f = ((Immediate.Index) imm).index();
        start(op == OpCode.CALL ? Op.CALL : Op.RETURN_CALL, in);
        emit(f);
        call(functionTypes.get(f));
        if (op == OpCode.RETURN_CALL) {
          // Reached only when the callee runs outside the loop (a host function): return its results.
          start(Op.RETURN, in);
          setUnreachable(top);
        }
      }
      case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
        Immediate.CallIndirect ci = (Immediate.CallIndirect) imm;
        pop();
        start(op == OpCode.CALL_INDIRECT ? Op.CALL_INDIRECT : Op.RETURN_CALL_INDIRECT, in);
        emit(ci.typeIndex());
        emit(ci.tableIndex());
        call(module.types().get(ci.typeIndex()));
        if (op == OpCode.RETURN_CALL_INDIRECT) {
          start(Op.RETURN, in);
          setUnreachable(top);
        }
      }
      case DROP -> {
        ValType t = pop();
        start(Op.DROP, in);
        emit(CompiledFunction.slots(t));
      }
      case SELECT, SELECT_T -> {
        pop();
        ValType t = pop();
        pop();
        push(t);
        start(t.isReference() ? Op.SELECT_REF : t == ValType.V128 ? Op.SELECT_V128 : Op.SELECT, in);
      }
      case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
        int i = ((Immediate.Index) imm).index();
        ValType t = localTypes[i];
        int kind = t.isReference() ? 1 : t == ValType.V128 ? 2 : 0;
        int base = switch (op) {
          case LOCAL_GET -> new int[] {Op.LOCAL_GET, Op.LOCAL_GET_REF, Op.LOCAL_GET_V128}[kind];
          case LOCAL_SET -> new int[] {Op.LOCAL_SET, Op.LOCAL_SET_REF, Op.LOCAL_SET_V128}[kind];
          default -> new int[] {Op.LOCAL_TEE, Op.LOCAL_TEE_REF, Op.LOCAL_TEE_V128}[kind];
        };
        start(base, in);
        emit(localSlot[i]);
        if (op == OpCode.LOCAL_GET) {
          push(t);
        } else if (op == OpCode.LOCAL_SET) {
          pop();
        }
      }
      case GLOBAL_GET, GLOBAL_SET -> {
        int i = ((Immediate.Index) imm).index();
        ValType t = globals.get(i).type();
        int kind = t.isReference() ? 1 : t == ValType.V128 ? 2 : 0;
        int base = op == OpCode.GLOBAL_GET
            ? new int[] {Op.GLOBAL_GET, Op.GLOBAL_GET_REF, Op.GLOBAL_GET_V128}[kind]
            : new int[] {Op.GLOBAL_SET, Op.GLOBAL_SET_REF, Op.GLOBAL_SET_V128}[kind];
        start(base, in);
        emit(i);
        if (op == OpCode.GLOBAL_GET) {
          push(t);
        } else {
          pop();
        }
      }
      case V128_CONST -> {
        Immediate.V128 v = (Immediate.V128) imm;
        start(Op.V128_CONST, in);
        emitLong(v.low());
        emitLong(v.high());
        push(ValType.V128);
      }
      case V128_LOAD, V128_STORE -> {
        if (((Immediate.MemArg) imm).memory() == 0) {
          memoryAccess(in, op == OpCode.V128_LOAD ? Op.V128_LOAD : Op.V128_STORE);
        } else {
          simd(in);
        }
        signature(op);
      }
      default -> {
        if (op.prefix() == 0xFD) {
          simd(in);
          signature(op);
        } else {
          direct(in);
        }
      }
    }
  }

  /**
   * Emits {@link Op#SIMD}, the {@link OpCode} ordinal and four immediate slots ({@link SimdOps#exec}): memory
   * offset and lane, or a lane index, or the shuffle's sixteen bytes packed little-endian.
   */
  private void simd(Instruction in) {
    int[] imms = new int[4];
    switch (in.immediate()) {
      case Immediate.MemArg m -> {
        if (m.offset() > Integer.MAX_VALUE) {
          start(Op.MEMORY_ALWAYS_OUT_OF_BOUNDS, in);
          emit(0);
          return;
        }
        imms[0] = (int) m.offset();
        imms[2] = m.memory();
      }
      case Immediate.MemArgLane l -> {
        if (l.memArg().offset() > Integer.MAX_VALUE) {
          start(Op.MEMORY_ALWAYS_OUT_OF_BOUNDS, in);
          emit(0);
          return;
        }
        imms[0] = (int) l.memArg().offset();
        imms[1] = l.lane();
        imms[2] = l.memArg().memory();
      }
      case Immediate.Lane l -> imms[0] = l.lane();
      case Immediate.Shuffle sh -> {
        byte[] lanes = sh.lanes();
        for (int i = 0; i < 16; i++) {
          imms[i >> 2] |= (lanes[i] & 0xFF) << ((i & 3) << 3);
        }
      }
      default -> {}
    }
    start(Op.SIMD, in);
    emit(in.opcode().ordinal());
    for (int v : imms) {
      emit(v);
    }
  }

  private void direct(Instruction in) {
    OpCode op = in.opcode();
    Immediate imm = in.immediate();
    int number = Op.direct(op);
    if (number < 0) {
      throw new IllegalStateException("no interpreter form for " + op.textName());
    }
    switch (op.immediate()) {
      case MEMARG -> memoryAccess(in, number);
      case NONE, REF_TYPE -> start(number, in);
      case I32 -> {
        start(number, in);
        emit(((Immediate.I32) imm).value());
      }
      case F32 -> {
        start(number, in);
        emit(((Immediate.F32) imm).bits());
      }
      case I64 -> {
        start(number, in);
        emitLong(((Immediate.I64) imm).value());
      }
      case F64 -> {
        start(number, in);
        emitLong(((Immediate.F64) imm).bits());
      }
      case MEMORY -> {
        int memory = ((Immediate.Index) imm).index();
        if (memory == 0) {
          start(number, in);
          emit(0);
        } else {
          otherMemory(in, memory, 0);
        }
      }
      case TABLE, FUNC, DATA, ELEM -> {
        start(number, in);
        emit(((Immediate.Index) imm).index());
      }
      case MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY -> {
        Immediate.Pair p = (Immediate.Pair) imm;
        if (op == OpCode.MEMORY_INIT && p.second() != 0) {
          otherMemory(in, p.second(), p.first());
        } else if (op == OpCode.MEMORY_COPY && (p.first() != 0 || p.second() != 0)) {
          otherMemory(in, p.first(), p.second());
        } else {
          start(number, in);
          emit(p.first());
          emit(p.second());
        }
      }
      default -> throw new IllegalStateException("unexpected immediate of " + op.textName());
    }
    if (op.signature() != null) {
      signature(op);
      return;
    }
    switch (op) {
      case REF_NULL -> push(((Immediate.RefType) imm).type());
      case REF_IS_NULL -> {
        pop();
        push(ValType.I32);
      }
      case REF_FUNC -> push(ValType.FUNCREF);
      case TABLE_GET -> {
        pop();
        push(tables.get(((Immediate.Index) imm).index()).elementType());
      }
      case TABLE_SET -> {
        pop();
        pop();
      }
      case TABLE_GROW -> {
        pop();
        pop();
        push(ValType.I32);
      }
      case TABLE_FILL -> {
        pop();
        pop();
        pop();
      }
      default -> throw new IllegalStateException("untyped " + op.textName());
    }
  }

  /** Emits a load or store; an offset of 2^31 or more can never be in bounds (memories stay below 2 GiB). */
  private void memoryAccess(Instruction in, int number) {
    // Lane accesses (MemArgLane) go through simd(); only plain memargs arrive here.
    Immediate.MemArg m = (Immediate.MemArg) in.immediate();
    if (m.offset() > Integer.MAX_VALUE) {
      start(Op.MEMORY_ALWAYS_OUT_OF_BOUNDS, in);
      emit(0);
    } else if (m.memory() != 0) {
      otherMemory(in, m.memory(), (int) m.offset());
    } else {
      start(number, in);
      emit((int) m.offset());
    }
  }

  /**
   * Emits a memory instruction on a memory other than 0 as {@link Op#MEMORY_OTHER} (run by {@link
   * MultiMemoryOps}): memory 0's op numbers and their fusions stay exactly as they were.
   */
  private void otherMemory(Instruction in, int memory, int operand) {
    start(Op.MEMORY_OTHER, in);
    emit(in.opcode().ordinal());
    emit(memory);
    emit(operand);
  }

  private void signature(OpCode op) {
    List<ValType> params = op.signature().params();
    for (int i = params.size() - 1; i >= 0; i--) {
      pop();
    }
    for (ValType t : op.signature().results()) {
      push(t);
    }
  }

  private void call(FuncType type) {
    for (int i = type.params().size() - 1; i >= 0; i--) {
      pop();
    }
    for (ValType t : type.results()) {
      push(t);
    }
  }

  private void end(Ctl top, Instruction in) {
    label();
    if (top.kind == FUNC) {
      patch(top);
      start(Op.RETURN, in);
      ctls.removeLast();
      return;
    }
    if (top.jumpFixup >= 0) {
      code[top.jumpFixup] = pc;
    }
    patch(top);
    if (top.kind == LOOP) {
      code[top.weightPos] = Math.max(1, top.weight);
    }
    ctls.removeLast();
    resetTo(top);
    for (ValType t : top.results) {
      push(t);
    }
  }

  private void patch(Ctl c) {
    for (int i = 0; i < c.fixupCount; i++) {
      code[c.fixups[i]] = pc;
    }
  }

  private Ctl label(int depth) {
    return ctls.get(ctls.size() - 1 - depth);
  }

  private void branch(Ctl target, Instruction in, int plain, int moving) {
    int count = target.labelSlots();
    int drop = height - count - target.height;
    if (target.kind == FUNC && plain == Op.BR) {
      start(Op.RETURN, in);
      return;
    }
    start(drop == 0 ? plain : moving, in);
    emitTarget(target);
    if (drop != 0) {
      emit(count);
      emit(drop);
    }
  }

  private void tableEntry(Ctl target) {
    int count = target.labelSlots();
    emitTarget(target);
    emit(count);
    emit(height - count - target.height);
  }

  private void emitTarget(Ctl target) {
    if (target.kind == LOOP) {
      emit(target.loopPc);
    } else {
      target.addFixup(pc);
      emit(-1);
    }
  }

  private Ctl pushCtl(int kind, BlockType bt) {
    Ctl c = new Ctl();
    c.kind = kind;
    switch (bt) {
      case BlockType.Empty e -> {
        c.params = List.of();
        c.results = List.of();
      }
      case BlockType.Value v -> {
        c.params = List.of();
        c.results = List.of(v.type());
      }
      case BlockType.TypeIndex ti -> {
        FuncType ft = module.types().get(ti.typeIndex());
        c.params = ft.params();
        c.results = ft.results();
      }
    }
    c.paramSlots = CompiledFunction.slots(c.params);
    c.resultSlots = CompiledFunction.slots(c.results);
    c.height = height - c.paramSlots;
    c.typeDepth = types.size() - c.params.size();
    Ctl top = ctls.getLast();
    c.enclosingLoop = top.kind == LOOP ? top : top.enclosingLoop;
    ctls.add(c);
    return c;
  }

  private void setUnreachable(Ctl top) {
    top.unreachable = true;
    resetTo(top);
  }

  private void resetTo(Ctl c) {
    while (types.size() > c.typeDepth) {
      types.removeLast();
    }
    height = c.height;
  }

  private void push(ValType t) {
    types.add(t);
    height += CompiledFunction.slots(t);
    if (height > maxHeight) {
      maxHeight = height;
    }
  }

  private ValType pop() {
    ValType t = types.removeLast();
    height -= CompiledFunction.slots(t);
    return t;
  }

  /**
   * Starts an instruction: records where it is for stack traces, then emits its number; or, if it extends the
   * previous instruction into a super-instruction ({@link SuperInstructions#fuse}), turns that one into the
   * fused form, whose operands are then the previous operands followed by this instruction's. The fused
   * instruction reports the byte offset of its last part, the only one that can trap.
   */
  private void start(int number, Instruction in) {
    int fused = lastOp < 0 ? -1 : SuperInstructions.fuse(lastOp, number);
    if (fused >= 0) {
      code[lastStart] = fused;
      offsets[instructionCount - 1] = in.offset();
      lastOp = fused;
      int joined = prevOp < 0 ? -1 : SuperInstructions.fuse(prevOp, fused);
      if (joined >= 0) {
        // The fused instruction joins the one before it: drop its number, its operands move down one slot.
        // Only operands already emitted move, and no fusion rule has a branch as its first part, so none of
        // them is a branch target awaiting a fixup.
        System.arraycopy(code, lastStart + 1, code, lastStart, pc - lastStart - 1);
        pc--;
        code[prevStart] = joined;
        instructionCount--;
        offsets[instructionCount - 1] = in.offset();
        lastOp = joined;
        lastStart = prevStart;
        prevOp = -1;
      }
      return;
    }
    prevOp = lastOp;
    prevStart = lastStart;
    lastStart = pc;
    lastOp = number;
    if (instructionCount == pcs.length) {
      pcs = Arrays.copyOf(pcs, instructionCount * 2);
      offsets = Arrays.copyOf(offsets, instructionCount * 2);
    }
    pcs[instructionCount] = pc;
    offsets[instructionCount++] = in.offset();
    emit(number);
  }

  /** A branch may land at the current pc: nothing emitted before it may fuse with what follows. */
  private void label() {
    lastOp = -1;
    prevOp = -1;
  }

  private void emit(int v) {
    if (pc == code.length) {
      code = Arrays.copyOf(code, pc * 2);
    }
    code[pc++] = v;
  }

  private void emitLong(long v) {
    emit((int) v);
    emit((int) (v >>> 32));
  }
}
