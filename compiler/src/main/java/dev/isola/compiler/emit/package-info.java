/**
 * The compiler's implementation, in its named stages: <b>analyse</b> ({@code ModuleCompilation.analyse}: what
 * can be compiled; {@code FuelWeights}: the interpreter's static fuel weights; {@code OutlinePlan}: which
 * regions of a large function become methods of their own), <b>lower and emit</b> ({@code
 * FunctionEmitter}: one pass per function that replays the validator's type stack and writes bytecode), then
 * <b>define</b> ({@code GeneratedCode}: a hidden class in this package, method handles per function) and
 * <b>link</b> ({@code InstanceContext}, {@code CallTargets}: per instance).
 *
 * <p>Why it is built this way:
 *
 * <ul>
 *   <li><b>Calling convention</b> ({@code Descriptors}): {@code static R f<i>(P.., long budget, int depth,
 *       InstanceContext)}.
 *       Wasm locals are typed JVM locals, the Wasm operand stack is the JVM operand stack, direct calls are
 *       {@code invokestatic}. Several results come back boxed in an {@code Object[]} (rare in real code).
 *   <li><b>Memory</b> is the {@code Memory}'s {@code byte[]}, cached in a local and re-read after calls, {@code
 *       memory.grow}, bulk operations and slow-path polls (a safepoint handler may grow it). Accesses use
 *       little-endian {@code VarHandle}s on the array; the JVM's own range check, after an address computation
 *       that maps any effective address of 2^31 or more to -1, raises the exception that becomes {@code out of
 *       bounds memory access}, so there is no explicit bounds check in generated code. Memory 0 is the fast
 *       path; other memories (multi-memory) are looked up per access.
 *   <li><b>Operations</b> are {@code invokestatic}s of small static methods ({@code Builtins}, {@code
 *       FloatOps}, and the shared semantics of {@code dev.isola.runtime.ops}), which HotSpot inlines: the
 *       semantics stay written once and generated methods stay small.
 *   <li><b>Calls leaving the instance</b> go through {@link java.lang.invoke.MethodHandle}s of the same
 *       convention built at link time: a host function's typed handle with the caller bound; another compiled
 *       instance's method with its context bound; anything else (an interpreted instance) boxed through {@code
 *       Function.call}. {@code call_indirect} checks the element's canonical type id and invokes such a handle
 *       with {@code invokeExact}: no reflection, no boxing between compiled instances.
 *   <li><b>Traps</b>: every generated method has one handler that turns a memory range error into the trap
 *       and appends the function to the trap's Wasm stack trace (no byte offsets yet).
 *   <li><b>Splitting</b>: HotSpot does not JIT-compile methods over 8,000 bytes of bytecode. A function whose
 *       method would be larger gets {@code block}/{@code loop} regions of type {@code [] -> []} outlined into
 *       methods {@code r<f>_<start>} that take the function's locals in a frame array and return an exit code
 *       (fall through, return, or branch to an enclosing label); sizes are measured, not guessed, by emitting
 *       the function alone first. A function that cannot be split enough stays one method, flagged in the
 *       report.
 *   <li><b>Polls</b>: a countdown by the static weight at function entry and loop headers, kept in a local and passed
 *       to callees as the {@code budget} argument ({@code Fuel}, one per store, holds it across returns and
 *       calls that leave compiled code, so instances share it as in the interpreter's single loop); {@code
 *       Compiler.Option.NO_POLLS} leaves them out to measure their cost.
 * </ul>
 */
package dev.isola.compiler.emit;
