/**
 * The interpreter tier. {@link dev.isola.interp.Interpreter} is the only public type; everyone uses it as
 * {@code EngineConfig.of(new Interpreter())}.
 *
 * <p>How it runs, and why:
 *
 * <ul>
 *   <li><b>Pre-decoding</b> ({@code PreDecoder}, once per module): each body becomes an {@code int[]} of
 *       interpreter op numbers ({@code Op}) and operands. Branch targets and the number of stack slots each
 *       branch moves are resolved statically from the operand-type stack, so no label is searched at run time.
 *       Frequent sequences (address arithmetic, loop counters, compare-and-branch, f64 load-and-operate) are
 *       fused into super-instructions, chosen by measuring instruction pairs in clang -O2 output; dispatch,
 *       not the operations themselves, dominates an interpreter's time.
 *   <li><b>Value stack</b> ({@code Machine}, one per thread): a {@code long[]} of raw slots (floats as IEEE
 *       bits, v128 as two slots low then high) and a parallel {@code Object[]} for references. Locals live in
 *       the stack under the operands. Nothing is allocated per instruction or per Wasm-to-Wasm call.
 *   <li><b>Calls</b> do not recurse in Java: the loop keeps its own frame stack, so {@code
 *       EngineConfig.maxCallDepth()} yields {@code call stack exhausted} at the same depth on any thread stack.
 *       Calls into other interpreted instances stay in the loop; host functions read their arguments in
 *       place from the value stack.
 *   <li><b>Safepoints</b> at function entry and loop headers decrement a local countdown by a static weight
 *       (instructions in the function or loop body) and call {@code Store.safepoint} when it runs out, so fuel
 *       is deterministic. Bulk memory and table instructions check their bounds once, then work in chunks
 *       (64 KiB, 4,096 elements) and poll before each, charging one unit per 1024 bytes or elements, so a
 *       2 GiB {@code memory.fill} can run out of fuel, hit its deadline or be interrupted in the middle.
 *   <li><b>Multi-memory</b>: memory 0 is the one the loop caches in a local and the only one its memory cases
 *       and fusions touch. An instruction on another memory is pre-decoded as {@code Op.MEMORY_OTHER} and runs
 *       out of line ({@code MultiMemoryOps}, through {@code RareOps}) with {@code Memory}'s checked accessors;
 *       SIMD memory instructions carry their memory index as an immediate. Other memories are the kernel's
 *       shared regions and the like, so a call per access there buys an unchanged loop for memory 0.
 *   <li><b>Semantics</b> of tricky operations are the shared static methods of {@code dev.isola.runtime.ops}.
 * </ul>
 */
package dev.isola.interp;
