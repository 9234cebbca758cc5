package dev.isola.cli;

import dev.isola.compiler.CompileReport;
import dev.isola.compiler.CompiledModule;
import dev.isola.compiler.Compiler;
import dev.isola.compiler.aot.Artifact;
import dev.isola.compiler.aot.ModuleLoader;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Module;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isola compile}: compiles a module ahead of time and writes the artifact ({@link Artifact}) that
 * {@code exec} and {@code bench} load instead of compiling. Functions the compiler cannot translate are named in
 * a warning: the artifact then holds no code and the module runs on the interpreter.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
        "Compiles a module ahead of time to FILE (default: MODULE.wasm.aot, where exec looks for it).",
        "The file is keyed by the module's SHA-256 and Isola's version: a stale one is never run."})
final class CompileCommand extends ModuleCommand implements Callable<Integer> {

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the compiled module.")
  Path output;

  @Parameters(index = "0", paramLabel = "MODULE.wasm", description = "The module to compile.")
  Path module;

  CompileCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  Path modulePath() {
    return module;
  }

  @Override
  public Integer call() throws Exception {
    ModuleFile file = moduleFile();
    byte[] bytes = file.read();
    long start = System.nanoTime();
    Module compiled = Engine.of(EngineConfig.of(new Compiler())).compile(decode(bytes));
    long millis = (System.nanoTime() - start) / 1_000_000;
    CompiledModule code = (CompiledModule) compiled.code();
    CompileReport report = code.report();
    if (report.interpreted()) {
      terminal.messages().println("isola: warning: " + file.displayName() + ": " + report.fallbacks().size()
          + " functions cannot be compiled, the module runs on the interpreter: "
          + report.fallbacks().getFirst() + (report.fallbacks().size() > 1 ? ", ..." : "")
          + " (see isola inspect --compile)");
    }
    Path target = output != null ? output : ModuleLoader.artifactBeside(file.path());
    Artifact artifact = Artifact.of(bytes, code.classFiles());
    artifact.write(target);
    terminal.report().println(target + ": " + report.functionsCompiled() + " functions compiled in " + millis
        + " ms, " + artifact.classFiles().size() + " classes, " + artifact.classBytes() + " bytes of bytecode");
    return ExitCode.OK.code();
  }
}
