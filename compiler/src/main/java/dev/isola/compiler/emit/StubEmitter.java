package dev.isola.compiler.emit;

import static dev.isola.compiler.emit.Descriptors.BUILTINS;
import static dev.isola.compiler.emit.Descriptors.CTX;
import static dev.isola.compiler.emit.Descriptors.FUEL;
import static dev.isola.compiler.emit.Descriptors.TAIL;
import static dev.isola.compiler.emit.FunctionEmitter.bodyDesc;
import static dev.isola.compiler.emit.FunctionEmitter.bodyName;
import static dev.isola.compiler.emit.FunctionEmitter.codeName;
import static dev.isola.compiler.emit.FunctionEmitter.indirectDesc;
import static dev.isola.compiler.emit.FunctionEmitter.indirectName;
import static dev.isola.compiler.emit.FunctionEmitter.methodName;
import static dev.isola.compiler.emit.FunctionEmitter.packedDesc;
import static dev.isola.compiler.emit.FunctionEmitter.packs;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The generated class's methods that hold no Wasm code of their own, only the glue between conventions: an
 * import's {@code f<i>} (the handle resolved at link time), a {@code call_indirect} type's {@code ci<t>}, a packed
 * function's {@code f<i>} (unpacks {@code g<i>}'s countdown), and the tail-call trampolines and bounces
 * ({@link TailCalls}). Apart from {@link FunctionEmitter}, which emits the bodies, because none of it depends on a
 * body's state (operand stack, labels, locals): each method here is whole from its type alone.
 */
final class StubEmitter {
  private static final ClassDesc METHOD_HANDLE = ClassDesc.of("java.lang.invoke.MethodHandle");
  private static final ClassDesc ILLEGAL_STATE = ClassDesc.of("java.lang.IllegalStateException");
  private static final int STATIC = AccessFlag.STATIC.mask();

  private final WasmModule module;
  private final ClassDesc self;
  private final boolean polls;
  private final List<FuncType> functionTypes;
  private final TailCalls tails;

  StubEmitter(WasmModule module, ClassDesc self, boolean polls, TailCalls tails) {
    this.module = module;
    this.self = self;
    this.polls = polls;
    this.functionTypes = module.functionSpaceTypes();
    this.tails = tails;
  }

  /** {@code f<i>} for an imported function: invokes the handle resolved at link time. */
  void emitImportStub(ClassBuilder clb, int index) {
    FuncType type = functionTypes.get(index);
    MethodTypeDesc desc = Descriptors.function(type);
    clb.withMethodBody(methodName(index), desc, STATIC, c -> {
      int n = type.params().size();
      c.aload(c.parameterSlot(n + 2));
      c.getfield(CTX, "imports", METHOD_HANDLE.arrayType());
      c.loadConstant(index);
      c.aaload();
      for (int i = 0; i < n + 3; i++) {
        c.loadLocal(TypeKind.from(desc.parameterType(i)), c.parameterSlot(i));
      }
      c.invokevirtual(METHOD_HANDLE, "invokeExact", desc);
      c.return_(TypeKind.from(desc.returnType()));
    });
  }

  /**
   * {@code ci<t>(P.., int element, long budget, int depth, ctx, int table)}: {@code call_indirect} of type
   * {@code t}; the element, type check and target come from {@link Builtins#indirect}.
   */
  void emitIndirectStub(ClassBuilder clb, int typeIndex) {
    FuncType type = module.types().get(typeIndex);
    MethodTypeDesc target = Descriptors.function(type);
    int n = type.params().size();
    MethodTypeDesc desc = indirectDesc(type);
    List<Integer> direct = directTargets(type);
    clb.withMethodBody(indirectName(typeIndex), desc, STATIC, c -> {
      if (!direct.isEmpty()) {
        // A function of this instance: a switch on its index to an invokestatic, which HotSpot can inline, instead
        // of an opaque invokeExact. Anything else (other instances, hosts, traps) takes the general path below.
        Label general = c.newLabel();
        c.iload(c.parameterSlot(n));
        c.aload(c.parameterSlot(n + 3));
        c.iload(c.parameterSlot(n + 4));
        c.loadConstant(typeIndex);
        c.invokestatic(BUILTINS, "indirectOwn", MethodTypeDesc.of(CD_int, CD_int, CTX, CD_int, CD_int));
        List<SwitchCase> cases = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int f : direct) {
          Label l = c.newLabel();
          labels.add(l);
          cases.add(SwitchCase.of(f, l));
        }
        c.lookupswitch(general, cases);
        for (int k = 0; k < direct.size(); k++) {
          c.labelBinding(labels.get(k));
          forwardArguments(c, desc, n);
          c.invokestatic(self, methodName(direct.get(k)), target);
          c.return_(TypeKind.from(desc.returnType()));
        }
        c.labelBinding(general);
      }
      c.iload(c.parameterSlot(n));
      c.aload(c.parameterSlot(n + 3));
      c.iload(c.parameterSlot(n + 4));
      c.loadConstant(typeIndex);
      c.invokestatic(BUILTINS, "indirect",
          MethodTypeDesc.of(METHOD_HANDLE, CD_int, CTX, CD_int, CD_int));
      forwardArguments(c, desc, n);
      c.invokevirtual(METHOD_HANDLE, "invokeExact", target);
      c.return_(TypeKind.from(desc.returnType()));
    });
  }

  /** Loads an indirect stub's {@code n} wasm arguments, budget, depth and context: the callee's parameters. */
  private static void forwardArguments(CodeBuilder c, MethodTypeDesc desc, int n) {
    for (int i = 0; i < n; i++) {
      c.loadLocal(TypeKind.from(desc.parameterType(i)), c.parameterSlot(i));
    }
    c.lload(c.parameterSlot(n + 1));
    c.iload(c.parameterSlot(n + 2));
    c.aload(c.parameterSlot(n + 3));
  }

  /** At most this many direct targets per {@code call_indirect} type: the stub stays small enough to inline. */
  private static final int DIRECT_TARGETS = 32;

  private java.util.BitSet declared;

  /**
   * The defined functions of {@code type} that can be in a table (named by an element segment or {@code
   * ref.func}), if at most {@link #DIRECT_TARGETS}; else none, and every call takes the general path.
   */
  private List<Integer> directTargets(FuncType type) {
    if (declared == null) {
      declared = TailCalls.declared(module);
    }
    List<Integer> out = new ArrayList<>();
    for (int f = declared.nextSetBit(module.importedFunctionCount()); f >= 0; f = declared.nextSetBit(f + 1)) {
      if (f < functionTypes.size() && functionTypes.get(f).equals(type)) {
        out.add(f);
      }
    }
    return out.size() <= DIRECT_TARGETS ? out : List.of();
  }

  /** {@code f<i>} of a packed function: calls {@code g<i>}, stores the countdown, returns the result. */
  void emitUnpackStub(CodeBuilder c, int index, FuncType type) {
    MethodTypeDesc desc = Descriptors.function(type);
    int n = type.params().size();
    for (int i = 0; i < n + 3; i++) {
      c.loadLocal(TypeKind.from(desc.parameterType(i)), c.parameterSlot(i));
    }
    c.invokestatic(self, bodyName(index, type, polls), packedDesc(type));
    int packed = c.allocateLocal(TypeKind.LONG);
    c.lstore(packed);
    c.aload(c.parameterSlot(n + 2));
    c.getfield(CTX, "fuel", FUEL);
    c.lload(packed);
    c.loadConstant(32);
    c.lshr();
    c.putfield(FUEL, "budget", CD_long);
    if (type.results().isEmpty()) {
      c.return_();
    } else {
      c.lload(packed);
      c.l2i();
      c.ireturn();
    }
  }

  /**
   * The trampoline of a function that makes tail calls ({@link TailCalls}): runs its body ({@code t<i>}), then,
   * while a tail call is pending, the callee's body through the bounce method of its results, in this frame.
   * The countdown goes from one body to the next as across a call: packed with the result, or through {@link
   * Fuel#budget}.
   */
  void emitTrampoline(CodeBuilder c, int index, FuncType type) {
    MethodTypeDesc desc = bodyDesc(type, polls);
    int n = type.params().size();
    int depth = c.parameterSlot(n + 1);
    int ctx = c.parameterSlot(n + 2);
    for (int i = 0; i < n + 3; i++) {
      c.loadLocal(TypeKind.from(desc.parameterType(i)), c.parameterSlot(i));
    }
    c.invokestatic(self, codeName(index, type, polls, true), desc);
    TypeKind kind = TypeKind.from(desc.returnType());
    int result = kind == TypeKind.VOID ? -1 : c.allocateLocal(kind);
    if (result >= 0) {
      c.storeLocal(kind, result);
    }
    Label loop = c.newBoundLabel();
    Label done = c.newLabel();
    c.aload(ctx);
    c.getfield(CTX, "tailTarget", CD_int);
    c.iflt(done);
    if (packs(type, polls)) {
      c.lload(result);
      c.loadConstant(32);
      c.lshr();
    } else if (polls) {
      c.aload(ctx);
      c.getfield(CTX, "fuel", FUEL);
      c.getfield(FUEL, "budget", CD_long);
    } else {
      c.lconst_0();
    }
    c.iload(depth);
    c.aload(ctx);
    c.invokestatic(self, tails.bounceName(type.results()), bounceDesc(type.results()));
    if (result >= 0) {
      c.storeLocal(kind, result);
    }
    c.goto_(loop);
    c.labelBinding(done);
    if (result >= 0) {
      c.loadLocal(kind, result);
    }
    c.return_(kind);
  }

  /** {@code b<k>(long budget, int depth, ctx)}, returning what the bodies of functions with these results do. */
  private MethodTypeDesc bounceDesc(List<ValType> results) {
    return MethodTypeDesc.of(bodyDesc(new FuncType(List.of(), results), polls).returnType(), CD_long, CD_int, CTX);
  }

  /** The bounce methods, one per result list of the functions that make tail calls ({@link TailCalls}). */
  void emitBounces(ClassBuilder clb) {
    for (List<ValType> results : tails.resultLists()) {
      clb.withMethodBody(tails.bounceName(results), bounceDesc(results), STATIC, c -> emitBounce(c, results));
    }
  }

  /**
   * Takes the pending tail call and runs its callee's body: an invokestatic for the functions the module's tail
   * calls name or its tables can hold (up to a limit), else, by the callee's type, the body's handle.
   */
  private void emitBounce(CodeBuilder c, List<ValType> results) {
    int depth = c.parameterSlot(1);
    int ctx = c.parameterSlot(2);
    TypeKind kind = TypeKind.from(bounceDesc(results).returnType());
    c.aload(ctx);
    c.invokestatic(TAIL, "take", MethodTypeDesc.of(CD_int, CTX));
    int target = c.allocateLocal(TypeKind.INT);
    c.istore(target);
    Label general = c.newLabel();
    List<Integer> direct = List.copyOf(tails.directTargets(results));
    List<SwitchCase> cases = newCases(c, direct);
    c.iload(target);
    c.lookupswitch(general, cases);
    for (int k = 0; k < direct.size(); k++) {
      int f = direct.get(k);
      FuncType t = functionTypes.get(f);
      c.labelBinding(cases.get(k).target());
      loadTailArguments(c, t, ctx);
      c.iload(depth);
      c.aload(ctx);
      c.invokestatic(self, codeName(f, t, polls, tails.isCaller(f)), bodyDesc(t, polls));
      c.return_(kind);
    }
    c.labelBinding(general);
    Label unexpected = c.newLabel();
    List<Integer> types = List.copyOf(tails.indirectTypes(results));
    List<SwitchCase> byType = newCases(c, types);
    c.aload(ctx);
    c.getfield(CTX, "tailType", CD_int);
    c.lookupswitch(unexpected, byType);
    for (int k = 0; k < types.size(); k++) {
      FuncType t = module.types().get(types.get(k));
      c.labelBinding(byType.get(k).target());
      c.aload(ctx);
      c.iload(target);
      c.invokestatic(TAIL, "body", MethodTypeDesc.of(METHOD_HANDLE, CTX, CD_int));
      loadTailArguments(c, t, ctx);
      c.iload(depth);
      c.aload(ctx);
      c.invokevirtual(METHOD_HANDLE, "invokeExact", bodyDesc(t, polls));
      c.return_(kind);
    }
    c.labelBinding(unexpected);
    c.iload(target);
    c.invokestatic(TAIL, "unexpected", MethodTypeDesc.of(ILLEGAL_STATE, CD_int));
    c.athrow();
  }

  /** A switch case with a fresh label for each key. */
  private static List<SwitchCase> newCases(CodeBuilder c, List<Integer> keys) {
    return keys.stream().map(k -> SwitchCase.of(k, c.newLabel())).toList();
  }

  /** The pending call's arguments as {@code t}'s parameters, then its countdown (the bounce's first parameter). */
  private static void loadTailArguments(CodeBuilder c, FuncType t, int ctx) {
    for (int k = 0; k < t.params().size(); k++) {
      ValType p = t.params().get(k);
      c.aload(ctx);
      c.loadConstant(k);
      switch (p) {
        case I32, I64, F32, F64 -> c.invokestatic(TAIL, p.name().toLowerCase(Locale.ROOT),
            MethodTypeDesc.of(Descriptors.desc(p), CTX, CD_int));
        case FUNCREF, EXTERNREF, V128 -> {
          c.invokestatic(TAIL, "ref", MethodTypeDesc.of(CD_Object, CTX, CD_int));
          if (!Descriptors.desc(p).equals(CD_Object)) {
            c.checkcast(Descriptors.desc(p));
          }
        }
      }
    }
    c.lload(c.parameterSlot(0));
  }
}
