package dev.isola.compiler.emit;

import static dev.isola.compiler.emit.Descriptors.BUILTINS;
import static dev.isola.compiler.emit.Descriptors.CTX;
import static dev.isola.compiler.emit.Descriptors.FUEL;
import static dev.isola.compiler.emit.Descriptors.TAIL;
import static java.lang.constant.ConstantDescs.CD_Double;
import static java.lang.constant.ConstantDescs.CD_Float;
import static java.lang.constant.ConstantDescs.CD_Integer;
import static java.lang.constant.ConstantDescs.CD_Long;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.isola.wasm.BlockType;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lower and emit stages: one Wasm function body becomes the body of one static JVM method, in a single pass
 * that replays the validator's operand-type stack.
 *
 * <p>Wasm locals are typed JVM locals; the Wasm operand stack is the JVM operand stack. Values a block does not
 * consume stay below it on the JVM stack; a branch that leaves extra values above its target's height stores
 * the values it carries in fresh locals, pops the rest and reloads them ({@link #branch}). The memory's
 * {@code byte[]} lives in a local, re-read after anything that may grow the memory: calls, {@code
 * memory.grow}, bulk operations and the slow path of a poll. Polls count down a local copy of {@link Fuel#budget} by the
 * interpreter's static weight ({@link FuelWeights}) at function entry and loop headers.
 *
 * <p>The file is long on purpose: it is the emitter catalogue, one case per instruction, kept together so that
 * the stack discipline can be checked in one place.
 */
final class FunctionEmitter {
  private static final ClassDesc MEMORY = ClassDesc.of("dev.isola.runtime.Memory");
  private static final ClassDesc RUNTIME_EXCEPTION = ClassDesc.of("java.lang.RuntimeException");
  private static final ClassDesc TRAP = ClassDesc.of("dev.isola.runtime.Trap");
  private static final ClassDesc BYTE_ARRAY = ClassDesc.ofDescriptor("[B");
  private static final ClassDesc CONVERSIONS = ClassDesc.of("dev.isola.runtime.ops.Conversions");
  private static final ClassDesc I32_OPS = ClassDesc.of("dev.isola.runtime.ops.I32Ops");
  private static final ClassDesc I64_OPS = ClassDesc.of("dev.isola.runtime.ops.I64Ops");
  private static final ClassDesc FLOAT_OPS = ClassDesc.of("dev.isola.compiler.emit.FloatOps");
  private static final ClassDesc LOOP_TRIPS = ClassDesc.of("dev.isola.compiler.emit.LoopTrips");

  /** Generated methods are package-private and static: only this package's lookup finds them. */
  private static final int STATIC = AccessFlag.STATIC.mask();

  private static final int BLOCK = 0;
  private static final int LOOP = 1;
  private static final int IF = 2;
  private static final int FUNC = 3;
  /** A label outside the region being emitted: branching to it leaves the region's method. */
  private static final int OUTER = 4;

  /** An open block, loop, if or the function body. */
  private static final class Ctl {
    int kind;
    Label label;
    Label elseLabel;
    List<ValType> params;
    List<ValType> results;
    int height;
    boolean unreachable;
    boolean hasElse;
    int exitCode;

    List<ValType> labelTypes() {
      return kind == LOOP ? params : results;
    }
  }

  private final WasmModule module;
  private final ClassDesc self;
  private final boolean polls;
  private final List<FuncType> functionTypes;
  /** Type indices used by {@code call_indirect}: each gets one stub ({@link StubEmitter#emitIndirectStub}). */
  private final Set<Integer> indirectTypes;
  private final TailCalls tails;
  private final StubEmitter stubs;

  private CodeBuilder cb;
  private int functionIndex;
  private int[] localSlot;
  private ValType[] localType;
  private int depthSlot;
  private int ctxSlot;
  private int memSlot = -1;
  /** Whether the method being emitted returns its countdown packed with its result ({@link #packs}). */
  private boolean packedReturn;
  private int budgetSlot = -1;
  private FuelWeights weights;
  private OutlinePlan plan = OutlinePlan.NONE;
  /** While emitting a region's method: its start and end instruction (else -1), and its frame arrays. */
  private int regionStart = -1;
  private int regionEnd = -1;
  private int frameSlot = -1;
  private int refsSlot = -1;
  private RegionUse regionUse;
  /** While emitting a region's method: what its block takes from the stack (an if's condition last), gives back. */
  private List<ValType> regionIn = List.of();
  private List<ValType> regionOut = List.of();
  /** While emitting a region's method: the one exit every leaving path but a return jumps to, and its code. */
  private Label regionExit;
  private int exitCodeSlot = -1;
  /**
   * The frame arrays of the function being emitted (if it has outlined regions): one pair per invocation,
   * allocated at entry and passed down to every region's method, which uses the same indices (locals, the
   * function's results, the block's operands and results), so a call site allocates nothing.
   */
  private int frameSize;
  private boolean frameRefs;
  private List<Instruction> currentCode;
  /**
   * The copy of a counted loop being emitted ({@link #emitCountedLoop}), or null. The prepaid copy's {@code loop}
   * does not poll, its bound's instruction loads the chunk's end instead, and its compare becomes a signed one;
   * the polled copy's header poll continues at a label made before it.
   */
  private LoopCopy loopCopy;

  private sealed interface LoopCopy {
    int loop();
  }

  private record PrepaidCopy(int loop, int boundAt, int boundSlot, ValType boundType, int compareAt, OpCode compare)
      implements LoopCopy {}

  private record PolledCopy(int loop, Label body) implements LoopCopy {}

  /**
   * The instructions of the method being emitted that may trap, each with its bytecode range: each gets an
   * exception-table entry whose handler pushes the instruction's Wasm byte offset, so a trap's frame names the
   * trapping instruction (or call site) at no cost on the path that does not throw. Outlined region calls get a
   * pass-through entry instead: the region's method has added the frame already.
   */
  private record Site(Label from, Label to, int offset) {}

  private final List<Site> sites = new ArrayList<>();
  private List<ValType> functionResults;
  private final ArrayList<ValType> stack = new ArrayList<>();
  private final ArrayList<Ctl> ctls = new ArrayList<>();
  private final SimdEmitter simd = new SimdEmitter();

  FunctionEmitter(WasmModule module, ClassDesc self, boolean polls, Set<Integer> indirectTypes) {
    this.module = module;
    this.self = self;
    this.polls = polls;
    this.functionTypes = module.functionSpaceTypes();
    this.indirectTypes = indirectTypes;
    this.tails = TailCalls.of(module);
    this.stubs = new StubEmitter(module, self, polls, tails);
  }

  static String methodName(int function) {
    return "f" + function;
  }

  /**
   * Whether defined function {@code type} returns its countdown packed with its result: with polls on, a body of
   * results {@code []} or {@code [i32]} is the method {@code g<i>} returning a {@code long}, the countdown in the
   * high half and the i32 result in the low half, and direct calls in the module use it, so the countdown comes
   * back in a register instead of through {@link Fuel#budget} (a store in the callee and a load in the caller on
   * every return: measured 20% on fib). The countdown fits an int: {@link dev.isola.runtime.Store#safepoint}
   * hands out at most {@code Store.CHUNK}. {@code f<i>} stays the convention's entry for everyone else (handles,
   * {@code call_indirect}, other instances): it calls {@code g<i>} and stores the countdown.
   */
  static boolean packs(FuncType type, boolean polls) {
    return polls && (type.results().isEmpty()
        || type.results().size() == 1 && type.results().getFirst() == ValType.I32);
  }

  /** The method holding the body of defined function {@code function} ({@link #packs}). */
  static String bodyName(int function, FuncType type, boolean polls) {
    return packs(type, polls) ? "g" + function : methodName(function);
  }

  static MethodTypeDesc packedDesc(FuncType type) {
    return Descriptors.function(type).changeReturnType(CD_long);
  }

  /**
   * The method holding defined function {@code function}'s code: {@code t<i>} if it makes tail calls (its
   * {@link #bodyName} is then its trampoline, {@link TailCalls}), else its {@link #bodyName}.
   */
  static String codeName(int function, FuncType type, boolean polls, boolean tailCaller) {
    return tailCaller ? "t" + function : bodyName(function, type, polls);
  }

  /** The descriptor of {@link #bodyName} and {@link #codeName}: packed or the convention's. */
  static MethodTypeDesc bodyDesc(FuncType type, boolean polls) {
    return packs(type, polls) ? packedDesc(type) : Descriptors.function(type);
  }

  private MethodTypeDesc bodyDesc(FuncType type) {
    return bodyDesc(type, polls);
  }

  static String indirectName(int typeIndex) {
    return "ci" + typeIndex;
  }

  /** The emitter of the class's glue methods (imports, {@code call_indirect}, unpacking, tail calls). */
  StubEmitter stubs() {
    return stubs;
  }

  static MethodTypeDesc indirectDesc(FuncType type) {
    List<ClassDesc> params = new ArrayList<>(type.params().stream().map(Descriptors::desc).toList());
    params.add(CD_int);
    params.add(CD_long);
    params.add(CD_int);
    params.add(CTX);
    params.add(CD_int);
    return MethodTypeDesc.of(Descriptors.returnDesc(type.results()), params);
  }

  // ---------------------------------------------------------------------------------------------- bodies

  /** The method of the region of function {@code function} that starts at instruction {@code start}. */
  static String regionName(int function, int start) {
    return "r" + function + "_" + start;
  }

  /** {@code (long[] frame, Object[] refs, int depth, ctx) int}: see {@link OutlinePlan}. */
  private static final MethodTypeDesc REGION = MethodTypeDesc.of(CD_int, CD_long.arrayType(),
      CD_Object.arrayType(), CD_int, CTX);

  /**
   * Emits defined function {@code index} as the static method {@code f<index>}, with the regions of {@code
   * plan} as methods of their own.
   */
  void emitFunction(ClassBuilder clb, int index, OutlinePlan plan) {
    FuncType type = functionTypes.get(index);
    FunctionBody body = module.code().get(index - module.importedFunctionCount());
    this.plan = plan;
    int count = type.params().size() + body.locals().size();
    // Framed, the locals live there even with no region (a function whose size is its locals' zeroing).
    frameSize = plan.framed() ? count + type.results().size() : 0;
    frameRefs = type.results().stream().anyMatch(FunctionEmitter::inRefs)
        || type.params().stream().anyMatch(FunctionEmitter::inRefs)
        || body.locals().stream().anyMatch(FunctionEmitter::inRefs);
    for (int start : plan.regions().keySet()) {
      Instruction opening = body.instructions().get(start);
      List<ValType> in = regionInputs(start, opening);
      List<ValType> out = regionOutputs(start, opening);
      frameSize = Math.max(frameSize, count + type.results().size() + in.size() + out.size());
      frameRefs |= in.stream().anyMatch(FunctionEmitter::inRefs) || out.stream().anyMatch(FunctionEmitter::inRefs);
    }
    boolean tailCaller = tails.isCaller(index);
    clb.withMethodBody(codeName(index, type, polls, tailCaller), bodyDesc(type), STATIC,
        c -> emitBody(c, index, type, body));
    if (tailCaller) {
      clb.withMethodBody(bodyName(index, type, polls), bodyDesc(type), STATIC,
          c -> stubs.emitTrampoline(c, index, type));
    }
    if (packs(type, polls)) {
      clb.withMethodBody(methodName(index), Descriptors.function(type), STATIC,
          c -> stubs.emitUnpackStub(c, index, type));
    }
    for (var r : plan.regions().entrySet()) {
      clb.withMethodBody(regionName(index, r.getKey()), REGION, STATIC,
          c -> emitRegion(c, index, type, body, r.getKey(), r.getValue()));
    }
  }


  /**
   * A tail call to function {@code target} (pushed by {@code pushTarget}) of this instance, whose arguments are
   * on the stack: stores them and the callee in the context and returns, to the trampoline, which runs it. The
   * results returned meanwhile are zeros nobody reads. The operand stack model is left as it was (the caller
   * may emit another path after this one).
   */
  private void pendTailCall(FuncType t, Runnable pushTarget) {
    for (int k = t.params().size() - 1; k >= 0; k--) {
      ValType p = t.params().get(k);
      String name = switch (p) {
        case I32 -> "argI32";
        case I64 -> "argI64";
        case F32 -> "argF32";
        case F64 -> "argF64";
        case FUNCREF, EXTERNREF, V128 -> "argRef";
      };
      ClassDesc value = switch (p) {
        case FUNCREF, EXTERNREF, V128 -> CD_Object;
        default -> Descriptors.desc(p);
      };
      cb.aload(ctxSlot);
      cb.loadConstant(k);
      cb.invokestatic(TAIL, name, MethodTypeDesc.of(CD_void, value, CTX, CD_int));
    }
    cb.aload(ctxSlot);
    pushTarget.run();
    // The first index of t in the type section, as TailCalls.typeIndex gives: what a bounce switches on.
    cb.loadConstant(module.types().indexOf(t));
    cb.invokestatic(TAIL, "pend", MethodTypeDesc.of(CD_void, CTX, CD_int, CD_int));
    List<ValType> saved = new ArrayList<>(stack);
    for (ValType r : functionResults) {
      zero(r);
    }
    stack.addAll(functionResults);
    emitReturn();
    stack.clear();
    stack.addAll(saved);
  }

  private void emitBody(CodeBuilder c, int index, FuncType type, FunctionBody body) {
    this.cb = c;
    this.packedReturn = packs(type, polls);
    this.functionIndex = index;
    this.weights = FuelWeights.of(body);
    this.functionResults = type.results();
    stack.clear();
    ctls.clear();
    int n = type.params().size();
    int count = n + body.locals().size();
    localSlot = new int[count];
    localType = new ValType[count];
    for (int i = 0; i < n; i++) {
      localSlot[i] = c.parameterSlot(i);
      localType[i] = type.params().get(i);
    }
    int budgetParam = c.parameterSlot(n);
    depthSlot = c.parameterSlot(n + 1);
    ctxSlot = c.parameterSlot(n + 2);
    frameSlot = -1;
    refsSlot = -1;
    if (!plan.regions().isEmpty() || plan.framed()) {
      frameSlot = c.allocateLocal(TypeKind.REFERENCE);
      refsSlot = c.allocateLocal(TypeKind.REFERENCE);
      c.loadConstant(frameSize);
      c.newarray(TypeKind.LONG);
      c.astore(frameSlot);
      if (frameRefs) {
        c.loadConstant(frameSize);
        c.anewarray(CD_Object);
      } else {
        c.aconst_null();
      }
      c.astore(refsSlot);
    }
    if (plan.framed()) {
      // Locals in the frame (OutlinePlan#framed): the parameters go there; the arrays start zeroed, which is
      // every local's default but a v128's.
      for (int i = 0; i < count; i++) {
        localType[i] = i < n ? type.params().get(i) : body.locals().get(i - n);
        if (i < n) {
          c.loadLocal(Descriptors.kind(localType[i]), localSlot[i]);
          storeLocalValue(i);
        } else if (localType[i] == ValType.V128) {
          zero(ValType.V128);
          storeLocalValue(i);
        }
      }
    }
    for (int i = 0; i < n && !plan.framed(); i++) {
      if (localType[i] == ValType.V128) {
        // Into two long locals (see localValue): the parameter's reference is not used again.
        c.aload(localSlot[i]);
        localSlot[i] = allocateV128Local();
        storeLocalValue(i);
      }
    }
    for (int i = n; i < count && !plan.framed(); i++) {
      ValType t = body.locals().get(i - n);
      localType[i] = t;
      localSlot[i] = t == ValType.V128 ? allocateV128Local() : c.allocateLocal(Descriptors.kind(t));
      zero(t);
      storeLocalValue(i);
    }
    // call stack exhausted: counted, so the limit does not depend on the thread's stack size.
    Label deep = c.newLabel();
    c.iload(depthSlot);
    c.ifgt(deep);
    c.invokestatic(BUILTINS, "callStackExhausted", MethodTypeDesc.of(TRAP));
    c.athrow();
    c.labelBinding(deep);

    Label start = c.newBoundLabel();
    memSlot = -1;
    if (usesMemory0(body)) {
      memSlot = c.allocateLocal(TypeKind.REFERENCE);
      reloadMemory();
    }
    if (polls) {
      // The caller's countdown arrives in a parameter: no memory round trip on a call. The Fuel object is read
      // from the context where needed (slow path, calls out), not kept in a local live across every call.
      budgetSlot = budgetParam;
      // Out of fuel on entry: the interpreter names the body's first instruction.
      sites.clear();
      Label entry = c.newBoundLabel();
      poll(weights.entryWeight());
      sites.add(new Site(entry, c.newBoundLabel(), body.instructions().getFirst().offset()));
    }

    Ctl func = new Ctl();
    func.kind = FUNC;
    func.label = c.newLabel();
    func.params = List.of();
    func.results = type.results();
    func.height = 0;
    ctls.add(func);
    regionStart = -1;
    regionEnd = -1;
    emitRange(body.instructions(), 0, body.instructions().size() - 1);
    emitSlowPolls();
    emitTrapHandlers(c, start, index);
  }

  /**
   * Every exception leaving the method passes one handler: memory range errors become traps, traps get this
   * function's frame with the Wasm offset of the instruction that threw ({@link Site}; -1 outside any).
   */
  private void emitTrapHandlers(CodeBuilder c, Label start, int index) {
    Label end = c.newBoundLabel();
    Label common = c.newLabel();
    for (Site s : sites) {
      Label h = c.newBoundLabel();
      if (s.offset() == PASS_THROUGH) {
        c.athrow();
      } else {
        c.loadConstant(s.offset());
        c.goto_(common);
      }
      c.exceptionCatch(s.from(), s.to(), h, RUNTIME_EXCEPTION);
    }
    Label handler = c.newBoundLabel();
    c.loadConstant(-1);
    c.labelBinding(common);
    c.aload(ctxSlot);
    c.loadConstant(index);
    c.invokestatic(BUILTINS, "trapFrame",
        MethodTypeDesc.of(RUNTIME_EXCEPTION, RUNTIME_EXCEPTION, CD_int, CTX, CD_int));
    c.athrow();
    c.exceptionCatch(start, end, handler, RUNTIME_EXCEPTION);
    sites.clear();
  }

  /** A {@link Site} offset meaning: rethrow unchanged (an outlined region's call). */
  private static final int PASS_THROUGH = Integer.MIN_VALUE;

  /** Whether {@code op} may throw, so that its offset is worth an exception-table entry. */
  private static boolean mayTrap(OpCode op) {
    return switch (op) {
      case UNREACHABLE, LOOP, CALL, CALL_INDIRECT, RETURN_CALL, RETURN_CALL_INDIRECT -> true;
      default -> {
        String name = op.textName();
        yield op.accessWidth() > 0 || name.startsWith("memory.") || name.startsWith("table.")
            || name.contains(".div") || name.contains(".rem") || name.contains(".trunc_f");
      }
    };
  }

  /** Emits instructions {@code from..to} (inclusive), skipping dead code, calling outlined regions. */
  private void emitRange(List<Instruction> code, int from, int to) {
    int skip = 0;
    for (int i = from; i <= to && !ctls.isEmpty(); i++) {
      Instruction in = code.get(i);
      Ctl top = ctls.getLast();
      if (top.unreachable) {
        int skipped = FuelWeights.skipDead(in, skip);
        if (skipped >= 0) {
          skip = skipped;
          continue;
        }
      }
      currentCode = code;
      Integer end = plan.regions().get(i);
      if (end != null && i != regionStart) {
        Label site = cb.newBoundLabel();
        callRegion(i);
        sites.add(new Site(site, cb.newBoundLabel(), PASS_THROUGH));
        i = end;
        continue;
      }
      if (in.opcode() == OpCode.LOOP && polls && (loopCopy == null || loopCopy.loop() != i)) {
        int at = i;
        Optional<CountedLoop> counted = CountedLoop.at(code, at).filter(cl -> prepayable(cl, at, to));
        if (counted.isPresent()) {
          emitCountedLoop(counted.get(), code, i);
          i = counted.get().end();
          continue;
        }
      }
      if (loopCopy instanceof PrepaidCopy p && i == p.boundAt()) {
        cb.loadLocal(Descriptors.kind(p.boundType()), p.boundSlot());
        push(p.boundType());
        continue;
      }
      if (loopCopy instanceof PrepaidCopy p && i == p.compareAt()) {
        in = new Instruction(p.compare(), Immediate.None.INSTANCE, in.offset());
      }
      // Not into an outlined if: its condition goes to the region's method as a value.
      if (isCompare(in.opcode()) && i < to && i + 1 != regionEnd && !plan.regions().containsKey(i + 1)
          && (code.get(i + 1).opcode() == OpCode.BR_IF || code.get(i + 1).opcode() == OpCode.IF)) {
        fusedCompare(in, code.get(i + 1), top);
        i++;
        continue;
      }
      // (An empty exception range is invalid: a loop emits code only if it polls.)
      if (mayTrap(in.opcode()) && (polls && !isPrepaidLoop(i) || in.opcode() != OpCode.LOOP)) {
        Label site = cb.newBoundLabel();
        emit(in, i, top);
        sites.add(new Site(site, cb.newBoundLabel(), in.offset()));
      } else {
        emit(in, i, top);
      }
      if (i == regionEnd) {
        // Fell off the region's end: back to the caller, which continues after it with the block's results.
        storeRegionResults();
        exitRegion(0);
        return;
      }
    }
  }

  /** The method of an outlined region: the function's locals come in the frame and go back out of it. */
  private void emitRegion(CodeBuilder c, int index, FuncType type, FunctionBody body, int start, int end) {
    this.cb = c;
    this.packedReturn = false;
    this.functionIndex = index;
    this.weights = FuelWeights.of(body);
    this.functionResults = type.results();
    stack.clear();
    ctls.clear();
    frameSlot = c.parameterSlot(0);
    refsSlot = c.parameterSlot(1);
    depthSlot = c.parameterSlot(2);
    ctxSlot = c.parameterSlot(3);
    int n = type.params().size();
    int count = n + body.locals().size();
    localSlot = new int[count];
    localType = new ValType[count];
    for (int i = 0; i < count; i++) {
      ValType t = i < n ? type.params().get(i) : body.locals().get(i - n);
      localType[i] = t;
      if (!plan.framed()) {
        localSlot[i] = t == ValType.V128 ? allocateV128Local() : c.allocateLocal(Descriptors.kind(t));
      }
    }
    int depth = callerDepth(start, body);
    regionUse = RegionUse.of(body.instructions(), start, end, depth);
    loadLocalsFromFrame(regionUse.referenced());
    memSlot = -1;
    if (usesMemory0(body)) {
      memSlot = c.allocateLocal(TypeKind.REFERENCE);
      reloadMemory();
    }
    if (polls) {
      budgetSlot = c.allocateLocal(TypeKind.LONG);
      loadBudget();
    }
    // The labels outside the region, as exits: the function's own label is a return.
    for (int k = depth - 1; k >= 0; k--) {
      Ctl outer = new Ctl();
      outer.kind = k == depth - 1 ? FUNC : OUTER;
      outer.exitCode = k + 1;
      outer.params = List.of();
      outer.results = outer.kind == FUNC ? type.results() : List.of();
      outer.height = 0;
      outer.label = c.newLabel();
      ctls.add(outer);
    }
    regionStart = start;
    regionEnd = end;
    regionIn = regionInputs(start, body.instructions().get(start));
    regionOut = regionOutputs(start, body.instructions().get(start));
    // The block's operands (an if's condition last), as the caller left them in the frame.
    frameToStack(regionIn, count + type.results().size());
    sites.clear();
    exitCodeSlot = c.allocateLocal(TypeKind.INT);
    regionExit = c.newLabel();
    Label begin = c.newBoundLabel();
    emitRange(body.instructions(), start, end);
    // The one copy of the locals back into the frame: with many locals and many branches out, a copy per exit
    // made a split function's methods larger than the function (fuzz seed 61042).
    c.labelBinding(regionExit);
    storeLocalsToFrame(regionUse.written());
    saveBudget();
    c.iload(exitCodeSlot);
    c.ireturn();
    emitSlowPolls();
    emitTrapHandlers(c, begin, index);
    regionStart = -1;
    regionEnd = -1;
    regionIn = List.of();
    regionOut = List.of();
    regionExit = null;
    exitCodeSlot = -1;
    frameSlot = -1;
    refsSlot = -1;
  }

  /** What the region opened by {@code opening} takes from the operand stack: its parameters, an if's condition. */
  private List<ValType> regionInputs(int start, Instruction opening) {
    if (plan.isRun(start)) {
      return List.of();
    }
    List<ValType> in = new ArrayList<>(blockTypes(((Immediate.Block) opening.immediate()).type()).params());
    if (opening.opcode() == OpCode.IF) {
      in.add(ValType.I32);
    }
    return in;
  }

  /** What the region at {@code start} leaves on the operand stack: its block's results (a run: nothing). */
  private List<ValType> regionOutputs(int start, Instruction opening) {
    return plan.isRun(start) ? List.of() : blockTypes(((Immediate.Block) opening.immediate()).type()).results();
  }

  /** Falling off a region's end: its block's results (on the stack) into the frame, after its operands. */
  private void storeRegionResults() {
    stackToFrame(regionOut, localType.length + functionResults.size() + regionIn.size());
  }

  /**
   * Pops values of {@code types} (the last on top) into the frame at {@code base}, {@code base + 1}, .. (the top
   * last): a region's operands at its call, its results at its end.
   */
  private void stackToFrame(List<ValType> types, int base) {
    for (int k = types.size() - 1; k >= 0; k--) {
      pop();
      storeTopToFrame(types.get(k), base + k);
    }
  }

  /**
   * Stores the value on top, of type {@code t}, at {@code index} of the frame arrays. The array must go below the
   * value: a small static method ({@code Builtins.frameI32}..) takes them the other way round.
   */
  private void storeTopToFrame(ValType t, int index) {
    cb.aload(inRefs(t) ? refsSlot : frameSlot);
    cb.loadConstant(index);
    call(BUILTINS, "frame" + suffix(t), CD_void, Descriptors.desc(t),
        inRefs(t) ? CD_Object.arrayType() : CD_long.arrayType(), CD_int);
  }

  /** The inverse of {@link #stackToFrame}: pushes the values of {@code types} from the frame at {@code base}. */
  private void frameToStack(List<ValType> types, int base) {
    for (int k = 0; k < types.size(); k++) {
      loadFromFrame(types.get(k), base + k);
      push(types.get(k));
    }
  }

  /**
   * What a region touches: the locals it reads or writes (loaded into its method), those it writes (stored back
   * on exit) and its exit codes (-1 return, k+1 branch to the k-th enclosing label).
   */
  private record RegionUse(java.util.BitSet referenced, java.util.BitSet written, java.util.BitSet exits,
                           boolean returns) {
    static RegionUse of(List<Instruction> code, int start, int end, int callerDepth) {
      var referenced = new java.util.BitSet();
      var written = new java.util.BitSet();
      var exits = new java.util.BitSet();
      boolean returns = false;
      int depth = 0;
      for (int i = start; i <= end; i++) {
        Instruction in = code.get(i);
        List<Integer> labels = List.of();
        switch (in.opcode()) {
          case BLOCK, LOOP, IF -> depth++;
          case END -> depth--;
          case LOCAL_GET -> referenced.set(index(in.immediate()));
          case LOCAL_SET, LOCAL_TEE -> {
            referenced.set(index(in.immediate()));
            written.set(index(in.immediate()));
          }
          case RETURN, RETURN_CALL, RETURN_CALL_INDIRECT -> returns = true;
          case BR, BR_IF -> labels = List.of(index(in.immediate()));
          case BR_TABLE -> {
            Immediate.BrTable t = (Immediate.BrTable) in.immediate();
            List<Integer> all = new ArrayList<>();
            for (int l : t.labels()) {
              all.add(l);
            }
            all.add(t.defaultLabel());
            labels = all;
          }
          default -> {}
        }
        for (int l : labels) {
          if (l >= depth) {
            int k = l - depth;
            if (k == callerDepth - 1) {
              returns = true;
            } else {
              exits.set(k);
            }
          }
        }
      }
      return new RegionUse(referenced, written, exits, returns);
    }
  }

  /** How many control constructs (the function included) are open at instruction {@code start}. */
  private static int callerDepth(int start, FunctionBody body) {
    int depth = 1;
    for (int i = 0; i < start; i++) {
      switch (body.instructions().get(i).opcode()) {
        case BLOCK, LOOP, IF -> depth++;
        case END -> depth--;
        default -> {}
      }
    }
    return depth;
  }

  /** Leaves a region's method with {@code code}, through its one exit, which writes the locals back. */
  private void exitRegion(int code) {
    // The shared exit is a merge point: the operand stack must be empty there.
    for (int k = stack.size() - 1; k >= 0; k--) {
      popValue(stack.get(k));
    }
    cb.loadConstant(code);
    cb.istore(exitCodeSlot);
    cb.goto_(regionExit);
  }

  /** Calls the outlined region at {@code start}: locals out, call, locals back in, then follow its exit. */
  private void callRegion(int start) {
    int n = localType.length;
    int results = functionResults.size();
    Instruction opening = currentCode.get(start);
    List<ValType> in = regionInputs(start, opening);
    List<ValType> out = regionOutputs(start, opening);
    // Frame layout: the locals, the function's results (a return), the block's operands, the block's results.
    int base = n + results;
    stackToFrame(in, base);
    RegionUse use = RegionUse.of(currentCode, start, plan.regions().get(start), ctls.size());
    storeLocalsToFrame(use.referenced());
    saveBudget();
    cb.aload(frameSlot);
    cb.aload(refsSlot);
    cb.iload(depthSlot);
    cb.aload(ctxSlot);
    cb.invokestatic(self, regionName(functionIndex, start), REGION);
    loadBudget();
    reloadMemory();
    loadLocalsFromFrame(use.written());
    // Dispatch on the exit code: -1 return, 0 continue, k+1 branch to the k-th enclosing label.
    Label next = cb.newLabel();
    Label ret = use.returns() ? cb.newLabel() : null;
    List<SwitchCase> cases = new ArrayList<>();
    Map<Integer, Label> exits = new LinkedHashMap<>();
    if (ret != null) {
      cases.add(SwitchCase.of(-1, ret));
    }
    for (int k = use.exits().nextSetBit(0); k >= 0; k = use.exits().nextSetBit(k + 1)) {
      Label l = cb.newLabel();
      exits.put(k, l);
      cases.add(SwitchCase.of(k + 1, l));
    }
    if (cases.isEmpty()) {
      cb.pop();
    } else {
      cb.lookupswitch(next, cases);
    }
    if (ret != null) {
      cb.labelBinding(ret);
      for (int k = 0; k < results; k++) {
        loadFromFrame(functionResults.get(k), n + k);
      }
      List<ValType> saved = new ArrayList<>(stack);
      stack.addAll(functionResults);
      emitReturn();
      stack.clear();
      stack.addAll(saved);
    }
    exits.forEach((k, label) -> {
      cb.labelBinding(label);
      branch(ctls.get(ctls.size() - 1 - k));
    });
    cb.labelBinding(next);
    frameToStack(out, base + in.size());
  }

  /**
   * A v128 local is two long locals, low half at {@code localSlot}, high half two slots above: a v128 carried
   * around a loop is then two longs, not an object that escape analysis cannot remove at the loop's merge point
   * (measured: 3x on a dot-product loop). {@code local.get} rebuilds the {@code V128}, which the next
   * instruction usually takes apart again, so HotSpot removes the allocation.
   */
  private int allocateV128Local() {
    int low = cb.allocateLocal(TypeKind.LONG);
    int high = cb.allocateLocal(TypeKind.LONG);
    if (high != low + 2) {
      throw new IllegalStateException("v128 local halves not adjacent");
    }
    return low;
  }

  private void loadLocalValue(int l) {
    if (plan.framed()) {
      loadFromFrame(localType[l], l);
    } else if (localType[l] == ValType.V128) {
      cb.lload(localSlot[l]);
      cb.lload(localSlot[l] + 2);
      cb.invokestatic(SimdEmitter.SIMD, "of", MethodTypeDesc.of(SimdEmitter.V128, CD_long, CD_long));
    } else {
      cb.loadLocal(Descriptors.kind(localType[l]), localSlot[l]);
    }
  }

  /** Stores the value on top into local {@code l}. */
  private void storeLocalValue(int l) {
    if (plan.framed()) {
      storeTopToFrame(localType[l], l);
    } else if (localType[l] == ValType.V128) {
      cb.dup();
      cb.invokevirtual(SimdEmitter.V128, "low", MethodTypeDesc.of(CD_long));
      cb.lstore(localSlot[l]);
      cb.invokevirtual(SimdEmitter.V128, "high", MethodTypeDesc.of(CD_long));
      cb.lstore(localSlot[l] + 2);
    } else {
      cb.storeLocal(Descriptors.kind(localType[l]), localSlot[l]);
    }
  }

  /** Whether a value of type {@code t} travels in a region's {@code Object[]} frame (references, v128). */
  private static boolean inRefs(ValType t) {
    return t.isReference() || t == ValType.V128;
  }

  private void storeLocalsToFrame(java.util.BitSet which) {
    if (plan.framed()) {
      return;
    }
    for (int k = which.nextSetBit(0); k >= 0; k = which.nextSetBit(k + 1)) {
      int local = k;
      storeToFrame(localType[k], k, () -> loadLocalValue(local));
    }
  }

  /** Stores a value of type {@code t}, pushed by {@code value}, at {@code index} of a region's frame arrays. */
  private void storeToFrame(ValType t, int index, Runnable value) {
    cb.aload(inRefs(t) ? refsSlot : frameSlot);
    cb.loadConstant(index);
    value.run();
    toRaw(t);
    if (inRefs(t)) {
      cb.aastore();
    } else {
      cb.lastore();
    }
  }

  private void loadLocalsFromFrame(java.util.BitSet which) {
    if (plan.framed()) {
      return;
    }
    for (int k = which.nextSetBit(0); k >= 0; k = which.nextSetBit(k + 1)) {
      loadFromFrame(localType[k], k);
      storeLocalValue(k);
    }
  }

  private void loadFromFrame(ValType t, int index) {
    cb.aload(inRefs(t) ? refsSlot : frameSlot);
    cb.loadConstant(index);
    if (inRefs(t)) {
      cb.aaload();
      if (t == ValType.V128) {
        cb.checkcast(SimdEmitter.V128);
      }
      return;
    }
    cb.laload();
    switch (t) {
      case I32 -> cb.l2i();
      case I64 -> {}
      case F32 -> {
        cb.l2i();
        call(CD_Float, "intBitsToFloat", CD_float, CD_int);
      }
      case F64 -> call(CD_Double, "longBitsToDouble", CD_double, CD_long);
      case V128, FUNCREF, EXTERNREF -> throw new IllegalStateException("not a raw slot: " + t);
    }
  }

  /** The value on top (of type {@code t}) as its raw slot: a long, or the reference itself. */
  private void toRaw(ValType t) {
    switch (t) {
      case I32 -> cb.i2l();
      case I64, FUNCREF, EXTERNREF, V128 -> {}
      case F32 -> {
        call(CD_Float, "floatToRawIntBits", CD_int, CD_float);
        cb.i2l();
      }
      case F64 -> call(CD_Double, "doubleToRawLongBits", CD_long, CD_double);
    }
  }

  /**
   * Whether the body accesses memory 0 through a memarg: only then does it cache the array in a local. A
   * function that never touches memory (fib) then skips re-reading it at entry and after every call, two
   * dependent loads on the call path.
   */
  private boolean usesMemory0(FunctionBody body) {
    if (module.memorySpace().isEmpty()) {
      return false;
    }
    for (Instruction in : body.instructions()) {
      switch (in.immediate()) {
        case Immediate.MemArg m when m.memory() == 0 -> {
          return true;
        }
        case Immediate.MemArgLane m when m.memArg().memory() == 0 -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  private void reloadMemory() {
    if (memSlot >= 0) {
      cb.aload(ctxSlot);
      cb.getfield(CTX, "memory0", MEMORY);
      cb.invokevirtual(MEMORY, "bytes", MethodTypeDesc.of(BYTE_ARRAY));
      cb.astore(memSlot);
    }
  }

  private void zero(ValType t) {
    switch (t) {
      case I32 -> cb.iconst_0();
      case I64 -> cb.lconst_0();
      case F32 -> cb.fconst_0();
      case F64 -> cb.dconst_0();
      case FUNCREF, EXTERNREF -> cb.aconst_null();
      case V128 -> cb.getstatic(SimdEmitter.SIMD, "ZERO", SimdEmitter.V128);
    }
  }

  private ValType pop() {
    return stack.removeLast();
  }

  private void push(ValType t) {
    stack.add(t);
  }

  private BlockSignature blockTypes(BlockType bt) {
    return BlockSignature.of(module, bt);
  }

  private Ctl push(int kind, BlockType bt) {
    BlockSignature sig = blockTypes(bt);
    Ctl ctl = new Ctl();
    ctl.kind = kind;
    ctl.params = sig.params();
    ctl.results = sig.results();
    ctl.height = stack.size() - sig.params().size();
    ctl.label = cb.newLabel();
    ctls.add(ctl);
    return ctl;
  }

  private void setUnreachable(Ctl top) {
    top.unreachable = true;
    while (stack.size() > top.height) {
      stack.removeLast();
    }
  }

  private void resetTo(Ctl c, List<ValType> types) {
    while (stack.size() > c.height) {
      stack.removeLast();
    }
    stack.addAll(types);
  }

  /** Pops the JVM value of type {@code t}. */
  private void popValue(ValType t) {
    if (Descriptors.slots(t) == 2) {
      cb.pop2();
    } else {
      cb.pop();
    }
  }

  /**
   * Jumps to {@code target} carrying its label's values, which are on top of the stack; values between them
   * and the target's height are dropped on the way. Does not change the modelled stack (the caller does).
   */
  private void branch(Ctl target) {
    if (target.kind == FUNC) {
      emitReturn();
      return;
    }
    if (target.kind == OUTER) {
      exitRegion(target.exitCode);
      return;
    }
    List<ValType> carried = target.labelTypes();
    int n = carried.size();
    int extra = stack.size() - n - target.height;
    if (extra > 0) {
      int[] temps = new int[n];
      for (int k = n - 1; k >= 0; k--) {
        TypeKind kind = Descriptors.kind(carried.get(k));
        temps[k] = cb.allocateLocal(kind);
        cb.storeLocal(kind, temps[k]);
      }
      for (int k = stack.size() - n - 1; k >= target.height; k--) {
        popValue(stack.get(k));
      }
      for (int k = 0; k < n; k++) {
        cb.loadLocal(Descriptors.kind(carried.get(k)), temps[k]);
      }
    }
    cb.goto_(target.label);
  }

  private boolean needsMove(Ctl target) {
    return target.kind == FUNC || target.kind == OUTER || stack.size() - target.labelTypes().size() != target.height;
  }

  private void emitReturn() {
    List<ValType> results = functionResults;
    if (packedReturn && regionStart < 0) {
      // The countdown in the high half, the i32 result (if any) in the low half: see packs.
      if (!results.isEmpty()) {
        cb.i2l();
        cb.loadConstant(0xFFFF_FFFFL);
        cb.land();
      }
      cb.lload(budgetSlot);
      cb.loadConstant(32);
      cb.lshl();
      if (!results.isEmpty()) {
        cb.lor();
      }
      cb.lreturn();
      return;
    }
    saveBudget();
    if (regionStart >= 0) {
      // In a region's method: the results go to the frame, the caller returns them.
      int n = localType.length;
      for (int k = results.size() - 1; k >= 0; k--) {
        ValType t = results.get(k);
        int temp = cb.allocateLocal(Descriptors.kind(t));
        cb.storeLocal(Descriptors.kind(t), temp);
        storeToFrame(t, n + k, () -> cb.loadLocal(Descriptors.kind(t), temp));
      }
      cb.iconst_m1();
      cb.ireturn();
      return;
    }
    switch (results.size()) {
      case 0 -> cb.return_();
      case 1 -> cb.return_(Descriptors.kind(results.getFirst()));
      default -> {
        int n = results.size();
        int[] temps = new int[n];
        for (int k = n - 1; k >= 0; k--) {
          TypeKind kind = Descriptors.kind(results.get(k));
          temps[k] = cb.allocateLocal(kind);
          cb.storeLocal(kind, temps[k]);
        }
        cb.loadConstant(n);
        cb.anewarray(CD_Object);
        for (int k = 0; k < n; k++) {
          cb.dup();
          cb.loadConstant(k);
          cb.loadLocal(Descriptors.kind(results.get(k)), temps[k]);
          box(results.get(k));
          cb.aastore();
        }
        cb.areturn();
      }
    }
  }

  private void box(ValType t) {
    switch (t) {
      case I32 -> cb.invokestatic(CD_Integer, "valueOf", MethodTypeDesc.of(CD_Integer, CD_int));
      case I64 -> cb.invokestatic(CD_Long, "valueOf", MethodTypeDesc.of(CD_Long, CD_long));
      case F32 -> cb.invokestatic(CD_Float, "valueOf", MethodTypeDesc.of(CD_Float, CD_float));
      case F64 -> cb.invokestatic(CD_Double, "valueOf", MethodTypeDesc.of(CD_Double, CD_double));
      case FUNCREF, EXTERNREF, V128 -> {}
    }
  }

  private void unbox(ValType t) {
    switch (t) {
      case I32 -> {
        cb.checkcast(CD_Integer);
        cb.invokevirtual(CD_Integer, "intValue", MethodTypeDesc.of(CD_int));
      }
      case I64 -> {
        cb.checkcast(CD_Long);
        cb.invokevirtual(CD_Long, "longValue", MethodTypeDesc.of(CD_long));
      }
      case F32 -> {
        cb.checkcast(CD_Float);
        cb.invokevirtual(CD_Float, "floatValue", MethodTypeDesc.of(CD_float));
      }
      case F64 -> {
        cb.checkcast(CD_Double);
        cb.invokevirtual(CD_Double, "doubleValue", MethodTypeDesc.of(CD_double));
      }
      case FUNCREF, EXTERNREF -> {}
      case V128 -> cb.checkcast(SimdEmitter.V128);
    }
  }

  /** After a call: models the results and unpacks several from their {@code Object[]}. */
  private void pushResults(List<ValType> results) {
    if (results.size() > 1) {
      int arr = cb.allocateLocal(TypeKind.REFERENCE);
      cb.astore(arr);
      for (int k = 0; k < results.size(); k++) {
        cb.aload(arr);
        cb.loadConstant(k);
        cb.aaload();
        unbox(results.get(k));
      }
    }
    stack.addAll(results);
  }

  private void pushDepthAndContext() {
    if (polls) {
      cb.lload(budgetSlot);
    } else {
      cb.lconst_0();
    }
    cb.iload(depthSlot);
    cb.iconst_1();
    cb.isub();
    cb.aload(ctxSlot);
  }

  /** Emits {@code if<cond> true; iconst_0; goto end; true: iconst_1; end:} for an i32 boolean result. */
  private void bool(Opcode jumpIfTrue) {
    Label yes = cb.newLabel();
    Label end = cb.newLabel();
    cb.branch(jumpIfTrue, yes);
    cb.iconst_0();
    cb.goto_(end);
    cb.labelBinding(yes);
    cb.iconst_1();
    cb.labelBinding(end);
  }

  private void call(ClassDesc owner, String name, ClassDesc ret, ClassDesc... params) {
    cb.invokestatic(owner, name, MethodTypeDesc.of(ret, params));
  }

  /**
   * Calls the {@link Builtins} method {@code name(operands..., ctx, index)}: the operands are already on the
   * stack; this pushes the instance context and the immediate index.
   */
  private void builtin(String name, int index, ClassDesc ret, ClassDesc... operands) {
    ClassDesc[] params = Arrays.copyOf(operands, operands.length + 2);
    params[operands.length] = CTX;
    params[operands.length + 1] = CD_int;
    cb.aload(ctxSlot);
    cb.loadConstant(index);
    call(BUILTINS, name, ret, params);
  }

  /**
   * The function entry's poll: {@code budget -= weight; if (budget <= 0) budget = fuel.poll(budget)}. (The
   * countdown in an int local instead, which saves a compare, measured worse: fib +18% against +6%, from the
   * conversions at every call.)
   */
  private void poll(int weight) {
    if (!polls) {
      return;
    }
    Label skip = cb.newLabel();
    countDown(weight);
    cb.ifgt(skip);
    slowPoll();
    cb.labelBinding(skip);
  }

  /** {@code budget = fuel.poll(budget)}, then checks that the memory was not replaced. */
  private void slowPoll() {
    loadFuel();
    cb.lload(budgetSlot);
    cb.invokevirtual(FUEL, "poll", MethodTypeDesc.of(CD_long, CD_long));
    cb.lstore(budgetSlot);
    if (memSlot >= 0) {
      // Not a reload: the array must stay loop-invariant for HotSpot to hoist its range checks (measured: a
      // reload here costs 30% on matmul). Only a safepoint handler could have replaced it; that traps.
      cb.aload(memSlot);
      cb.aload(ctxSlot);
      call(BUILTINS, "checkMemoryKept", CD_void, BYTE_ARRAY, CTX);
    }
  }

  /** A loop header's poll whose slow path is emitted after the method's code ({@link #loopPoll}). */
  private record SlowPoll(Label slow, Label loop, Label body, int weight, int offset) {}

  private final List<SlowPoll> slowPolls = new ArrayList<>();

  /** Whether the {@code loop} at {@code position} is a prepaid copy's, which does not poll. */
  private boolean isPrepaidLoop(int position) {
    return loopCopy instanceof PrepaidCopy p && p.loop() == position;
  }

  /**
   * Whether counted loop {@code cl} at {@code at} can be emitted as two copies here: it lies wholly inside the
   * range being emitted, and no outlined region starts or ends inside it (a region's method is emitted once).
   */
  private boolean prepayable(CountedLoop cl, int at, int to) {
    if (cl.end() > to || regionEnd >= at && regionEnd <= cl.end()) {
      return false;
    }
    for (int start : plan.regions().keySet()) {
      if (start >= at && start <= cl.end()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A counted loop ({@link CountedLoop}) with its header polls paid in advance: when the loop is entered, and
   * again every time a chunk of its iterations ends, {@link LoopTrips} computes how many times its header will be
   * entered, and as many as the countdown covers while staying above zero are charged at once and run in a copy
   * of the loop that does not poll, whose exit test compares the variable, signed, against the value it has after
   * those iterations instead of the loop's bound (a signed {@code <} makes it a counted loop for C2, which then
   * removes its range checks and unrolls it). The charges, and where a slow poll (fuel refilled, exhausted, a
   * safepoint) happens, are exactly those of the interpreter's per-iteration polls: a slow poll happens at a
   * chunk's start when the countdown cannot pay for one header; exhausted fuel runs one body, as the
   * interpreter's does, and traps at the next header. Where the trip count is unknown (it would wrap) the loop
   * runs as written, a second copy polling at its header.
   *
   * <p>Why: a poll in a hot loop costs a subtraction, a compare and a live register for the countdown
   * (sieve +15%, matmul +13% against polls off, bench/README.md).
   */
  private void emitCountedLoop(CountedLoop cl, List<Instruction> code, int at) {
    Instruction loop = code.get(at);
    int weight = weights.loopWeights().getOrDefault(at, 1);
    ValType type = cl.wide() ? ValType.I64 : ValType.I32;
    TypeKind kind = cl.wide() ? TypeKind.LONG : TypeKind.INT;
    int trips = cb.allocateLocal(TypeKind.LONG);
    int rest = cb.allocateLocal(TypeKind.LONG);
    int chunkBound = cb.allocateLocal(kind);
    Label polled = cb.newLabel();
    Label polledBody = cb.newLabel();
    Label prepay = cb.newLabel();
    Label after = cb.newLabel();

    Label chunk = cb.newBoundLabel();
    cb.loadConstant(cl.kind());
    loadLocalValue(cl.variable());
    loadOperand(cl.step(), cl.stepIsLocal(), cl.wide());
    loadOperand(cl.bound(), cl.boundIsLocal(), cl.wide());
    ClassDesc t = cl.wide() ? CD_long : CD_int;
    cb.invokestatic(LOOP_TRIPS, cl.wide() ? "i64" : "i32", MethodTypeDesc.of(CD_long, CD_int, t, t, t));
    cb.lstore(trips);
    cb.lload(trips);
    cb.lconst_0();
    cb.lcmp();
    cb.iflt(polled);
    // This header's own poll would take its slow path: take it here, as loopPoll's does.
    cb.lload(budgetSlot);
    cb.loadConstant((long) weight);
    cb.lcmp();
    cb.ifgt(prepay);
    cb.lload(budgetSlot);
    cb.loadConstant((long) weight);
    cb.lsub();
    cb.lstore(budgetSlot);
    Label pollStart = cb.newBoundLabel();
    slowPoll();
    sites.add(new Site(pollStart, cb.newBoundLabel(), loop.offset()));
    cb.lload(budgetSlot);
    cb.lconst_0();
    cb.lcmp();
    cb.ifeq(polledBody);
    cb.lload(budgetSlot);
    cb.loadConstant((long) weight);
    cb.ladd();
    cb.lstore(budgetSlot);

    // budget -= k * weight; rest = trips - k; chunkBound = v + k * step, the value after k steps.
    cb.labelBinding(prepay);
    cb.lload(trips);
    cb.lload(budgetSlot);
    cb.loadConstant(weight);
    cb.loadConstant(cl.kind());
    loadLocalValue(cl.variable());
    loadOperand(cl.step(), cl.stepIsLocal(), cl.wide());
    cb.invokestatic(LOOP_TRIPS, cl.wide() ? "room64" : "room32", MethodTypeDesc.of(CD_long, CD_int, t, t));
    cb.invokestatic(LOOP_TRIPS, "prepaid", MethodTypeDesc.of(CD_long, CD_long, CD_long, CD_int, CD_long));
    int k = cb.allocateLocal(TypeKind.LONG);
    cb.lstore(k);
    // No step fits below the top of the signed range (rare: a variable near 2^31 - 1): as written, from here.
    cb.lload(k);
    cb.lconst_0();
    cb.lcmp();
    cb.ifle(polled);
    cb.lload(budgetSlot);
    cb.lload(k);
    cb.loadConstant((long) weight);
    cb.lmul();
    cb.lsub();
    cb.lstore(budgetSlot);
    cb.lload(trips);
    cb.lload(k);
    cb.lsub();
    cb.lstore(rest);
    loadLocalValue(cl.variable());
    loadOperand(cl.step(), cl.stepIsLocal(), cl.wide());
    cb.lload(k);
    if (cl.wide()) {
      cb.lmul();
      cb.ladd();
    } else {
      cb.l2i();
      cb.imul();
      cb.iadd();
    }
    cb.storeLocal(kind, chunkBound);

    // The copy loops back while v < chunkBound, signed (chunkBound > v with the bound first): every value on the
    // way is below the top of the signed range (LoopTrips.room32), so that is exactly "fewer than k steps taken".
    boolean boundFirst = cl.boundAt() < cl.writeAt();
    OpCode signedLess = cl.wide() ? (boundFirst ? OpCode.I64_GT_S : OpCode.I64_LT_S)
        : (boundFirst ? OpCode.I32_GT_S : OpCode.I32_LT_S);
    loopCopy = new PrepaidCopy(at, cl.boundAt(), chunkBound, type, cl.end() - 2, signedLess);
    emitRange(code, at, cl.end());
    loopCopy = null;
    cb.lload(rest);
    cb.lconst_0();
    cb.lcmp();
    cb.ifgt(chunk);
    cb.goto_(after);

    cb.labelBinding(polled);
    loopCopy = new PolledCopy(at, polledBody);
    emitRange(code, at, cl.end());
    loopCopy = null;
    cb.labelBinding(after);
  }

  private void loadOperand(long value, boolean local, boolean wide) {
    if (local) {
      loadLocalValue((int) value);
    } else if (wide) {
      cb.loadConstant(value);
    } else {
      cb.loadConstant((int) value);
    }
  }

  /**
   * A loop header's poll: {@code budget -= weight; if (budget <= 0) goto slow}, the slow path out of line. The
   * slow path charges through {@link Fuel#poll}, adds the weight back and jumps to the loop's header, which
   * charges it again: so it is a second, cold back-edge of the loop rather than a branch inside its body, and
   * C2 splits such a loop into an inner loop over the hot back-edge, with no call in it, inside an outer loop
   * through the call (measured, CPU time, polls on: sieve 37 to 23 ms, as fast as without polls; matmul, whose
   * outer loops nest two levels, 11.3 to 12.3 ms; using it for innermost loops only left sieve slow in 3 runs of
   * 4). The countdown the poll returns can be 0 (fuel exhausted, charged exactly): the body then runs as the
   * interpreter's would, without a second poll.
   */
  private void loopPoll(Label loop, int weight, int offset, Label body) {
    if (!polls) {
      return;
    }
    Label slow = cb.newLabel();
    countDown(weight);
    cb.ifle(slow);
    cb.labelBinding(body);
    slowPolls.add(new SlowPoll(slow, loop, body, weight, offset));
  }

  /**
   * Whether the loop at {@code position} calls anything: its body has a call on its hot path anyway, and there
   * the slow path as a second back-edge measured worse (fib, whose loop calls itself: +16% against +8%).
   */
  private boolean callsIn(int position) {
    return currentCode.subList(position, CountedLoop.matchingEnd(currentCode, position) + 1).stream()
        .anyMatch(in -> switch (in.opcode()) {
          case CALL, CALL_INDIRECT, RETURN_CALL, RETURN_CALL_INDIRECT -> true;
          default -> false;
        });
  }

  /** The slow paths of the method's loop polls ({@link #loopPoll}), each with its trap site. */
  private void emitSlowPolls() {
    for (SlowPoll p : slowPolls) {
      cb.labelBinding(p.slow());
      slowPoll();
      Label end = cb.newBoundLabel();
      sites.add(new Site(p.slow(), end, p.offset()));
      cb.lload(budgetSlot);
      cb.lconst_0();
      cb.lcmp();
      cb.ifeq(p.body());
      cb.lload(budgetSlot);
      cb.loadConstant((long) p.weight());
      cb.ladd();
      cb.lstore(budgetSlot);
      cb.goto_(p.loop());
    }
    slowPolls.clear();
  }

  /** {@code budget -= weight}, leaving the sign of the result for an {@code if<cond>}. */
  private void countDown(int weight) {
    cb.lload(budgetSlot);
    cb.loadConstant((long) weight);
    cb.lsub();
    cb.dup2();
    cb.lstore(budgetSlot);
    cb.lconst_0();
    cb.lcmp();
  }

  private void loadFuel() {
    cb.aload(ctxSlot);
    cb.getfield(CTX, "fuel", FUEL);
  }

  /** Before a call or return: the callee (or caller) continues the countdown from the shared object. */
  private void saveBudget() {
    if (polls) {
      loadFuel();
      cb.lload(budgetSlot);
      cb.putfield(FUEL, "budget", CD_long);
    }
  }

  /** After a call: the countdown as the callee left it. */
  private void loadBudget() {
    if (polls) {
      loadFuel();
      cb.getfield(FUEL, "budget", CD_long);
      cb.lstore(budgetSlot);
    }
  }

  private void pushMemory(int memory) {
    if (memory == 0 && memSlot >= 0) {
      cb.aload(memSlot);
    } else if (memory == 0) {
      // Not cached (usesMemory0 found no access): correct, only slower.
      cb.aload(ctxSlot);
      cb.getfield(CTX, "memory0", MEMORY);
      cb.invokevirtual(MEMORY, "bytes", MethodTypeDesc.of(BYTE_ARRAY));
    } else {
      cb.aload(ctxSlot);
      cb.loadConstant(memory);
      call(BUILTINS, "bytes", BYTE_ARRAY, CTX, CD_int);
    }
  }

  /** A load: {@code [addr] -> [value]} through {@code Builtins.<name>(int, byte[], int)}. */
  private void load(Immediate.MemArg m, String name, ValType result) {
    pop();
    if (m.offset() > Integer.MAX_VALUE) {
      // No memory reaches 2^31 bytes: the access is out of bounds whatever the address.
      cb.pop();
      cb.invokestatic(BUILTINS, "outOfBounds", MethodTypeDesc.of(TRAP));
      cb.athrow();
    } else {
      pushMemory(m.memory());
      cb.loadConstant((int) m.offset());
      call(BUILTINS, name, Descriptors.desc(result), CD_int, BYTE_ARRAY, CD_int);
    }
    push(result);
  }

  /** A store: {@code [addr value] -> []} through {@code Builtins.<name>(int, T, byte[], int)}. */
  private void store(Immediate.MemArg m, String name) {
    ValType value = pop();
    pop();
    if (m.offset() > Integer.MAX_VALUE) {
      popValue(value);
      cb.pop();
      cb.invokestatic(BUILTINS, "outOfBounds", MethodTypeDesc.of(TRAP));
      cb.athrow();
    } else {
      pushMemory(m.memory());
      cb.loadConstant((int) m.offset());
      call(BUILTINS, name, CD_void, CD_int, Descriptors.desc(value), BYTE_ARRAY, CD_int);
    }
  }

  private static int index(Immediate imm) {
    return ((Immediate.Index) imm).index();
  }

  private void emit(Instruction in, int position, Ctl top) {
    OpCode op = in.opcode();
    Immediate imm = in.immediate();
    switch (op) {
      case NOP -> {}
      case UNREACHABLE -> {
        cb.invokestatic(BUILTINS, "unreachable", MethodTypeDesc.of(TRAP));
        cb.athrow();
        setUnreachable(top);
      }
      case BLOCK -> push(BLOCK, ((Immediate.Block) imm).type());
      case LOOP -> {
        Ctl loop = push(LOOP, ((Immediate.Block) imm).type());
        cb.labelBinding(loop.label);
        int weight = weights.loopWeights().getOrDefault(position, 1);
        if (isPrepaidLoop(position)) {
          // Its header's fuel is paid before it ({@link #emitCountedLoop}).
        } else if (callsIn(position)) {
          poll(weight);
        } else {
          loopPoll(loop.label, weight, in.offset(),
              loopCopy instanceof PolledCopy p && p.loop() == position ? p.body() : cb.newLabel());
        }
      }
      case IF -> {
        pop();
        Ctl c = push(IF, ((Immediate.Block) imm).type());
        c.elseLabel = cb.newLabel();
        cb.ifeq(c.elseLabel);
      }
      case ELSE -> {
        if (!top.unreachable) {
          cb.goto_(top.label);
        }
        cb.labelBinding(top.elseLabel);
        top.hasElse = true;
        resetTo(top, top.params);
        top.unreachable = false;
      }
      case END -> {
        ctls.removeLast();
        if (top.kind == FUNC) {
          if (!top.unreachable) {
            emitReturn();
          }
          return;
        }
        if (top.kind == IF && !top.hasElse) {
          cb.labelBinding(top.elseLabel);
        }
        if (top.kind != LOOP) {
          cb.labelBinding(top.label);
        }
        resetTo(top, top.results);
      }
      case BR -> {
        branch(ctls.get(ctls.size() - 1 - index(imm)));
        setUnreachable(top);
      }
      case BR_IF -> {
        pop();
        Ctl target = ctls.get(ctls.size() - 1 - index(imm));
        if (needsMove(target)) {
          Label skip = cb.newLabel();
          cb.ifeq(skip);
          branch(target);
          cb.labelBinding(skip);
        } else {
          cb.ifne(target.label);
        }
      }
      case BR_TABLE -> {
        pop();
        brTable((Immediate.BrTable) imm);
        setUnreachable(top);
      }
      case RETURN -> {
        emitReturn();
        setUnreachable(top);
      }
      case CALL, RETURN_CALL -> {
        int f = index(imm);
        FuncType t = functionTypes.get(f);
        for (int k = 0; k < t.params().size(); k++) {
          pop();
        }
        if (op == OpCode.RETURN_CALL && f >= module.importedFunctionCount()) {
          pendTailCall(t, () -> cb.loadConstant(f));
          setUnreachable(top);
          break;
        }
        if (f < module.importedFunctionCount()) {
          // A host function or another tier ignores the budget argument: it reads the shared countdown.
          saveBudget();
        }
        pushDepthAndContext();
        if (f >= module.importedFunctionCount() && packs(t, polls)) {
          cb.invokestatic(self, bodyName(f, t, polls), packedDesc(t));
          if (t.results().isEmpty()) {
            cb.loadConstant(32);
            cb.lshr();
            cb.lstore(budgetSlot);
          } else {
            cb.dup2();
            cb.loadConstant(32);
            cb.lshr();
            cb.lstore(budgetSlot);
            cb.l2i();
          }
        } else {
          cb.invokestatic(self, methodName(f), Descriptors.function(t));
          loadBudget();
        }
        pushResults(t.results());
        reloadMemory();
        if (op == OpCode.RETURN_CALL) {
          // To an import: a call, then a return (TailCalls).
          emitReturn();
          setUnreachable(top);
        }
      }
      case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
        Immediate.CallIndirect ci = (Immediate.CallIndirect) imm;
        FuncType t = module.types().get(ci.typeIndex());
        pop();
        for (int k = 0; k < t.params().size(); k++) {
          pop();
        }
        if (op == OpCode.RETURN_CALL_INDIRECT) {
          // A function of this instance becomes a pending tail call; anything else, or a trap, takes the
          // call_indirect path below, then returns (TailCalls).
          int element = cb.allocateLocal(TypeKind.INT);
          cb.istore(element);
          cb.iload(element);
          cb.aload(ctxSlot);
          cb.loadConstant(ci.tableIndex());
          cb.loadConstant(ci.typeIndex());
          cb.invokestatic(BUILTINS, "indirectOwn", MethodTypeDesc.of(CD_int, CD_int, CTX, CD_int, CD_int));
          int target = cb.allocateLocal(TypeKind.INT);
          cb.istore(target);
          Label general = cb.newLabel();
          cb.iload(target);
          cb.iflt(general);
          pendTailCall(t, () -> cb.iload(target));
          cb.labelBinding(general);
          cb.iload(element);
        }
        indirectTypes.add(ci.typeIndex());
        saveBudget();
        pushDepthAndContext();
        cb.loadConstant(ci.tableIndex());
        cb.invokestatic(self, indirectName(ci.typeIndex()), indirectDesc(t));
        loadBudget();
        pushResults(t.results());
        reloadMemory();
        if (op == OpCode.RETURN_CALL_INDIRECT) {
          emitReturn();
          setUnreachable(top);
        }
      }
      case DROP -> popValue(pop());
      case SELECT, SELECT_T -> {
        pop();
        ValType t = pop();
        pop();
        Label keepFirst = cb.newLabel();
        Label end = cb.newLabel();
        cb.ifne(keepFirst);
        if (Descriptors.slots(t) == 2) {
          cb.dup2_x2();
          cb.pop2();
          cb.pop2();
        } else {
          cb.swap();
          cb.pop();
        }
        cb.goto_(end);
        cb.labelBinding(keepFirst);
        popValue(t);
        cb.labelBinding(end);
        push(t);
      }
      case LOCAL_GET -> {
        int l = index(imm);
        loadLocalValue(l);
        push(localType[l]);
      }
      case LOCAL_SET -> {
        int l = index(imm);
        pop();
        storeLocalValue(l);
      }
      case LOCAL_TEE -> {
        int l = index(imm);
        if (Descriptors.slots(localType[l]) == 2) {
          cb.dup2();
        } else {
          cb.dup();
        }
        storeLocalValue(l);
      }
      case GLOBAL_GET -> {
        int g = index(imm);
        ValType t = module.globalSpace().get(g).type();
        cb.aload(ctxSlot);
        cb.loadConstant(g);
        call(t == ValType.V128 ? SimdEmitter.SIMD : BUILTINS, "global" + suffix(t), Descriptors.desc(t), CTX,
            CD_int);
        push(t);
      }
      case GLOBAL_SET -> {
        int g = index(imm);
        ValType t = pop();
        cb.aload(ctxSlot);
        cb.loadConstant(g);
        call(t == ValType.V128 ? SimdEmitter.SIMD : BUILTINS, "setGlobal" + suffix(t), CD_void, Descriptors.desc(t),
            CTX, CD_int);
      }
      case TABLE_GET -> {
        pop();
        int t = index(imm);
        builtin("tableGet", t, CD_Object, CD_int);
        push(module.tableSpace().get(t).elementType());
      }
      case TABLE_SET -> {
        pop();
        pop();
        builtin("tableSet", index(imm), CD_void, CD_int, CD_Object);
      }
      case I32_LOAD -> load(mem(imm), "i32Load", ValType.I32);
      case I64_LOAD -> load(mem(imm), "i64Load", ValType.I64);
      case F32_LOAD -> load(mem(imm), "f32Load", ValType.F32);
      case F64_LOAD -> load(mem(imm), "f64Load", ValType.F64);
      case I32_LOAD8_S -> load(mem(imm), "i32Load8S", ValType.I32);
      case I32_LOAD8_U -> load(mem(imm), "i32Load8U", ValType.I32);
      case I32_LOAD16_S -> load(mem(imm), "i32Load16S", ValType.I32);
      case I32_LOAD16_U -> load(mem(imm), "i32Load16U", ValType.I32);
      case I64_LOAD8_S -> load(mem(imm), "i64Load8S", ValType.I64);
      case I64_LOAD8_U -> load(mem(imm), "i64Load8U", ValType.I64);
      case I64_LOAD16_S -> load(mem(imm), "i64Load16S", ValType.I64);
      case I64_LOAD16_U -> load(mem(imm), "i64Load16U", ValType.I64);
      case I64_LOAD32_S -> load(mem(imm), "i64Load32S", ValType.I64);
      case I64_LOAD32_U -> load(mem(imm), "i64Load32U", ValType.I64);
      case I32_STORE -> store(mem(imm), "i32Store");
      case I64_STORE -> store(mem(imm), "i64Store");
      case F32_STORE -> store(mem(imm), "f32Store");
      case F64_STORE -> store(mem(imm), "f64Store");
      case I32_STORE8 -> store(mem(imm), "i32Store8");
      case I32_STORE16 -> store(mem(imm), "i32Store16");
      case I64_STORE8 -> store(mem(imm), "i64Store8");
      case I64_STORE16 -> store(mem(imm), "i64Store16");
      case I64_STORE32 -> store(mem(imm), "i64Store32");
      case MEMORY_SIZE -> {
        builtin("memorySize", index(imm), CD_int);
        push(ValType.I32);
      }
      case MEMORY_GROW -> {
        builtin("memoryGrow", index(imm), CD_int, CD_int);
        reloadMemory();
      }
      case I32_CONST -> {
        cb.loadConstant(((Immediate.I32) imm).value());
        push(ValType.I32);
      }
      case I64_CONST -> {
        cb.loadConstant(((Immediate.I64) imm).value());
        push(ValType.I64);
      }
      case F32_CONST -> {
        // Through the bits, so that every NaN payload survives (HotSpot folds the call).
        cb.loadConstant(((Immediate.F32) imm).bits());
        call(CD_Float, "intBitsToFloat", CD_float, CD_int);
        push(ValType.F32);
      }
      case F64_CONST -> {
        cb.loadConstant(((Immediate.F64) imm).bits());
        call(CD_Double, "longBitsToDouble", CD_double, CD_long);
        push(ValType.F64);
      }
      case REF_NULL -> {
        cb.aconst_null();
        push(((Immediate.RefType) imm).type());
      }
      case REF_IS_NULL -> {
        pop();
        bool(Opcode.IFNULL);
        push(ValType.I32);
      }
      case REF_FUNC -> {
        builtin("refFunc", index(imm), CD_Object);
        push(ValType.FUNCREF);
      }
      case MEMORY_INIT -> {
        var p = (Immediate.Pair) imm;
        bulk("memoryInit", p.first(), p.second());
      }
      case MEMORY_COPY -> {
        var p = (Immediate.Pair) imm;
        bulk("memoryCopy", p.first(), p.second());
      }
      case MEMORY_FILL -> {
        pop();
        pop();
        pop();
        builtin("memoryFill", index(imm), CD_void, CD_int, CD_int, CD_int);
        reloadMemory();
      }
      case DATA_DROP -> {
        builtin("dataDrop", index(imm), CD_void);
      }
      case TABLE_INIT -> {
        var p = (Immediate.Pair) imm;
        bulk("tableInit", p.first(), p.second());
      }
      case TABLE_COPY -> {
        var p = (Immediate.Pair) imm;
        bulk("tableCopy", p.first(), p.second());
      }
      case ELEM_DROP -> {
        builtin("elemDrop", index(imm), CD_void);
      }
      case TABLE_GROW -> {
        pop();
        pop();
        builtin("tableGrow", index(imm), CD_int, CD_Object, CD_int);
        push(ValType.I32);
      }
      case TABLE_SIZE -> {
        builtin("tableSize", index(imm), CD_int);
        push(ValType.I32);
      }
      case TABLE_FILL -> {
        pop();
        pop();
        pop();
        builtin("tableFill", index(imm), CD_void, CD_int, CD_Object, CD_int);
        reloadMemory();
      }
      default -> {
        if (op.prefix() == 0xFD) {
          simdInstruction(in);
          return;
        }
        numeric(op);
      }
    }
  }

  /** SIMD instructions ({@link SimdEmitter}): all have fixed signatures. */
  private void simdInstruction(Instruction in) {
    OpCode.Signature sig = in.opcode().signature();
    for (int k = 0; k < sig.params().size(); k++) {
      pop();
    }
    simd.emit(cb, in, this::pushMemory);
    stack.addAll(sig.results());
  }

  private static Immediate.MemArg mem(Immediate imm) {
    return (Immediate.MemArg) imm;
  }

  /** {@code [i32 i32 i32] -> []} bulk operations with two constant indices; they poll, so memory is re-read. */
  private void bulk(String name, int first, int second) {
    pop();
    pop();
    pop();
    cb.aload(ctxSlot);
    cb.loadConstant(first);
    cb.loadConstant(second);
    call(BUILTINS, name, CD_void, CD_int, CD_int, CD_int, CTX, CD_int, CD_int);
    reloadMemory();
  }

  private static String suffix(ValType t) {
    return switch (t) {
      case I32 -> "I32";
      case I64 -> "I64";
      case F32 -> "F32";
      case F64 -> "F64";
      case FUNCREF, EXTERNREF -> "Ref";
      case V128 -> "V128";
    };
  }

  private void brTable(Immediate.BrTable t) {
    int[] labels = t.labels();
    Ctl dflt = ctls.get(ctls.size() - 1 - t.defaultLabel());
    if (labels.length == 0) {
      cb.pop();
      branch(dflt);
      return;
    }
    boolean direct = !needsMove(dflt);
    for (int l : labels) {
      direct &= !needsMove(ctls.get(ctls.size() - 1 - l));
    }
    if (direct) {
      List<SwitchCase> cases = new ArrayList<>();
      for (int k = 0; k < labels.length; k++) {
        cases.add(SwitchCase.of(k, ctls.get(ctls.size() - 1 - labels[k]).label));
      }
      cb.tableswitch(0, labels.length - 1, dflt.label, cases);
      return;
    }
    // Some target needs values moved: one trampoline per distinct target does it, then jumps.
    Map<Ctl, Label> trampolines = new LinkedHashMap<>();
    List<SwitchCase> cases = new ArrayList<>();
    for (int k = 0; k < labels.length; k++) {
      Ctl target = ctls.get(ctls.size() - 1 - labels[k]);
      cases.add(SwitchCase.of(k, trampolines.computeIfAbsent(target, x -> cb.newLabel())));
    }
    Label dfltLabel = trampolines.computeIfAbsent(dflt, x -> cb.newLabel());
    cb.tableswitch(0, labels.length - 1, dfltLabel, cases);
    trampolines.forEach((target, label) -> {
      cb.labelBinding(label);
      branch(target);
    });
  }

  /** Numeric instructions: fixed signatures from the opcode table. */
  private void numeric(OpCode op) {
    OpCode.Signature sig = op.signature();
    if (sig == null) {
      throw new UnsupportedOperationException("instruction " + op.textName());
    }
    for (int k = 0; k < sig.params().size(); k++) {
      pop();
    }
    switch (op) {
      case I32_EQZ, I32_EQ, I32_NE, I32_LT_S, I32_GT_S, I32_LE_S, I32_GE_S, I32_LT_U, I32_GT_U, I32_LE_U,
          I32_GE_U, I64_EQZ, I64_EQ, I64_NE, I64_LT_S, I64_GT_S, I64_LE_S, I64_GE_S, I64_LT_U, I64_GT_U, I64_LE_U,
          I64_GE_U, F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE, F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE,
          F64_GE -> bool(compare(op));
      case I32_CLZ -> call(CD_Integer, "numberOfLeadingZeros", CD_int, CD_int);
      case I32_CTZ -> call(CD_Integer, "numberOfTrailingZeros", CD_int, CD_int);
      case I32_POPCNT -> call(CD_Integer, "bitCount", CD_int, CD_int);
      case I32_ADD -> cb.iadd();
      case I32_SUB -> cb.isub();
      case I32_MUL -> cb.imul();
      case I32_DIV_S -> call(I32_OPS, "divS", CD_int, CD_int, CD_int);
      case I32_DIV_U -> call(I32_OPS, "divU", CD_int, CD_int, CD_int);
      case I32_REM_S -> call(I32_OPS, "remS", CD_int, CD_int, CD_int);
      case I32_REM_U -> call(I32_OPS, "remU", CD_int, CD_int, CD_int);
      case I32_AND -> cb.iand();
      case I32_OR -> cb.ior();
      case I32_XOR -> cb.ixor();
      // The JVM masks shift counts to 5 (6) bits, as Wasm does.
      case I32_SHL -> cb.ishl();
      case I32_SHR_S -> cb.ishr();
      case I32_SHR_U -> cb.iushr();
      case I32_ROTL -> call(CD_Integer, "rotateLeft", CD_int, CD_int, CD_int);
      case I32_ROTR -> call(CD_Integer, "rotateRight", CD_int, CD_int, CD_int);
      case I64_CLZ -> {
        call(CD_Long, "numberOfLeadingZeros", CD_int, CD_long);
        cb.i2l();
      }
      case I64_CTZ -> {
        call(CD_Long, "numberOfTrailingZeros", CD_int, CD_long);
        cb.i2l();
      }
      case I64_POPCNT -> {
        call(CD_Long, "bitCount", CD_int, CD_long);
        cb.i2l();
      }
      case I64_ADD -> cb.ladd();
      case I64_SUB -> cb.lsub();
      case I64_MUL -> cb.lmul();
      case I64_DIV_S -> call(I64_OPS, "divS", CD_long, CD_long, CD_long);
      case I64_DIV_U -> call(I64_OPS, "divU", CD_long, CD_long, CD_long);
      case I64_REM_S -> call(I64_OPS, "remS", CD_long, CD_long, CD_long);
      case I64_REM_U -> call(I64_OPS, "remU", CD_long, CD_long, CD_long);
      case I64_AND -> cb.land();
      case I64_OR -> cb.lor();
      case I64_XOR -> cb.lxor();
      case I64_SHL -> {
        cb.l2i();
        cb.lshl();
      }
      case I64_SHR_S -> {
        cb.l2i();
        cb.lshr();
      }
      case I64_SHR_U -> {
        cb.l2i();
        cb.lushr();
      }
      case I64_ROTL -> {
        cb.l2i();
        call(CD_Long, "rotateLeft", CD_long, CD_long, CD_int);
      }
      case I64_ROTR -> {
        cb.l2i();
        call(CD_Long, "rotateRight", CD_long, CD_long, CD_int);
      }
      case F32_ABS -> call(FLOAT_OPS, "f32Abs", CD_float, CD_float);
      case F32_NEG -> call(FLOAT_OPS, "f32Neg", CD_float, CD_float);
      case F32_CEIL -> call(FLOAT_OPS, "f32Ceil", CD_float, CD_float);
      case F32_FLOOR -> call(FLOAT_OPS, "f32Floor", CD_float, CD_float);
      case F32_TRUNC -> call(FLOAT_OPS, "f32Trunc", CD_float, CD_float);
      case F32_NEAREST -> call(FLOAT_OPS, "f32Nearest", CD_float, CD_float);
      case F32_SQRT -> call(FLOAT_OPS, "f32Sqrt", CD_float, CD_float);
      case F32_ADD -> cb.fadd();
      case F32_SUB -> cb.fsub();
      case F32_MUL -> cb.fmul();
      case F32_DIV -> cb.fdiv();
      case F32_MIN -> call(FLOAT_OPS, "f32Min", CD_float, CD_float, CD_float);
      case F32_MAX -> call(FLOAT_OPS, "f32Max", CD_float, CD_float, CD_float);
      case F32_COPYSIGN -> call(FLOAT_OPS, "f32Copysign", CD_float, CD_float, CD_float);
      case F64_ABS -> call(FLOAT_OPS, "f64Abs", CD_double, CD_double);
      case F64_NEG -> call(FLOAT_OPS, "f64Neg", CD_double, CD_double);
      case F64_CEIL -> call(FLOAT_OPS, "f64Ceil", CD_double, CD_double);
      case F64_FLOOR -> call(FLOAT_OPS, "f64Floor", CD_double, CD_double);
      case F64_TRUNC -> call(FLOAT_OPS, "f64Trunc", CD_double, CD_double);
      case F64_NEAREST -> call(FLOAT_OPS, "f64Nearest", CD_double, CD_double);
      case F64_SQRT -> call(FLOAT_OPS, "f64Sqrt", CD_double, CD_double);
      case F64_ADD -> cb.dadd();
      case F64_SUB -> cb.dsub();
      case F64_MUL -> cb.dmul();
      case F64_DIV -> cb.ddiv();
      case F64_MIN -> call(FLOAT_OPS, "f64Min", CD_double, CD_double, CD_double);
      case F64_MAX -> call(FLOAT_OPS, "f64Max", CD_double, CD_double, CD_double);
      case F64_COPYSIGN -> call(FLOAT_OPS, "f64Copysign", CD_double, CD_double, CD_double);
      case I32_WRAP_I64 -> cb.l2i();
      case I32_TRUNC_F32_S -> call(CONVERSIONS, "i32TruncF32S", CD_int, CD_float);
      case I32_TRUNC_F32_U -> call(CONVERSIONS, "i32TruncF32U", CD_int, CD_float);
      case I32_TRUNC_F64_S -> call(CONVERSIONS, "i32TruncF64S", CD_int, CD_double);
      case I32_TRUNC_F64_U -> call(CONVERSIONS, "i32TruncF64U", CD_int, CD_double);
      case I64_EXTEND_I32_S -> cb.i2l();
      case I64_EXTEND_I32_U -> call(CD_Integer, "toUnsignedLong", CD_long, CD_int);
      case I64_TRUNC_F32_S -> call(CONVERSIONS, "i64TruncF32S", CD_long, CD_float);
      case I64_TRUNC_F32_U -> call(CONVERSIONS, "i64TruncF32U", CD_long, CD_float);
      case I64_TRUNC_F64_S -> call(CONVERSIONS, "i64TruncF64S", CD_long, CD_double);
      case I64_TRUNC_F64_U -> call(CONVERSIONS, "i64TruncF64U", CD_long, CD_double);
      case F32_CONVERT_I32_S -> cb.i2f();
      case F32_CONVERT_I32_U -> call(CONVERSIONS, "f32ConvertI32U", CD_float, CD_int);
      case F32_CONVERT_I64_S -> cb.l2f();
      case F32_CONVERT_I64_U -> call(CONVERSIONS, "f32ConvertI64U", CD_float, CD_long);
      case F32_DEMOTE_F64 -> cb.d2f();
      case F64_CONVERT_I32_S -> cb.i2d();
      case F64_CONVERT_I32_U -> call(CONVERSIONS, "f64ConvertI32U", CD_double, CD_int);
      case F64_CONVERT_I64_S -> cb.l2d();
      case F64_CONVERT_I64_U -> call(CONVERSIONS, "f64ConvertI64U", CD_double, CD_long);
      case F64_PROMOTE_F32 -> cb.f2d();
      case I32_REINTERPRET_F32 -> call(CD_Float, "floatToRawIntBits", CD_int, CD_float);
      case I64_REINTERPRET_F64 -> call(CD_Double, "doubleToRawLongBits", CD_long, CD_double);
      case F32_REINTERPRET_I32 -> call(CD_Float, "intBitsToFloat", CD_float, CD_int);
      case F64_REINTERPRET_I64 -> call(CD_Double, "longBitsToDouble", CD_double, CD_long);
      case I32_EXTEND8_S -> cb.i2b();
      case I32_EXTEND16_S -> cb.i2s();
      case I64_EXTEND8_S -> {
        cb.l2i();
        cb.i2b();
        cb.i2l();
      }
      case I64_EXTEND16_S -> {
        cb.l2i();
        cb.i2s();
        cb.i2l();
      }
      case I64_EXTEND32_S -> {
        cb.l2i();
        cb.i2l();
      }
      case I32_TRUNC_SAT_F32_S -> call(CONVERSIONS, "i32TruncSatF32S", CD_int, CD_float);
      case I32_TRUNC_SAT_F32_U -> call(CONVERSIONS, "i32TruncSatF32U", CD_int, CD_float);
      case I32_TRUNC_SAT_F64_S -> call(CONVERSIONS, "i32TruncSatF64S", CD_int, CD_double);
      case I32_TRUNC_SAT_F64_U -> call(CONVERSIONS, "i32TruncSatF64U", CD_int, CD_double);
      case I64_TRUNC_SAT_F32_S -> call(CONVERSIONS, "i64TruncSatF32S", CD_long, CD_float);
      case I64_TRUNC_SAT_F32_U -> call(CONVERSIONS, "i64TruncSatF32U", CD_long, CD_float);
      case I64_TRUNC_SAT_F64_S -> call(CONVERSIONS, "i64TruncSatF64S", CD_long, CD_double);
      case I64_TRUNC_SAT_F64_U -> call(CONVERSIONS, "i64TruncSatF64U", CD_long, CD_double);
      default -> throw new UnsupportedOperationException("instruction " + op.textName());
    }
    stack.addAll(sig.results());
  }

  /** Comparisons that produce an i32 boolean: JVM conditional branches (see {@link #compare}). */
  static boolean isCompare(OpCode op) {
    return switch (op) {
      case I32_EQZ, I32_EQ, I32_NE, I32_LT_S, I32_GT_S, I32_LE_S, I32_GE_S, I32_LT_U, I32_GT_U, I32_LE_U,
          I32_GE_U, I64_EQZ, I64_EQ, I64_NE, I64_LT_S, I64_GT_S, I64_LE_S, I64_GE_S, I64_LT_U, I64_GT_U, I64_LE_U,
          I64_GE_U, F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE, F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE,
          F64_GE -> true;
      default -> false;
    };
  }

  /**
   * Emits what a comparison needs before its conditional branch (an unsigned compare, {@code lcmp}, {@code
   * fcmpl/g}) and returns the branch opcode that jumps when the comparison is true. NaN: fcmpl gives -1 and
   * fcmpg 1, chosen so that every ordered comparison with NaN is false.
   */
  private Opcode compare(OpCode op) {
    return switch (op) {
      case I32_EQZ -> Opcode.IFEQ;
      case I32_EQ -> Opcode.IF_ICMPEQ;
      case I32_NE -> Opcode.IF_ICMPNE;
      case I32_LT_S -> Opcode.IF_ICMPLT;
      case I32_GT_S -> Opcode.IF_ICMPGT;
      case I32_LE_S -> Opcode.IF_ICMPLE;
      case I32_GE_S -> Opcode.IF_ICMPGE;
      case I32_LT_U -> unsignedInt(Opcode.IFLT);
      case I32_GT_U -> unsignedInt(Opcode.IFGT);
      case I32_LE_U -> unsignedInt(Opcode.IFLE);
      case I32_GE_U -> unsignedInt(Opcode.IFGE);
      case I64_EQZ -> {
        cb.lconst_0();
        cb.lcmp();
        yield Opcode.IFEQ;
      }
      case I64_EQ -> longCompare(Opcode.IFEQ);
      case I64_NE -> longCompare(Opcode.IFNE);
      case I64_LT_S -> longCompare(Opcode.IFLT);
      case I64_GT_S -> longCompare(Opcode.IFGT);
      case I64_LE_S -> longCompare(Opcode.IFLE);
      case I64_GE_S -> longCompare(Opcode.IFGE);
      case I64_LT_U -> unsignedLong(Opcode.IFLT);
      case I64_GT_U -> unsignedLong(Opcode.IFGT);
      case I64_LE_U -> unsignedLong(Opcode.IFLE);
      case I64_GE_U -> unsignedLong(Opcode.IFGE);
      case F32_EQ -> floatCompare(Opcode.FCMPL, Opcode.IFEQ);
      case F32_NE -> floatCompare(Opcode.FCMPL, Opcode.IFNE);
      case F32_LT -> floatCompare(Opcode.FCMPG, Opcode.IFLT);
      case F32_GT -> floatCompare(Opcode.FCMPL, Opcode.IFGT);
      case F32_LE -> floatCompare(Opcode.FCMPG, Opcode.IFLE);
      case F32_GE -> floatCompare(Opcode.FCMPL, Opcode.IFGE);
      case F64_EQ -> floatCompare(Opcode.DCMPL, Opcode.IFEQ);
      case F64_NE -> floatCompare(Opcode.DCMPL, Opcode.IFNE);
      case F64_LT -> floatCompare(Opcode.DCMPG, Opcode.IFLT);
      case F64_GT -> floatCompare(Opcode.DCMPL, Opcode.IFGT);
      case F64_LE -> floatCompare(Opcode.DCMPG, Opcode.IFLE);
      case F64_GE -> floatCompare(Opcode.DCMPL, Opcode.IFGE);
      default -> throw new IllegalArgumentException("not a comparison: " + op);
    };
  }

  /** The branch that jumps exactly when {@code cond} does not, on the same operands. */
  private static Opcode negate(Opcode cond) {
    return switch (cond) {
      case IFEQ -> Opcode.IFNE;
      case IFNE -> Opcode.IFEQ;
      case IFLT -> Opcode.IFGE;
      case IFGE -> Opcode.IFLT;
      case IFGT -> Opcode.IFLE;
      case IFLE -> Opcode.IFGT;
      case IF_ICMPEQ -> Opcode.IF_ICMPNE;
      case IF_ICMPNE -> Opcode.IF_ICMPEQ;
      case IF_ICMPLT -> Opcode.IF_ICMPGE;
      case IF_ICMPGE -> Opcode.IF_ICMPLT;
      case IF_ICMPGT -> Opcode.IF_ICMPLE;
      case IF_ICMPLE -> Opcode.IF_ICMPGT;
      default -> throw new IllegalArgumentException("not a conditional branch: " + cond);
    };
  }

  /**
   * A comparison followed by {@code br_if} or {@code if}: one JVM conditional branch instead of materialising
   * the boolean and testing it (smaller methods, which HotSpot inlines more readily).
   */
  private void fusedCompare(Instruction cmp, Instruction next, Ctl top) {
    OpCode op = cmp.opcode();
    for (int k = 0; k < op.signature().params().size(); k++) {
      pop();
    }
    Opcode cond = compare(op);
    if (next.opcode() == OpCode.BR_IF) {
      Ctl target = ctls.get(ctls.size() - 1 - index(next.immediate()));
      if (needsMove(target)) {
        Label skip = cb.newLabel();
        cb.branch(negate(cond), skip);
        branch(target);
        cb.labelBinding(skip);
      } else if (target.kind == LOOP && op != OpCode.I32_EQZ && isUnaryBranch(cond)) {
        // A loop's back-edge on a three-way value (Integer.compareUnsigned, lcmp, dcmpg): branching back on it
        // directly leaves the value on the operand stack at the back-edge, where C2 puts its safepoint poll, so
        // the -1/0/1 was computed on every iteration for the poll's debug state (disassembly: setne, movzbl)
        // besides the real compare. Out of the loop forward, back with a goto (javac's shape): nothing is on
        // the stack there, and C2 folds the three-way compare into the branch (JMH, polls on / off: fib 7.55 / 6.86
        // to 6.07 / 4.92 ms, sieve 22.4 / 23.5 to 20.4 / 17.6 ms).
        Label stay = cb.newLabel();
        cb.branch(negate(cond), stay);
        cb.goto_(target.label);
        cb.labelBinding(stay);
      } else {
        cb.branch(cond, target.label);
      }
    } else {
      Ctl c = push(IF, ((Immediate.Block) next.immediate()).type());
      c.elseLabel = cb.newLabel();
      cb.branch(negate(cond), c.elseLabel);
    }
  }

  private static boolean isUnaryBranch(Opcode cond) {
    return switch (cond) {
      case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE -> true;
      default -> false;
    };
  }

  private Opcode unsignedInt(Opcode cond) {
    call(CD_Integer, "compareUnsigned", CD_int, CD_int, CD_int);
    return cond;
  }

  private Opcode unsignedLong(Opcode cond) {
    call(CD_Long, "compareUnsigned", CD_int, CD_long, CD_long);
    return cond;
  }

  private Opcode longCompare(Opcode cond) {
    cb.lcmp();
    return cond;
  }

  private Opcode floatCompare(Opcode compare, Opcode cond) {
    cb.with(java.lang.classfile.instruction.OperatorInstruction.of(compare));
    return cond;
  }
}
