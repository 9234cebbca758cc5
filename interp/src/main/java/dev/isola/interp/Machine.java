package dev.isola.interp;

import dev.isola.runtime.Function;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Memory;
import dev.isola.runtime.Store;
import dev.isola.runtime.Table;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.runtime.WasmFunction;
import dev.isola.runtime.ops.F64Ops;
import dev.isola.runtime.ops.I32Ops;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One thread's interpreter: its value stack, its frame stack and the dispatch loop.
 *
 * <p>{@link #run} is one big method on purpose: the operand stack pointer, frame pointer, pc, code array and
 * the cached memory array must live in JVM locals (registers) for the loop to be fast, and only one method can
 * own them. Its size is budgeted: HotSpot does not JIT-compile methods over 8,000 bytes of bytecode ({@code
 * DontCompileHugeMethods}), and stops inlining callees once the method plus what it inlined reaches 8,000
 * bytes ({@code DesiredMethodLimit}), after which even a one-line helper or record accessor becomes a real
 * call on every instruction that uses it. So the loop holds control flow, variables, memory access and the
 * common integer and float arithmetic, written without small helpers (address checks inline, float bits
 * through the JDK's intrinsics, {@link CompiledFunction} fields read directly); calls are set up out of line
 * ({@link #call}, {@link #tailCall}); everything else is a stack transformation in {@link RareOps#exec}.
 * {@code DispatchLoopSizeTest} guards the size.
 *
 * <p>Re-entrancy: a host function may call back into Wasm on the same thread. The nested invocation starts at
 * {@link #top}, which the loop sets to its stack pointer before leaving for the host, and may grow the stack
 * arrays; the loop re-reads them afterwards.
 */
final class Machine {
  private static final ThreadLocal<Machine> CURRENT = ThreadLocal.withInitial(Machine::new);

  static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  long[] stack = new long[1024];
  Object[] refs = new Object[1024];
  /** First free slot: where a nested invocation puts its frame. */
  int top;
  /** Wasm frames active on this thread, across nested invocations. */
  int depth;
  /** Saved caller state; entry {@code d} belongs to the frame that made the call at depth {@code d}. */
  private CompiledFunction[] frameCode = new CompiledFunction[64];
  private InstanceState[] frameState = new InstanceState[64];
  private int[] framePc = new int[64];
  private int[] frameFp = new int[64];
  /** Second result of {@link #resolveIndirect}: the callee's instance. */
  private InstanceState indirectState;

  static Machine current() {
    return CURRENT.get();
  }

  Value[] invoke(InstanceState st, CompiledFunction fn, Value[] args) {
    int savedTop = top;
    int savedDepth = depth;
    if (depth >= st.module.maxCallDepth()) {
      throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
    }
    int fp = top;
    ensureStack(fp + fn.maxSlots);
    int slot = fp;
    for (Value v : args) {
      if (v instanceof Value.V128 w) {
        stack[slot] = w.low();
        refs[slot++] = null;
        stack[slot] = w.high();
        refs[slot++] = null;
      } else {
        stack[slot] = v.raw();
        refs[slot++] = v.ref();
      }
    }
    try {
      depth++;
      run(st, fn, fp);
      return results(fn.type, fp);
    } catch (StackOverflowError e) {
      // Only host code between nested invocations recurses in Java; the limit is the thread's stack.
      throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
    } finally {
      top = savedTop;
      depth = savedDepth;
    }
  }

  private Value[] results(FuncType type, int at) {
    Value[] out = new Value[type.results().size()];
    for (int i = 0; i < out.length; i++) {
      ValType t = type.results().get(i);
      if (t == ValType.V128) {
        out[i] = Value.v128(stack[at], stack[at + 1]);
        at += 2;
      } else {
        out[i] = Value.fromRaw(t, stack[at], refs[at]);
        at++;
      }
    }
    return out;
  }

  void ensureStack(int needed) {
    if (needed > stack.length) {
      int size = Math.max(needed, stack.length * 2);
      stack = Arrays.copyOf(stack, size);
      refs = Arrays.copyOf(refs, size);
    }
  }

  /**
   * Pushes the caller's frame and lays out the callee's: arguments are already the top {@code paramSlots} of
   * the caller's operands; declared locals are zeroed above them. Returns the callee's frame pointer.
   */
  private int enter(CompiledFunction caller, InstanceState callerState, int callerPc, int callerFp,
                    CompiledFunction callee, int sp) {
    int d = depth;
    if (d >= callerState.module.maxCallDepth()) {
      throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
    }
    if (d >= frameCode.length) {
      int n = Math.max(d + 1, frameCode.length * 2);
      frameCode = Arrays.copyOf(frameCode, n);
      frameState = Arrays.copyOf(frameState, n);
      framePc = Arrays.copyOf(framePc, n);
      frameFp = Arrays.copyOf(frameFp, n);
    }
    frameCode[d] = caller;
    frameState[d] = callerState;
    framePc[d] = callerPc;
    frameFp[d] = callerFp;
    depth = d + 1;
    int fp = sp - callee.paramSlots;
    layout(callee, fp, sp);
    return fp;
  }

  /** Makes room for {@code fn}'s frame at {@code fp} and zeroes its declared locals. */
  private void layout(CompiledFunction fn, int fp, int sp) {
    ensureStack(fp + fn.maxSlots);
    int end = fp + fn.localSlots;
    long[] st = stack;
    Object[] rf = refs;
    // A loop: frames have few locals, and two Arrays.fill calls cost more than the stores.
    for (int i = sp; i < end; i++) {
      st[i] = 0L;
      rf[i] = null;
    }
  }

  /**
   * Calls a function that cannot run in the loop (a host function, or another tier's code) with its
   * arguments on top of the stack; returns the new stack pointer, past its results.
   */
  private int callOut(Function f, InstanceState st, int sp) {
    FuncType type = f.type();
    int at = sp - CompiledFunction.slots(type.params());
    int resultSlots = CompiledFunction.slots(type.results());
    top = Math.max(sp, at + resultSlots);
    if (f instanceof HostFunction h) {
      long[] before = stack;
      Object[] beforeRefs = refs;
      h.invoke(st.instance.caller(), before, beforeRefs, at);
      if (stack != before) {
        // A nested invocation grew the stack while the host wrote its results into the old one.
        System.arraycopy(before, at, stack, at, resultSlots);
        System.arraycopy(beforeRefs, at, refs, at, resultSlots);
      }
    } else {
      Value[] args = new Value[type.params().size()];
      int slot = at;
      for (int i = 0; i < args.length; i++) {
        ValType t = type.params().get(i);
        if (t == ValType.V128) {
          args[i] = Value.v128(stack[slot], stack[slot + 1]);
          slot += 2;
        } else {
          args[i] = Value.fromRaw(t, stack[slot], refs[slot]);
          slot++;
        }
      }
      Value[] results = f.call(args);
      ensureStack(at + resultSlots);
      slot = at;
      for (Value v : results) {
        if (v instanceof Value.V128 w) {
          stack[slot++] = w.low();
          stack[slot++] = w.high();
        } else {
          stack[slot] = v.raw();
          refs[slot++] = v.ref();
        }
      }
    }
    return at + resultSlots;
  }

  /**
   * Resolves {@code call_indirect}'s target: traps as the spec says, then returns the callee's code (with its
   * instance in {@link #indirectState}) or null if it must be called through {@link #callOut}.
   */
  private CompiledFunction resolveIndirect(InstanceState st, Table table, int typeIndex, int index) {
    if (Integer.compareUnsigned(index, table.size()) >= 0) {
      throw new Trap(TrapKind.UNDEFINED_ELEMENT);
    }
    Object o = table.get(index);
    if (o == null) {
      throw new Trap(TrapKind.UNINITIALIZED_ELEMENT);
    }
    Function f = (Function) o;
    if (f instanceof WasmFunction w && w.instance().tierState() instanceof InstanceState other) {
      CompiledFunction c = other.calleeCode[w.index()];
      if (c != null) {
        if (c.typeId != st.typeIds[typeIndex]) {
          throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        indirectState = other.calleeState[w.index()];
        return c;
      }
    }
    if (st.typeIdOf(f) != st.typeIds[typeIndex]) {
      throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
    }
    return null;
  }

  /**
   * Results of {@link #call} and {@link #tailCall}: the callee entered, or the stack pointer after an outside call
   * and the pc after the call's operands.
   */
  private CompiledFunction nextCode;
  private InstanceState nextState;
  private int nextSp;
  private int nextFp;
  private int nextPc;

  /**
   * {@code call} or {@code call_indirect} with operands at {@code code[pc]}: pushes the caller's frame and lays
   * out the callee's, returning true ({@link #nextCode}, {@link #nextState}, {@link #nextFp}); or, for a callee
   * outside the loop, calls it and returns false ({@link #nextSp} past its results, {@link #nextPc}). The tail
   * calls go to {@link #tailCall}: one case in the loop for all four saves its bytecode budget.
   */
  private boolean call(int op, CompiledFunction fn, InstanceState st, int[] code, int pc, int fp, int sp) {
    if (op == Op.RETURN_CALL || op == Op.RETURN_CALL_INDIRECT) {
      nextPc = pc + (op == Op.RETURN_CALL ? 1 : 2);
      return tailCall(op, st, code, pc, fp, sp);
    }
    CompiledFunction callee;
    InstanceState next;
    if (op == Op.CALL) {
      int fi = code[pc];
      callee = st.calleeCode[fi];
      pc++;
      if (callee == null) {
        nextSp = callOut(st.functions[fi], st, sp);
        nextPc = pc;
        return false;
      }
      next = st.calleeState[fi];
    } else {
      Table table = st.tables[code[pc + 1]];
      int index = (int) stack[--sp];
      callee = resolveIndirect(st, table, code[pc], index);
      pc += 2;
      if (callee == null) {
        nextSp = callOut((Function) table.get(index), st, sp);
        nextPc = pc;
        return false;
      }
      next = indirectState;
    }
    nextFp = enter(fn, st, pc, fp, callee, sp);
    nextCode = callee;
    nextState = next;
    return true;
  }

  /**
   * {@code return_call} or {@code return_call_indirect} with operands at {@code code[pc]}: replaces the frame
   * at {@code fp} by the callee's and returns true ({@link #nextCode}, {@link #nextState}, {@link #nextFp} =
   * {@code fp}), or, for a callee
   * outside the loop, calls it and returns false ({@link #nextSp} past its results).
   */
  private boolean tailCall(int op, InstanceState st, int[] code, int pc, int fp, int sp) {
    CompiledFunction callee;
    InstanceState next;
    Function out;
    if (op == Op.RETURN_CALL) {
      int fi = code[pc];
      callee = st.calleeCode[fi];
      next = st.calleeState[fi];
      out = st.functions[fi];
    } else {
      Table table = st.tables[code[pc + 1]];
      int index = (int) stack[--sp];
      callee = resolveIndirect(st, table, code[pc], index);
      next = indirectState;
      out = callee == null ? (Function) table.get(index) : null;
    }
    if (callee == null) {
      nextSp = callOut(out, st, sp);
      return false;
    }
    int n = callee.paramSlots;
    System.arraycopy(stack, sp - n, stack, fp, n);
    System.arraycopy(refs, sp - n, refs, fp, n);
    layout(callee, fp, fp + n);
    nextFp = fp;
    nextCode = callee;
    nextState = next;
    return true;
  }

  /** Charges the fuel consumed since the last poll when an invocation returns, so the store's count is exact. */
  private void finish(Store store, long consumed, int sp) {
    if (consumed > 0 && store.fuel() != Long.MAX_VALUE) {
      poll(store, consumed, sp);
    }
  }

  /** The slow path of a safepoint poll; the caller re-reads the stack arrays and memory afterwards. */
  private long poll(Store store, long consumed, int sp) {
    top = sp;
    return store.safepoint(consumed);
  }

  /** Moves the top {@code count} slots down by {@code drop}; counts are small, so a loop beats arraycopy. */
  private static void move(long[] s, Object[] r, int sp, int count, int drop) {
    for (int i = sp - count; i < sp; i++) {
      s[i - drop] = s[i];
      r[i - drop] = r[i];
    }
  }

  /**
   * Runs {@code fn} (arguments at {@code fp}, frame already counted in {@link #depth}) until it returns; its
   * results are then at {@code fp}. The loop is large on purpose: see the class comment.
   */
  void run(InstanceState st, CompiledFunction fn, int fp) {
    final int base = depth;
    final Store store = st.instance.store();
    int sp = fp + fn.paramSlots;
    layout(fn, fp, sp);
    sp = fp + fn.localSlots;
    long[] s = stack;
    Object[] r = refs;
    int[] code = fn.code;
    int pc = 0;
    Memory memory = st.memory;
    byte[] mem = memory == null ? null : memory.bytes();
    long allotted = 0;
    long budget = 0;
    try {
      if ((budget -= fn.entryWeight) <= 0) {
        allotted = budget = poll(store, allotted - budget, sp);
        s = stack;
        r = refs;
        mem = memory == null ? null : memory.bytes();
      }
      while (true) {
        int op = code[pc++];
        switch (op) {
          case Op.NOP -> {}
          case Op.BR -> pc = code[pc];
          case Op.BR_MOVE -> {
            int drop = code[pc + 2];
            move(s, r, sp, code[pc + 1], drop);
            sp -= drop;
            pc = code[pc];
          }
          case Op.BR_IF -> pc = (int) s[--sp] != 0 ? code[pc] : pc + 1;
          case Op.BR_IF_MOVE -> {
            if ((int) s[--sp] != 0) {
              int drop = code[pc + 2];
              move(s, r, sp, code[pc + 1], drop);
              sp -= drop;
              pc = code[pc];
            } else {
              pc += 3;
            }
          }
          case Op.BR_TABLE -> {
            int n = code[pc];
            int i = (int) s[--sp];
            if (Integer.compareUnsigned(i, n) > 0) {
              i = n;
            }
            int e = pc + 1 + 3 * i;
            int drop = code[e + 2];
            if (drop != 0) {
              move(s, r, sp, code[e + 1], drop);
              sp -= drop;
            }
            pc = code[e];
          }
          case Op.JUMP_IF_ZERO -> pc = (int) s[--sp] == 0 ? code[pc] : pc + 1;
          case Op.LOOP_POLL -> {
            if ((budget -= code[pc++]) <= 0) {
              allotted = budget = poll(store, allotted - budget, sp);
              s = stack;
              r = refs;
              mem = memory == null ? null : memory.bytes();
            }
          }
          case Op.RETURN -> {
            int n = fn.resultSlots;
            for (int i = 0, from = sp - n; i < n; i++) {
              s[fp + i] = s[from + i];
              r[fp + i] = r[from + i];
            }
            sp = fp + n;
            if (depth == base) {
              finish(store, allotted - budget, sp);
              return;
            }
            int d = --depth;
            fn = frameCode[d];
            st = frameState[d];
            pc = framePc[d];
            fp = frameFp[d];
            frameCode[d] = null;
            frameState[d] = null;
            code = fn.code;
            memory = st.memory;
            mem = memory == null ? null : memory.bytes();
          }
          case Op.CALL, Op.CALL_INDIRECT, Op.RETURN_CALL, Op.RETURN_CALL_INDIRECT -> {
            // The work is out of line (keeping this loop small enough to inline what matters); the loop
            // only reloads its state. A tail call outside the loop is followed by the RETURN the pre-decoder
            // put next, which returns its results.
            if (call(op, fn, st, code, pc, fp, sp)) {
              fn = nextCode;
              st = nextState;
              fp = nextFp;
              code = fn.code;
              pc = 0;
              sp = fp + fn.localSlots;
              if ((budget -= fn.entryWeight) <= 0) {
                allotted = budget = poll(store, allotted - budget, sp);
              }
            } else {
              pc = nextPc;
              sp = nextSp;
            }
            s = stack;
            r = refs;
            memory = st.memory;
            mem = memory == null ? null : memory.bytes();
          }
          case Op.DROP -> sp -= code[pc++];
          case Op.SELECT -> {
            sp -= 2;
            if ((int) s[sp + 1] == 0) {
              s[sp - 1] = s[sp];
            }
          }
          case Op.LOCAL_GET -> s[sp++] = s[fp + code[pc++]];
          case Op.LOCAL_SET -> s[fp + code[pc++]] = s[--sp];
          case Op.LOCAL_TEE -> s[fp + code[pc++]] = s[sp - 1];
          case Op.GLOBAL_GET -> s[sp++] = st.globals[code[pc++]].raw();
          case Op.GLOBAL_SET -> st.globals[code[pc++]].setRaw(s[--sp]);
          case Op.I32_CONST, Op.F32_CONST -> s[sp++] = code[pc++];
          case Op.I64_CONST, Op.F64_CONST -> {
            s[sp++] = (code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32);
            pc += 2;
          }
          // Memory: the JVM's own range check on mem (or the VarHandle's) becomes the trap, see the catch. The
          // 16-bit forms and i64.load32_u, rare in hot code, are in RareOps, to leave bytecode budget for fusions.
          // i32.load puts the int in its slot sign-extended: exactly what i64.load32_s needs.
          case Op.I32_LOAD, Op.F32_LOAD, Op.I64_LOAD32_S -> {
            int ab = (int) s[sp - 1];
            int ea = ab + code[pc++];
            s[sp - 1] = (int) INT.get(mem, (ea | ((ab | ea) >> 31)));
          }
          case Op.I64_LOAD, Op.F64_LOAD -> {
            int ab = (int) s[sp - 1];
            int ea = ab + code[pc++];
            s[sp - 1] = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
          }
          case Op.I32_LOAD8_S, Op.I64_LOAD8_S -> {
            int ab = (int) s[sp - 1];
            int ea = ab + code[pc++];
            s[sp - 1] = mem[(ea | ((ab | ea) >> 31))];
          }
          case Op.I32_LOAD8_U, Op.I64_LOAD8_U -> {
            int ab = (int) s[sp - 1];
            int ea = ab + code[pc++];
            s[sp - 1] = mem[(ea | ((ab | ea) >> 31))] & 0xFF;
          }
          case Op.I32_STORE, Op.F32_STORE, Op.I64_STORE32 -> {
            sp -= 2;
            int ab = (int) s[sp];
            int ea = ab + code[pc++];
            INT.set(mem, (ea | ((ab | ea) >> 31)), (int) s[sp + 1]);
          }
          case Op.I64_STORE, Op.F64_STORE -> {
            sp -= 2;
            int ab = (int) s[sp];
            int ea = ab + code[pc++];
            LONG.set(mem, (ea | ((ab | ea) >> 31)), s[sp + 1]);
          }
          case Op.I32_STORE8, Op.I64_STORE8 -> {
            sp -= 2;
            int ab = (int) s[sp];
            int ea = ab + code[pc++];
            mem[(ea | ((ab | ea) >> 31))] = (byte) s[sp + 1];
          }
          case Op.I32_EQZ -> s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0;
          case Op.I32_EQ -> s[--sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0;
          case Op.I32_NE -> s[--sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0;
          case Op.I32_LT_S -> s[--sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0;
          case Op.I32_LT_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0;
          case Op.I32_GT_S -> s[--sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0;
          case Op.I32_GT_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0;
          case Op.I32_LE_S -> s[--sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0;
          case Op.I32_LE_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0;
          case Op.I32_GE_S -> s[--sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0;
          case Op.I32_GE_U -> s[--sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0;
          case Op.I32_ADD -> s[--sp - 1] = (int) s[sp - 1] + (int) s[sp];
          case Op.I32_SUB -> s[--sp - 1] = (int) s[sp - 1] - (int) s[sp];
          case Op.I32_MUL -> s[--sp - 1] = (int) s[sp - 1] * (int) s[sp];
          case Op.I32_DIV_U -> s[--sp - 1] = I32Ops.divU((int) s[sp - 1], (int) s[sp]);
          case Op.I32_REM_U -> s[--sp - 1] = I32Ops.remU((int) s[sp - 1], (int) s[sp]);
          case Op.I32_AND -> s[--sp - 1] = (int) s[sp - 1] & (int) s[sp];
          case Op.I32_OR -> s[--sp - 1] = (int) s[sp - 1] | (int) s[sp];
          case Op.I32_XOR -> s[--sp - 1] = (int) s[sp - 1] ^ (int) s[sp];
          case Op.I32_SHL -> s[--sp - 1] = (int) s[sp - 1] << (int) s[sp];
          case Op.I32_SHR_S -> s[--sp - 1] = (int) s[sp - 1] >> (int) s[sp];
          case Op.I32_SHR_U -> s[--sp - 1] = (int) s[sp - 1] >>> (int) s[sp];

          case Op.I64_EQZ -> s[sp - 1] = s[sp - 1] == 0 ? 1 : 0;
          case Op.I64_EQ -> s[--sp - 1] = s[sp - 1] == s[sp] ? 1 : 0;
          case Op.I64_NE -> s[--sp - 1] = s[sp - 1] != s[sp] ? 1 : 0;
          case Op.I64_LT_S -> s[--sp - 1] = s[sp - 1] < s[sp] ? 1 : 0;
          case Op.I64_LT_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) < 0 ? 1 : 0;
          case Op.I64_GT_S -> s[--sp - 1] = s[sp - 1] > s[sp] ? 1 : 0;
          case Op.I64_GT_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) > 0 ? 1 : 0;
          case Op.I64_LE_S -> s[--sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0;
          case Op.I64_LE_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0;
          case Op.I64_GE_S -> s[--sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0;
          case Op.I64_GE_U -> s[--sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0;
          case Op.I64_ADD -> s[--sp - 1] = s[sp - 1] + s[sp];
          case Op.I64_SUB -> s[--sp - 1] = s[sp - 1] - s[sp];
          case Op.I64_MUL -> s[--sp - 1] = s[sp - 1] * s[sp];
          case Op.I64_AND -> s[--sp - 1] = s[sp - 1] & s[sp];
          case Op.I64_OR -> s[--sp - 1] = s[sp - 1] | s[sp];
          case Op.I64_XOR -> s[--sp - 1] = s[sp - 1] ^ s[sp];
          case Op.I64_SHL -> s[--sp - 1] = s[sp - 1] << s[sp];
          case Op.I64_SHR_S -> s[--sp - 1] = s[sp - 1] >> s[sp];
          case Op.I64_SHR_U -> s[--sp - 1] = s[sp - 1] >>> s[sp];
          case Op.I32_WRAP_I64 -> s[sp - 1] = (int) s[sp - 1];
          case Op.I64_EXTEND_I32_S -> s[sp - 1] = (int) s[sp - 1];
          case Op.I64_EXTEND_I32_U -> s[sp - 1] = s[sp - 1] & 0xFFFF_FFFFL;

          case Op.F32_ADD -> s[--sp - 1] = Float.floatToRawIntBits(
              Float.intBitsToFloat((int) s[sp - 1]) + Float.intBitsToFloat((int) s[sp]));
          case Op.F32_SUB -> s[--sp - 1] = Float.floatToRawIntBits(
              Float.intBitsToFloat((int) s[sp - 1]) - Float.intBitsToFloat((int) s[sp]));
          case Op.F32_MUL -> s[--sp - 1] = Float.floatToRawIntBits(
              Float.intBitsToFloat((int) s[sp - 1]) * Float.intBitsToFloat((int) s[sp]));
          case Op.F32_DIV -> s[--sp - 1] = Float.floatToRawIntBits(
              Float.intBitsToFloat((int) s[sp - 1]) / Float.intBitsToFloat((int) s[sp]));
          case Op.F64_ADD -> s[--sp - 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[sp]));
          case Op.F64_SUB -> s[--sp - 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(s[sp - 1]) - Double.longBitsToDouble(s[sp]));
          case Op.F64_MUL -> s[--sp - 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(s[sp]));
          case Op.F64_DIV -> s[--sp - 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(s[sp - 1]) / Double.longBitsToDouble(s[sp]));
          case Op.F64_LT -> s[--sp - 1] = Double.longBitsToDouble(s[sp - 1]) < Double.longBitsToDouble(s[sp]) ? 1 : 0;
          case Op.F64_GT -> s[--sp - 1] = Double.longBitsToDouble(s[sp - 1]) > Double.longBitsToDouble(s[sp]) ? 1 : 0;


          // Super-instructions (SuperInstructions.fuse).
          case Op.LG_LG -> {
            s[sp] = s[fp + code[pc]];
            s[sp + 1] = s[fp + code[pc + 1]];
            sp += 2;
            pc += 2;
          }
          case Op.LG_C -> {
            s[sp] = s[fp + code[pc]];
            s[sp + 1] = code[pc + 1];
            sp += 2;
            pc += 2;
          }
          case Op.I32_ADD_LL -> {
            s[sp++] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]];
            pc += 2;
          }
          case Op.I32_ADD_LC -> {
            s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
            pc += 2;
          }
          case Op.I32_SUB_LC -> {
            s[sp++] = (int) s[fp + code[pc]] - code[pc + 1];
            pc += 2;
          }
          case Op.I32_AND_LC -> {
            s[sp++] = (int) s[fp + code[pc]] & code[pc + 1];
            pc += 2;
          }
          case Op.I32_ADD_C -> s[sp - 1] = (int) s[sp - 1] + code[pc++];
          case Op.I32_SUB_C -> s[sp - 1] = (int) s[sp - 1] - code[pc++];
          case Op.I32_AND_C -> s[sp - 1] = (int) s[sp - 1] & code[pc++];
          case Op.I32_SHL_C -> s[sp - 1] = (int) s[sp - 1] << code[pc++];
          case Op.I32_SHR_U_C -> s[sp - 1] = (int) s[sp - 1] >>> code[pc++];
          case Op.I32_LOAD_L -> {
            int ab = (int) s[fp + code[pc]];
            int ea = ab + code[pc + 1];
            s[sp++] = (int) INT.get(mem, (ea | ((ab | ea) >> 31)));
            pc += 2;
          }
          case Op.I32_STORE_L -> {
            int ab = (int) s[--sp];
            int ea = ab + code[pc + 1];
            INT.set(mem, (ea | ((ab | ea) >> 31)), (int) s[fp + code[pc]]);
            pc += 2;
          }
          case Op.LS_LG -> {
            s[fp + code[pc]] = s[sp - 1];
            s[sp - 1] = s[fp + code[pc + 1]];
            pc += 2;
          }
          case Op.LT_LG -> {
            s[fp + code[pc]] = s[sp - 1];
            s[sp++] = s[fp + code[pc + 1]];
            pc += 2;
          }
          case Op.BR_IF_EQZ -> pc = (int) s[--sp] == 0 ? code[pc] : pc + 1;
          case Op.JUMP_IF_NONZERO -> pc = (int) s[--sp] != 0 ? code[pc] : pc + 1;
          case Op.BR_IF_EQ -> {
            sp -= 2;
            pc = (int) s[sp] == (int) s[sp + 1] ? code[pc] : pc + 1;
          }
          case Op.BR_IF_NE -> {
            sp -= 2;
            pc = (int) s[sp] != (int) s[sp + 1] ? code[pc] : pc + 1;
          }
          case Op.BR_IF_LT_S -> {
            sp -= 2;
            pc = (int) s[sp] < (int) s[sp + 1] ? code[pc] : pc + 1;
          }
          case Op.BR_IF_LT_U -> {
            sp -= 2;
            pc = Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) < 0 ? code[pc] : pc + 1;
          }
          case Op.BR_IF_GT_S -> {
            sp -= 2;
            pc = (int) s[sp] > (int) s[sp + 1] ? code[pc] : pc + 1;
          }
          case Op.BR_IF_GT_U -> {
            sp -= 2;
            pc = Integer.compareUnsigned((int) s[sp], (int) s[sp + 1]) > 0 ? code[pc] : pc + 1;
          }
          case Op.I32_ADD_SET -> {
            sp -= 2;
            s[fp + code[pc++]] = (int) s[sp] + (int) s[sp + 1];
          }
          case Op.I32_ADD_TEE -> {
            int v = (int) s[sp - 2] + (int) s[sp - 1];
            s[--sp - 1] = v;
            s[fp + code[pc++]] = v;
          }
          case Op.I32_ADD_LC_SET -> {
            s[fp + code[pc + 2]] = (int) s[fp + code[pc]] + code[pc + 1];
            pc += 3;
          }

          case Op.F64_LOAD_L -> {
            int ab = (int) s[fp + code[pc]];
            int ea = ab + code[pc + 1];
            s[sp++] = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
            pc += 2;
          }
          case Op.F64_ADD_M -> {
            int ab = (int) s[--sp];
            int ea = ab + code[pc++];
            long v = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(v));
          }
          case Op.F64_MUL_M -> {
            int ab = (int) s[--sp];
            int ea = ab + code[pc++];
            long v = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(v));
          }
          case Op.F64_ADD_ML -> {
            int ab = (int) s[fp + code[pc]];
            int ea = ab + code[pc + 1];
            long v = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(v));
            pc += 2;
          }
          case Op.F64_MUL_ML -> {
            int ab = (int) s[fp + code[pc]];
            int ea = ab + code[pc + 1];
            long v = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(v));
            pc += 2;
          }
          case Op.F64_ADD_STORE -> {
            sp -= 3;
            int ab = (int) s[sp];
            int ea = ab + code[pc++];
            LONG.set(mem, (ea | ((ab | ea) >> 31)),
                Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp + 1]) + Double.longBitsToDouble(s[sp + 2])));
          }
          case Op.F64_SUB_M -> {
            int ab = (int) s[--sp];
            int ea = ab + code[pc++];
            long v = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) - Double.longBitsToDouble(v));
          }
          case Op.F64_SUB_STORE -> {
            sp -= 3;
            int ab = (int) s[sp];
            int ea = ab + code[pc++];
            LONG.set(mem, (ea | ((ab | ea) >> 31)),
                Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp + 1]) - Double.longBitsToDouble(s[sp + 2])));
          }
          case Op.F64_ADD_ML_STORE -> {
            // A trap in the load reports the store's offset, as other fused loads report their last part's.
            int ab = (int) s[fp + code[pc]];
            int ea = ab + code[pc + 1];
            double v = Double.longBitsToDouble(s[--sp])
                + Double.longBitsToDouble((long) LONG.get(mem, (ea | ((ab | ea) >> 31))));
            ab = (int) s[--sp];
            ea = ab + code[pc + 2];
            LONG.set(mem, (ea | ((ab | ea) >> 31)), Double.doubleToRawLongBits(v));
            pc += 3;
          }
          case Op.JUMP_F64_LE_C, Op.JUMP_F64_NLE_C -> {
            // One case for both polarities: the bytecode budget matters more than one compare of op.
            boolean le = Double.longBitsToDouble(s[--sp])
                <= Double.longBitsToDouble((code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32));
            pc = le == (op == Op.JUMP_F64_LE_C) ? code[pc + 2] : pc + 3;
          }
          case Op.F64_SQRT -> s[sp - 1] = F64Ops.sqrt(s[sp - 1]);
          case Op.LT_F64_MUL_L -> {
            // The local is written before the second operand is read: they may be the same local.
            long v = s[sp - 1];
            s[fp + code[pc]] = v;
            s[sp - 1] = Double.doubleToRawLongBits(
                Double.longBitsToDouble(v) * Double.longBitsToDouble(s[fp + code[pc + 1]]));
            pc += 2;
          }
          case Op.LT_F64_ADD -> {
            long v = s[--sp];
            s[fp + code[pc++]] = v;
            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(v));
          }
          case Op.LT_F64_MUL -> {
            long v = s[--sp];
            s[fp + code[pc++]] = v;
            s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(v));
          }
          case Op.F64_ADD_LL -> {
            s[sp++] = Double.doubleToRawLongBits(
                Double.longBitsToDouble(s[fp + code[pc]]) + Double.longBitsToDouble(s[fp + code[pc + 1]]));
            pc += 2;
          }
          case Op.F64_SUB_LL -> {
            s[sp++] = Double.doubleToRawLongBits(
                Double.longBitsToDouble(s[fp + code[pc]]) - Double.longBitsToDouble(s[fp + code[pc + 1]]));
            pc += 2;
          }
          case Op.BR_IF_LE_U64 -> {
            sp -= 2;
            pc = Long.compareUnsigned(s[sp], s[sp + 1]) <= 0 ? code[pc] : pc + 1;
          }
          case Op.I32_AND_SHL_C -> {
            s[sp - 1] = ((int) s[sp - 1] & code[pc]) << code[pc + 1];
            pc += 2;
          }
          case Op.BR_IF_LT_S_L -> pc = (int) s[--sp] < (int) s[fp + code[pc]] ? code[pc + 1] : pc + 2;
          case Op.I32_SHR_U_LC -> {
            s[sp++] = (int) s[fp + code[pc]] >>> code[pc + 1];
            pc += 2;
          }
          case Op.I32_XOR_SHR_U_LC -> {
            s[sp - 1] = (int) s[sp - 1] ^ ((int) s[fp + code[pc]] >>> code[pc + 1]);
            pc += 2;
          }
          case Op.I32_STORE8_LC -> {
            int ab = (int) s[fp + code[pc]];
            int ea = ab + code[pc + 2];
            mem[(ea | ((ab | ea) >> 31))] = (byte) code[pc + 1];
            pc += 3;
          }
          case Op.F64_MUL_LL -> {
            s[sp++] = Double.doubleToRawLongBits(
                Double.longBitsToDouble(s[fp + code[pc]]) * Double.longBitsToDouble(s[fp + code[pc + 1]]));
            pc += 2;
          }
          case Op.F64_ADD_C_LOAD -> {
            int ab = (int) s[sp - 1] + code[pc];
            int ea = ab + code[pc + 1];
            s[sp - 1] = (long) LONG.get(mem, (ea | ((ab | ea) >> 31)));
            pc += 2;
          }
          case Op.F64_MUL_L -> s[sp - 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(s[fp + code[pc++]]));
          case Op.F64_ADD_L -> s[sp - 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[fp + code[pc++]]));
          case Op.F64_SUB_L -> s[sp - 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(s[sp - 1]) - Double.longBitsToDouble(s[fp + code[pc++]]));
          case Op.I64_ADD_L -> s[sp - 1] += s[fp + code[pc++]];
          case Op.I32_NE_C -> s[sp - 1] = (int) s[sp - 1] != code[pc++] ? 1 : 0;
          case Op.BR_IF_NE_C -> pc = (int) s[--sp] != code[pc] ? code[pc + 1] : pc + 2;
          case Op.I32_LOAD8_U_L -> {
            int ab = (int) s[fp + code[pc]];
            int ea = ab + code[pc + 1];
            s[sp++] = mem[(ea | ((ab | ea) >> 31))] & 0xFF;
            pc += 2;
          }
          case Op.I32_ADD_C_LOAD -> {
            int ab = (int) s[sp - 1] + code[pc];
            int ea = ab + code[pc + 1];
            s[sp - 1] = (int) INT.get(mem, (ea | ((ab | ea) >> 31)));
            pc += 2;
          }
          case Op.I32_ADD_C_LOAD8_U -> {
            int ab = (int) s[sp - 1] + code[pc];
            int ea = ab + code[pc + 1];
            s[sp - 1] = mem[(ea | ((ab | ea) >> 31))] & 0xFF;
            pc += 2;
          }
          case Op.LG_LS -> {
            s[fp + code[pc + 1]] = s[fp + code[pc]];
            pc += 2;
          }

          default -> {
            // Bulk operations poll between chunks (InstanceState.bulkPoll): a safepoint handler there may run
            // Wasm, growing the stack arrays, or grow the memory; memory.grow is here too.
            top = sp;
            sp = RareOps.exec(op, code, pc, s, r, sp, fp, st);
            pc += RareOps.OPERANDS[op];
            s = stack;
            r = refs;
            mem = memory == null ? null : memory.bytes();
          }
        }
      }
    } catch (Trap t) {
      unwind(t, st, fn, pc, base);
      throw t;
    } catch (IndexOutOfBoundsException e) {
      // Out of range of the memory array: the stack arrays are sized on function entry and never overrun.
      Trap t = new Trap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
      unwind(t, st, fn, pc, base);
      throw t;
    }
  }

  /** Appends the trapping frame and its callers down to this invocation's entry frame, innermost first. */
  private void unwind(Trap t, InstanceState st, CompiledFunction fn, int pc, int base) {
    t.addFrame(frame(st, fn, pc));
    for (int d = depth - 1; d >= base; d--) {
      t.addFrame(frame(frameState[d], frameCode[d], framePc[d]));
      frameCode[d] = null;
      frameState[d] = null;
    }
    depth = base;
  }

  private static Trap.Frame frame(InstanceState st, CompiledFunction fn, int pc) {
    var module = st.instance.module();
    return new Trap.Frame(module.name(), fn.index,
        module.model().names().functionName(fn.index).orElse(null), fn.offsetAt(pc));
  }
}
