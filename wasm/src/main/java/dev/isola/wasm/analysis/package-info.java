/**
 * Static analyses of a decoded module that the kernel needs before it runs anything.
 *
 * <p>{@link dev.isola.wasm.analysis.MemoryWrites} answers "which instructions can write memory N?". Design
 * decisions:
 *
 * <ul>
 *   <li>The analysis is syntactic and conservative: every instruction whose opcode can write the memory it
 *       names is reported, reachable or not. A read-only mapping must be provable by looking at the code, and a
 *       store in dead code is still a store the module author wrote.
 *   <li>Which opcodes write is read from the one opcode table ({@link dev.isola.wasm.OpCode}): a memory-access
 *       instruction whose signature has no result is a store (plain, SIMD and lane stores alike), so no list
 *       of store opcodes is repeated here. The bulk and grow instructions are named explicitly because their
 *       immediates say which memory they write.
 *   <li>An active data segment writes its memory at instantiation, every time the module is instantiated: for a
 *       memory shared with other modules that is a write like any store, so it is reported (unless empty).
 *   <li>A memory exported by the module can be written by whoever imports it, which no analysis of this module
 *       can see, so an export is reported as a write of its own kind rather than ignored.
 * </ul>
 *
 * <p>{@link dev.isola.wasm.analysis.StackPointer} finds C's shadow-stack pointer ({@code __stack_pointer}): one
 * rule, used both by the kernel, which switches it between contexts, and by the system-file check, which counts
 * the stack regions that switching will need.
 */
package dev.isola.wasm.analysis;
