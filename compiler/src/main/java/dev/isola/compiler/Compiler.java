package dev.isola.compiler;

import dev.isola.compiler.emit.GeneratedCode;
import dev.isola.compiler.emit.ModuleCompilation;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.wasm.WasmModule;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The compiler tier: each Wasm function becomes a static method of one JVM class per module, generated with
 * {@code java.lang.classfile} and shared by every instance of the module.
 *
 * <pre>{@code
 * Engine engine = Engine.of(EngineConfig.of(new Compiler()));
 * Module module = engine.compile(bytes);
 * CompileReport report = ((CompiledModule) module.code()).report();
 * }</pre>
 */
public final class Compiler implements ExecutionTier {
  /** Compile options; the defaults (none) are what production wants. */
  public enum Option {
    /**
     * Emits no safepoint polls at function entry and loop back-edges: fuel, deadlines and interruption no longer
     * work inside compiled code. Only for measuring what the polls cost.
     */
    NO_POLLS
  }

  private final Set<Option> options;

  public Compiler() {
    this(Set.of());
  }

  public Compiler(Set<Option> options) {
    this.options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
  }

  public static Compiler of(Option... options) {
    return new Compiler(Set.of(options));
  }

  public Set<Option> options() {
    return options;
  }

  @Override
  public String name() {
    return "compiled";
  }

  @Override
  public CompiledModule prepare(WasmModule module, Engine engine) {
    ModuleCompilation c = ModuleCompilation.run(module, options.contains(Option.NO_POLLS));
    if (!c.fallbacks().isEmpty()) {
      CompileReport report = new CompileReport(0, 0, java.util.List.of(), c.fallbacks());
      return new CompiledModule(new Interpreter().prepare(module, engine), Map.of(), report);
    }
    GeneratedCode code = GeneratedCode.define(module, engine, c.className(), c.classFile());
    return new CompiledModule(code, Map.of(c.className(), c.classFile()), c.report());
  }

  /**
   * Defines class files written earlier by {@link CompiledModule#classFiles()} for the same module (an
   * ahead-of-time artifact) and returns the module's code without compiling. A module that fell back to the
   * interpreter has no class files: it is prepared by the interpreter again.
   *
   * @throws IllegalArgumentException if the class files are not this compiler's output for this module
   */
  public static CompiledModule load(WasmModule module, Engine engine, Map<String, byte[]> classFiles) {
    if (classFiles.isEmpty()) {
      return new Compiler().prepare(module, engine);
    }
    if (classFiles.size() != 1) {
      throw new IllegalArgumentException("expected one generated class, got " + classFiles.keySet());
    }
    var e = classFiles.entrySet().iterator().next();
    GeneratedCode code = GeneratedCode.define(module, engine, e.getKey(), e.getValue());
    return new CompiledModule(code, classFiles, ModuleCompilation.report(module, e.getValue()));
  }
}
