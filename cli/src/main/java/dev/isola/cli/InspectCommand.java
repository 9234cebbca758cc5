package dev.isola.cli;

import dev.isola.compiler.CompiledModule;
import dev.isola.compiler.Compiler;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.validate.InvalidModuleException;
import dev.isola.wasm.validate.Validator;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isola inspect}: what a module contains, for people. A module that is well formed but invalid is still
 * shown (with the validation error in its first line), since inspecting it is how one finds out why.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
        "Shows what a module contains.",
        "Its sections (offsets and sizes), imports, exports, memories, tables, globals, custom sections,",
        "peripheral needs (the isola.peripherals section: kind, label, constraints; docs/peripherals.md)",
        "and functions, with their names from the name section.",
        "With --compile: what the compiler makes of it (methods, bytecode sizes, fallbacks)."})
final class InspectCommand extends ModuleCommand implements Callable<Integer> {

  @Option(names = "--compile",
      description = "Compiles the module and shows the compiler's report instead: every JVM method with its"
          + " bytecode size, and the functions that fall back to the interpreter with the reason.")
  boolean compile;

  @Parameters(index = "0", paramLabel = "MODULE.wasm", description = "The module to inspect.")
  Path module;

  InspectCommand(Terminal terminal) {
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
    WasmModule decoded = decode(bytes);
    if (compile) {
      // An invalid module cannot be compiled: Engine.compile's InvalidModuleException is reported as by exec.
      long start = System.nanoTime();
      CompiledModule code = (CompiledModule) Engine.of(EngineConfig.of(new Compiler())).compile(decoded).code();
      long millis = (System.nanoTime() - start) / 1_000_000;
      new CompileReportText(code.report(), names())
          .print(terminal.report(), file.displayName() + ": " + bytes.length + " bytes, compiled in " + millis + " ms");
      return ExitCode.OK.code();
    }
    String validity;
    try {
      Validator.validate(decoded, Set.of());
      validity = "valid";
    } catch (InvalidModuleException e) {
      validity = e.getMessage();
    }
    NameSection nameSection = decoded.names() == null ? NameSection.EMPTY : decoded.names();
    new ModuleReport(decoded, nameSection, SectionHeader.scan(bytes))
        .print(terminal.report(), file.displayName() + ": " + bytes.length + " bytes, " + validity);
    return ExitCode.OK.code();
  }
}
