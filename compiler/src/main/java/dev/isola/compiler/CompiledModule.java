package dev.isola.compiler;

import dev.isola.runtime.Instance;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ModuleCode;
import java.util.Map;

/**
 * A module's code as the compiler tier prepared it: the generated class files, shared by every instance, and
 * the {@link CompileReport}. {@code Engine.compile} returns it as the module's {@link ModuleCode}; get it back
 * with {@code (CompiledModule) module.code()} to print the report or to write the class files as an
 * ahead-of-time artifact, which {@link Compiler#load} turns back into the same code without compiling.
 *
 * <p>If the module fell back to the interpreter ({@link CompileReport#interpreted()}), {@link #classFiles()} is
 * empty and the interpreter's code runs.
 */
public final class CompiledModule implements ModuleCode {
  private final ModuleCode code;
  private final Map<String, byte[]> classFiles;
  private final CompileReport report;

  CompiledModule(ModuleCode code, Map<String, byte[]> classFiles, CompileReport report) {
    this.code = code;
    this.classFiles = Map.copyOf(classFiles);
    this.report = report;
  }

  /** The generated class files, by internal class name (e.g. {@code dev/isola/compiler/emit/WasmCode}). */
  public Map<String, byte[]> classFiles() {
    return classFiles;
  }

  public CompileReport report() {
    return report;
  }

  @Override
  public void link(Instance instance) {
    code.link(instance);
  }

  @Override
  public Value[] invoke(Instance instance, int functionIndex, Value[] args) {
    return code.invoke(instance, functionIndex, args);
  }
}
