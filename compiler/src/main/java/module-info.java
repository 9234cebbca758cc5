/**
 * The compiler execution tier: WebAssembly functions to JVM bytecode with {@code java.lang.classfile}. Users see
 * {@link dev.isola.compiler.Compiler}, handed to {@code EngineConfig.of}, and what it made of a module ({@code
 * CompiledModule}, {@code CompileReport}); the implementation ({@code dev.isola.compiler.emit}) is not exported.
 */
module dev.isola.compiler {
  requires transitive dev.isola.runtime;
  requires dev.isola.interp;

  exports dev.isola.compiler;
  exports dev.isola.compiler.aot;
}
