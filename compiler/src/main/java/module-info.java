/**
 * The compiler execution tier: WebAssembly functions to JVM bytecode with {@code java.lang.classfile}. Users see
 * only {@link dev.isola.compiler.Compiler}, handed to {@code EngineConfig.of}.
 */
module dev.isola.compiler {
  requires transitive dev.isola.runtime;
  requires dev.isola.interp;

  exports dev.isola.compiler;
}
