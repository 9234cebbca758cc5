/**
 * The compiler's implementation, in its named stages: <b>analyse</b> ({@code ModuleCompilation.analyse}: what
 * can be compiled; {@code FuelWeights}: the interpreter's static fuel weights; {@code OutlinePlan}: which
 * regions of a large function become methods of their own), <b>lower and emit</b> ({@code
 * FunctionEmitter}: one pass per function that replays the validator's type stack and writes bytecode; {@code
 * StubEmitter}: the glue methods between conventions, for imports, {@code call_indirect}, packed returns and
 * tail calls), then
 * <b>define</b> ({@code GeneratedCode}: a hidden class in this package, method handles per function) and
 * <b>link</b> ({@code InstanceContext}, {@code CallTargets}: per instance).
 *
 * <p>Why it is built this way:
 *
 * <ul>
 *   <li><b>Calling convention</b> ({@code Descriptors}): {@code static R f<i>(P.., long budget, int depth,
 *       InstanceContext)}. Wasm locals are typed JVM locals (but in a "framed" split function, below), the Wasm
 *       operand stack is the JVM operand stack, direct calls are {@code invokestatic}. Several results come back
 *       boxed in an {@code Object[]} (rare in real code). With polls on, a function with results {@code []} or
 *       {@code [i32]} has its body in {@code static long g<i>(..)}, which returns the countdown in the high half
 *       and the result in the low half; calls inside the module use {@code g<i>}, and {@code f<i>} (for handles
 *       and other instances) unpacks it into {@code Fuel}. The countdown then never goes through memory on a
 *       return (measured: fib 20% faster).
 *   <li><b>Tail calls</b> ({@code TailCalls}): a function that makes them has its body in {@code t<i>} and a
 *       trampoline where its body would be ({@code g<i>} or {@code f<i>}); a tail call to a function of the same
 *       instance stores its arguments in the {@code InstanceContext} and returns, and the trampoline runs the
 *       callee's body through {@code b<k>}, the bounce method of the chain's result types, until none is
 *       pending. A chain of any length thus takes two JVM frames.
 *   <li><b>Memory</b> is the {@code Memory}'s {@code byte[]}, cached in a local and re-read after calls, {@code
 *       memory.grow}, bulk operations and slow-path polls (a safepoint handler may grow it). Accesses use
 *       little-endian {@code VarHandle}s on the array; the JVM's own range check, after an address computation
 *       that maps any effective address of 2^31 or more to -1, raises the exception that becomes {@code out of
 *       bounds memory access}, so there is no explicit bounds check in generated code. Memory 0 is the fast
 *       path; other memories (multi-memory) are looked up per access. A method with no memarg on memory 0 does
 *       not cache it (fib then skips two dependent loads per call).
 *   <li><b>Operations</b> are {@code invokestatic}s of small static methods ({@code Builtins}, {@code
 *       FloatOps}, and the shared semantics of {@code dev.isola.runtime.ops}), which HotSpot inlines: the
 *       semantics stay written once and generated methods stay small.
 *   <li><b>Calls leaving the instance</b> go through {@link java.lang.invoke.MethodHandle}s of the same
 *       convention built at link time: a host function's typed handle with the caller bound; another compiled
 *       instance's method with its context bound; anything else (an interpreted instance) boxed through {@code
 *       Function.call}. {@code call_indirect} checks the element's canonical type id and invokes such a handle
 *       with {@code invokeExact}: no reflection, no boxing between compiled instances. Before that, its stub
 *       checks whether the element is a function of the calling instance itself ({@code Builtins.indirectOwn})
 *       and then switches on its index to an {@code invokestatic} of one of the (at most 32) functions of the
 *       type that an element segment or {@code ref.func} names: measured 2.6x faster than the handle, and
 *       inlinable.
 *   <li><b>SIMD</b> ({@code SimdEmitter}, {@code Simd}): a v128 is one immutable {@code Value.V128} reference on
 *       the JVM stack, globals' accessors and signatures (escape analysis removes most allocations inside a
 *       method); a v128 local is two {@code long} locals, so that one carried around a loop is not allocated
 *       per iteration. Each instruction applies the interpreter's {@code V128Ops} method to the halves, in one
 *       of a few shapes emitted inline from one table transcribed from the interpreter's {@code SimdOps};
 *       memory, lane and shuffle instructions call {@code Simd}, whose accesses check all bytes before writing any. In a split function's frame a v128
 *       travels in the {@code Object[]} with the references. Host functions with v128 in their type (the
 *       typed host handle has no v128) are called boxed.
 *   <li><b>Traps</b>: every generated method has one handler that turns a memory range error into the trap
 *       and appends the function to the trap's Wasm stack trace, at the Wasm byte offset of the instruction that
 *       threw: each instruction that may throw (memory, calls, division, truncation, table, loop polls) gets an
 *       exception-table entry over its bytecode whose handler pushes its offset (about 5 bytes each, nothing on
 *       the path that does not throw), so traces equal the interpreter's. Not a LineNumberTable read from
 *       stack traces: a {@code Trap} fills in no Java stack trace, JIT-compiled implicit exceptions may lose
 *       theirs, and hidden classes' frames are hidden. An outlined region's method adds the frame itself; its
 *       call site only passes the trap on.
 *   <li><b>Splitting</b>: HotSpot does not JIT-compile methods over 8,000 bytes of bytecode. A function whose
 *       method would be larger (or within 10% of it: the module's larger constant pool widens instructions) gets
 *       regions outlined into methods {@code r<f>_<start>} that take the function's locals in a frame array and
 *       return an exit code (fall through, return, or branch to an enclosing label) ({@code OutlinePlan}). A
 *       region is a {@code block}, {@code loop} or {@code if} of any type (its operands, an if's condition, go in
 *       and its results come out through the frame), or a <i>run</i> of straight-line code between two points
 *       where the block's operand stack is empty; regions nest, and two orders of choice are tried per size
 *       budget; sizes are measured, not guessed, by emitting the function alone first. The locals are copied into
 *       JVM locals at each region's entry and back at its one exit (registers in hot loops), or, when that does
 *       not fit (hundreds of locals: the copies and the locals' zeroing alone exceed the limit), live in the
 *       frame for the whole invocation ("framed"). The frame is allocated once per invocation and passed down.
 *       Fuzzing found no method over 8,000 bytes in 2,000 seeds and 450 large (32-128 KB) inputs; a function that
 *       still cannot be split is flagged in the report, and one over the JVM's 64 KB makes the module fall back,
 *       the report naming that function only.
 *   <li><b>Polls</b>: a countdown by the static weight at function entry and loop headers, kept in a local and passed
 *       to callees as the {@code budget} argument ({@code Fuel}, one per store, holds it across returns and
 *       calls that leave compiled code, so instances share it as in the interpreter's single loop); {@code
 *       Compiler.Option.NO_POLLS} leaves them out to measure their cost. The {@code Fuel} object is read from the
 *       context where it is needed (slow path, calls out), not kept in a local that would live across calls. A
 *       loop without calls has its poll's slow path out of line, as a second, cold back-edge to its header, so that
 *       C2 compiles the hot loop with no call in it (sieve: 37 to 23 ms); in a loop that calls, that form measured
 *       worse than the plain branch around the call (fib), which those loops keep. An innermost loop of clang's
 *       {@code for} shape ({@code CountedLoop}) pays its header polls in advance, in chunks the countdown covers,
 *       and runs them in a copy without a poll that exits on a signed {@code <}, a loop C2 counts ({@code
 *       LoopTrips}, {@code FunctionEmitter.emitCountedLoop}): matmul 10.1 to 4.1 ms with polls, with charges
 *       exactly where the interpreter's fall.
 * </ul>
 */
package dev.isola.compiler.emit;
