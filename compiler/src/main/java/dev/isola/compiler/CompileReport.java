package dev.isola.compiler;

import java.util.List;

/**
 * What the compiler made of one module: which functions became JVM methods (and how large), and which fell back
 * to the interpreter and why. {@code bin/isola inspect --compile} prints it.
 *
 * <p>A fallback is per module today: if any function cannot be compiled (see {@link Fallback#reason()}), the
 * whole module runs on the interpreter, and every function that caused it is listed. {@link #interpreted()}
 * says so.
 *
 * @param functionsCompiled defined functions compiled to JVM methods (0 if the module fell back)
 * @param methodsEmitted JVM methods in the generated class (functions, call stubs and helpers)
 * @param methods every emitted method with its bytecode size, in class-file order
 * @param fallbacks the functions that could not be compiled, with the reason
 */
public record CompileReport(int functionsCompiled, int methodsEmitted, List<Method> methods,
                            List<Fallback> fallbacks) {
  /** HotSpot does not JIT-compile a method with more bytecode than this ({@code -XX:+DontCompileHugeMethods}). */
  public static final int HUGE_METHOD_LIMIT = 8000;

  public CompileReport {
    methods = List.copyOf(methods);
    fallbacks = List.copyOf(fallbacks);
  }

  /**
   * One emitted method: its name in the class, the Wasm function it implements (-1 for a stub) and its size in
   * bytes of bytecode.
   */
  public record Method(String name, int functionIndex, int bytecodeSize) {
    /** True if HotSpot will leave this method interpreted because of its size. */
    public boolean huge() {
      return bytecodeSize > HUGE_METHOD_LIMIT;
    }
  }

  /** A function the compiler could not translate: its index in the function index space, name (or null), why. */
  public record Fallback(int functionIndex, String name, String reason) {
    @Override
    public String toString() {
      return (name != null ? name : "func[" + functionIndex + "]") + ": " + reason;
    }
  }

  /** True if the module runs on the interpreter because some function could not be compiled. */
  public boolean interpreted() {
    return !fallbacks.isEmpty();
  }

  /** Methods over {@link #HUGE_METHOD_LIMIT} bytes, which HotSpot does not JIT-compile. */
  public List<Method> hugeMethods() {
    return methods.stream().filter(Method::huge).toList();
  }

  /** A few lines for people: counts, the largest method, fallbacks. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(functionsCompiled).append(" functions compiled, ").append(methodsEmitted).append(" methods emitted");
    methods.stream().max(java.util.Comparator.comparingInt(Method::bytecodeSize)).ifPresent(m ->
        s.append(", largest ").append(m.name()).append(" (").append(m.bytecodeSize()).append(" bytes)"));
    long huge = methods.stream().filter(Method::huge).count();
    if (huge > 0) {
      s.append(", ").append(huge).append(" over ").append(HUGE_METHOD_LIMIT).append(" bytes (not JIT-compiled)");
    }
    if (!fallbacks.isEmpty()) {
      s.append("\nmodule runs on the interpreter:");
      fallbacks.forEach(f -> s.append("\n  ").append(f));
    }
    return s.toString();
  }
}
