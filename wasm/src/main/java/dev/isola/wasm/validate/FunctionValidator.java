package dev.isola.wasm.validate;

import static dev.isola.wasm.validate.OperandTypes.FUNCREF;
import static dev.isola.wasm.validate.OperandTypes.I32;
import static dev.isola.wasm.validate.OperandTypes.NONE;
import static dev.isola.wasm.validate.OperandTypes.UNKNOWN;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * Function bodies, by the spec's validation algorithm (appendix "Validation Algorithm"): an operand stack of
 * value types that may be Unknown, and a stack of control frames, each with the operand height at entry and an
 * {@code unreachable} flag that makes the stack below it polymorphic.
 *
 * <p>One instance validates every body of a module, one pass per body. Both stacks are parallel primitive arrays
 * that only grow (amortised), and block types resolve to {@code int[]}s built once per module, so checking an
 * instruction allocates nothing. This class is long because it is the one switch over every instruction whose
 * typing depends on context; fixed-signature instructions come from {@link OpCode#signature()}.
 */
final class FunctionValidator {
  private static final int[][] SIG_PARAMS = new int[OpCode.values().length][];
  private static final int[][] SIG_RESULTS = new int[OpCode.values().length][];

  static {
    for (OpCode op : OpCode.values()) {
      if (op.signature() != null) {
        SIG_PARAMS[op.ordinal()] = OperandTypes.of(op.signature().params());
        SIG_RESULTS[op.ordinal()] = OperandTypes.of(op.signature().results());
      }
    }
  }

  private final ModuleContext ctx;
  private final boolean tailCall;

  private int[] vals = new int[64];
  private int vsp;

  private OpCode[] ctrlKind = new OpCode[16];
  private int[][] ctrlParams = new int[16][];
  private int[][] ctrlResults = new int[16][];
  private int[] ctrlHeight = new int[16];
  private boolean[] ctrlUnreachable = new boolean[16];
  private int csp;

  private int[] locals = new int[16];
  private int localCount;
  private int[] funcResults;

  /** For messages: the function being validated and the offset of the current instruction. */
  private int funcIndex;
  private long offset;

  /** The current block type as {params, results}; reused so that resolving a block type allocates nothing. */
  private final int[][] blockTypeScratch = new int[2][];

  FunctionValidator(ModuleContext ctx) {
    this.ctx = ctx;
    this.tailCall = ctx.has(Feature.TAIL_CALL);
  }

  void validate(int funcIndex, FunctionBody body) {
    this.funcIndex = funcIndex;
    offset = body.offset();
    int type = ctx.funcTypes[funcIndex];
    int[] params = ctx.typeParams[type];
    funcResults = ctx.typeResults[type];
    List<ValType> declared = body.locals();
    localCount = params.length + declared.size();
    if (locals.length < localCount) {
      locals = new int[localCount];
    }
    System.arraycopy(params, 0, locals, 0, params.length);
    for (int i = 0; i < declared.size(); i++) {
      locals[params.length + i] = OperandTypes.of(declared.get(i));
    }
    vsp = 0;
    csp = 0;
    pushCtrl(OpCode.BLOCK, NONE, funcResults);
    List<Instruction> code = body.instructions();
    for (int i = 0, n = code.size(); i < n; i++) {
      Instruction insn = code.get(i);
      if (csp == 0) {
        offset = insn.offset();
        throw error("operators remaining after end of function");
      }
      offset = insn.offset();
      instruction(insn);
    }
    if (csp != 0) {
      throw error("unexpected end of section or function");
    }
  }

  private void instruction(Instruction insn) {
    OpCode op = insn.opcode();
    Immediate imm = insn.immediate();
    switch (op) {
      case UNREACHABLE -> unreachable();
      case NOP -> {}
      case BLOCK, LOOP -> {
        int[][] bt = blockType(imm);
        popVals(bt[0]);
        pushCtrl(op, bt[0], bt[1]);
      }
      case IF -> {
        int[][] bt = blockType(imm);
        popVal(I32);
        popVals(bt[0]);
        pushCtrl(op, bt[0], bt[1]);
      }
      case ELSE -> {
        if (csp == 0 || ctrlKind[csp - 1] != OpCode.IF) {
          throw error("else without if");
        }
        int[] params = ctrlParams[csp - 1];
        int[] results = popCtrl();
        pushCtrl(OpCode.ELSE, params, results);
      }
      case END -> {
        OpCode kind = ctrlKind[csp - 1];
        int[] params = ctrlParams[csp - 1];
        int[] results = popCtrl();
        // An if without else acts as if its else passed the parameters through unchanged.
        if (kind == OpCode.IF && !Arrays.equals(params, results)) {
          throw error("type mismatch");
        }
        pushVals(results);
      }
      case BR -> {
        int label = label(imm);
        popVals(labelTypes(label));
        unreachable();
      }
      case BR_IF -> {
        int label = label(imm);
        popVal(I32);
        int[] types = labelTypes(label);
        popVals(types);
        pushVals(types);
      }
      case BR_TABLE -> brTable((Immediate.BrTable) imm);
      case RETURN -> {
        popVals(funcResults);
        unreachable();
      }
      case CALL -> {
        int type = ctx.funcTypes[func(imm)];
        popVals(ctx.typeParams[type]);
        pushVals(ctx.typeResults[type]);
      }
      case CALL_INDIRECT -> {
        int type = callIndirectType((Immediate.CallIndirect) imm);
        popVal(I32);
        popVals(ctx.typeParams[type]);
        pushVals(ctx.typeResults[type]);
      }
      case RETURN_CALL -> {
        requireTailCall();
        int type = ctx.funcTypes[func(imm)];
        requireReturnMatches(type);
        popVals(ctx.typeParams[type]);
        unreachable();
      }
      case RETURN_CALL_INDIRECT -> {
        requireTailCall();
        int type = callIndirectType((Immediate.CallIndirect) imm);
        requireReturnMatches(type);
        popVal(I32);
        popVals(ctx.typeParams[type]);
        unreachable();
      }
      case DROP -> popVal();
      case SELECT -> {
        popVal(I32);
        int t1 = popVal();
        int t2 = popVal();
        if (!((OperandTypes.isNum(t1) && OperandTypes.isNum(t2))
            || (OperandTypes.isVec(t1) && OperandTypes.isVec(t2)))) {
          throw error("type mismatch");
        }
        if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
          throw error("type mismatch");
        }
        pushVal(t1 == UNKNOWN ? t2 : t1);
      }
      case SELECT_T -> {
        List<ValType> types = ((Immediate.SelectTypes) imm).types();
        if (types.size() != 1) {
          throw error("invalid result arity");
        }
        int t = OperandTypes.of(types.get(0));
        popVal(I32);
        popVal(t);
        popVal(t);
        pushVal(t);
      }
      case LOCAL_GET -> pushVal(local(imm));
      case LOCAL_SET -> popVal(local(imm));
      case LOCAL_TEE -> {
        int t = local(imm);
        popVal(t);
        pushVal(t);
      }
      case GLOBAL_GET -> pushVal(OperandTypes.of(global(imm).type()));
      case GLOBAL_SET -> {
        GlobalType g = global(imm);
        if (!g.mutable()) {
          throw error("global is immutable");
        }
        popVal(OperandTypes.of(g.type()));
      }
      case TABLE_GET -> {
        int t = table(index(imm));
        popVal(I32);
        pushVal(t);
      }
      case TABLE_SET -> {
        int t = table(index(imm));
        popVal(t);
        popVal(I32);
      }
      case TABLE_GROW -> {
        int t = table(index(imm));
        popVal(I32);
        popVal(t);
        pushVal(I32);
      }
      case TABLE_FILL -> {
        int t = table(index(imm));
        popVal(I32);
        popVal(t);
        popVal(I32);
      }
      case REF_NULL -> pushVal(OperandTypes.of(((Immediate.RefType) imm).type()));
      case REF_IS_NULL -> {
        int t = popVal();
        if (!OperandTypes.isRef(t)) {
          throw error("type mismatch");
        }
        pushVal(I32);
      }
      case REF_FUNC -> {
        int f = func(imm);
        if (!ctx.declaredFuncs[f]) {
          throw error("undeclared function reference");
        }
        pushVal(FUNCREF);
      }
      default -> {
        // Everything else has a fixed signature; only its immediate needs checking first.
        ImmediateChecks.check(this, insn);
        popVals(SIG_PARAMS[op.ordinal()]);
        pushVals(SIG_RESULTS[op.ordinal()]);
      }
    }
  }

  private void brTable(Immediate.BrTable bt) {
    popVal(I32);
    int arity = labelTypes(checkLabel(bt.defaultLabel())).length;
    for (int label : bt.labels()) {
      int[] types = labelTypes(checkLabel(label));
      if (types.length != arity) {
        throw error("type mismatch");
      }
      // pop_vals then push_vals of what was popped: the same as checking the top in place.
      peekVals(types);
    }
    popVals(labelTypes(bt.defaultLabel()));
    unreachable();
  }

  private void requireTailCall() {
    if (!tailCall) {
      throw error("tail calls require the tail-call feature");
    }
  }

  private void requireReturnMatches(int type) {
    if (!Arrays.equals(ctx.typeResults[type], funcResults)) {
      throw error("type mismatch");
    }
  }

  // ---- immediates -------------------------------------------------------------------------------------------

  /** The block type's {params, results}; the returned array is reused, read it before the next call. */
  private int[][] blockType(Immediate imm) {
    switch (((Immediate.Block) imm).type()) {
      case BlockType.Empty e -> {
        blockTypeScratch[0] = NONE;
        blockTypeScratch[1] = NONE;
      }
      case BlockType.Value v -> {
        blockTypeScratch[0] = NONE;
        blockTypeScratch[1] = OperandTypes.single(v.type());
      }
      case BlockType.TypeIndex t -> {
        int index = t.typeIndex();
        if (index < 0 || index >= ctx.typeParams.length) {
          throw error("unknown type " + Integer.toUnsignedString(index));
        }
        blockTypeScratch[0] = ctx.typeParams[index];
        blockTypeScratch[1] = ctx.typeResults[index];
      }
    }
    return blockTypeScratch;
  }

  private static int index(Immediate imm) {
    return ((Immediate.Index) imm).index();
  }

  private int label(Immediate imm) {
    return checkLabel(index(imm));
  }

  private int checkLabel(int label) {
    if (label < 0 || label >= csp) {
      throw error("unknown label");
    }
    return label;
  }

  private int[] labelTypes(int label) {
    int frame = csp - 1 - label;
    return ctrlKind[frame] == OpCode.LOOP ? ctrlParams[frame] : ctrlResults[frame];
  }

  private int func(Immediate imm) {
    int f = index(imm);
    if (f < 0 || f >= ctx.funcTypes.length) {
      throw error("unknown function " + Integer.toUnsignedString(f));
    }
    return f;
  }

  private int local(Immediate imm) {
    int l = index(imm);
    if (l < 0 || l >= localCount) {
      throw error("unknown local " + Integer.toUnsignedString(l));
    }
    return locals[l];
  }

  private GlobalType global(Immediate imm) {
    int g = index(imm);
    if (g < 0 || g >= ctx.globals.length) {
      throw error("unknown global " + Integer.toUnsignedString(g));
    }
    return ctx.globals[g];
  }

  /** The element type of table {@code t}. */
  int table(int t) {
    if (t < 0 || t >= ctx.tableTypes.length) {
      throw error("unknown table " + Integer.toUnsignedString(t));
    }
    return OperandTypes.of(ctx.tableTypes[t]);
  }

  private int callIndirectType(Immediate.CallIndirect ci) {
    // The reference interpreter's order: table, then type, then the table's element type.
    int elementType = table(ci.tableIndex());
    if (ci.typeIndex() < 0 || ci.typeIndex() >= ctx.typeParams.length) {
      throw error("unknown type " + Integer.toUnsignedString(ci.typeIndex()));
    }
    if (elementType != FUNCREF) {
      throw error("type mismatch");
    }
    return ci.typeIndex();
  }

  ModuleContext context() {
    return ctx;
  }

  InvalidModuleException error(String reason) {
    return new InvalidModuleException(reason, offset, "func " + funcIndex);
  }

  // ---- the operand and control stacks -----------------------------------------------------------------------

  private void pushVal(int t) {
    if (vsp == vals.length) {
      vals = Arrays.copyOf(vals, vsp * 2);
    }
    vals[vsp++] = t;
  }

  private int popVal() {
    if (vsp == ctrlHeight[csp - 1]) {
      if (ctrlUnreachable[csp - 1]) {
        return UNKNOWN;
      }
      throw error("type mismatch");
    }
    return vals[--vsp];
  }

  private int popVal(int expect) {
    int actual = popVal();
    if (actual != expect && actual != UNKNOWN && expect != UNKNOWN) {
      throw error("type mismatch");
    }
    return actual;
  }

  private void pushVals(int[] types) {
    for (int t : types) {
      pushVal(t);
    }
  }

  private void popVals(int[] types) {
    for (int i = types.length - 1; i >= 0; i--) {
      popVal(types[i]);
    }
  }

  /** Checks that the top of the stack matches {@code types} without changing it. */
  private void peekVals(int[] types) {
    int height = ctrlHeight[csp - 1];
    for (int i = 0; i < types.length; i++) {
      int pos = vsp - 1 - i;
      int expect = types[types.length - 1 - i];
      if (pos < height) {
        if (!ctrlUnreachable[csp - 1]) {
          throw error("type mismatch");
        }
        return;
      }
      int actual = vals[pos];
      if (actual != expect && actual != UNKNOWN) {
        throw error("type mismatch");
      }
    }
  }

  private void pushCtrl(OpCode kind, int[] params, int[] results) {
    if (csp == ctrlKind.length) {
      int n = csp * 2;
      ctrlKind = Arrays.copyOf(ctrlKind, n);
      ctrlParams = Arrays.copyOf(ctrlParams, n);
      ctrlResults = Arrays.copyOf(ctrlResults, n);
      ctrlHeight = Arrays.copyOf(ctrlHeight, n);
      ctrlUnreachable = Arrays.copyOf(ctrlUnreachable, n);
    }
    ctrlKind[csp] = kind;
    ctrlParams[csp] = params;
    ctrlResults[csp] = results;
    ctrlHeight[csp] = vsp;
    ctrlUnreachable[csp] = false;
    csp++;
    pushVals(params);
  }

  /** Pops the innermost frame after checking that the stack holds exactly its results; returns them. */
  private int[] popCtrl() {
    int[] results = ctrlResults[csp - 1];
    popVals(results);
    if (vsp != ctrlHeight[csp - 1]) {
      throw error("type mismatch");
    }
    csp--;
    return results;
  }

  private void unreachable() {
    vsp = ctrlHeight[csp - 1];
    ctrlUnreachable[csp - 1] = true;
  }
}
