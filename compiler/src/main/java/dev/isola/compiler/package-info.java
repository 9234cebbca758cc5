/**
 * The compiler tier: each WebAssembly function becomes JVM bytecode, generated with {@code java.lang.classfile}.
 *
 * <pre>{@code
 * Engine engine = Engine.of(EngineConfig.of(new Compiler()));
 * Module module = engine.compile(bytes);                       // compiles once, shared by every instance
 * CompiledModule code = (CompiledModule) module.code();
 * System.out.println(code.report().summary());                 // what was compiled, what fell back
 * Map<String, byte[]> aot = code.classFiles();                 // an ahead-of-time artifact ...
 * CompiledModule again = Compiler.load(module.model(), engine, aot);   // ... defined again without compiling
 * }</pre>
 *
 * <p>Design decisions (the implementation is the non-exported {@code dev.isola.compiler.emit}):
 *
 * <ul>
 *   <li><b>One class per module</b>, defined as a hidden class, holding one static method per function; instance
 *       state (memories, globals, tables, imports, the fuel countdown) is an {@code InstanceContext} passed as
 *       the last argument, so a further instance costs one small object and no class definition.
 *   <li><b>Fallback is visible and per module.</b> A module the compiler cannot translate (today: a
 *       function that cannot be emitted at all, more than 251 parameter slots) runs on the interpreter, and
 *       its {@link dev.isola.compiler.CompileReport} names each function and the reason. SIMD is compiled: the
 *       whole spec testsuite, SIMD scripts included, runs with no module falling back.
 *   <li><b>Same observable behaviour as the interpreter</b>: the spec testsuite runs on both tiers; fuel uses the
 *       interpreter's weights at the same places (function entry, loop headers, bulk chunks), so counts agree
 *       exactly; {@code call stack exhausted} is counted against {@code EngineConfig.maxCallDepth}, and a JVM
 *       {@link java.lang.StackOverflowError} becomes the same trap.
 *   <li><b>Large functions are split</b> into several methods, each under HotSpot's 8,000-byte JIT limit, when
 *       their structure allows; the report lists every method and its size.
 *   <li><b>Tail calls</b> ({@code return_call}, {@code return_call_indirect}) run in constant stack space, as on
 *       the interpreter, although the JVM has no tail calls: one to a function of the same instance is left
 *       pending in the instance's context and run by the trampoline of the chain's first function, one body at
 *       a time ({@code emit.TailCalls}); one to an import or another instance is a call followed by a return,
 *       which leaves the chain. Fuel and traps are the interpreter's: the callee's entry poll runs when its
 *       body does, and a trap's frames no longer hold the caller that made the tail call.
 * </ul>
 */
package dev.isola.compiler;
