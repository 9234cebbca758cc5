package dev.isola.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Chicory 1.7 with its WASI preview 1: the pure-Java runtime we compare to, either its interpreter (its default
 * machine) or its compiler in runtime-compiled mode ({@code MachineFactoryCompiler.compile(module)}: the module
 * is translated to JVM classes once, and the returned factory builds each instance's machine from them).
 *
 * @param compiled the compiler ({@code chicory-compiled}) rather than the interpreter ({@code chicory-interp})
 */
public record ChicoryContender(boolean compiled) implements JvmContender {
  @Override
  public String name() {
    return compiled ? "chicory-compiled" : "chicory-interp";
  }

  @Override
  public Prepared prepare(Kernel kernel) {
    WasmModule module = Parser.parse(kernel.wasmBytes());
    // Compiling is the once-per-kernel work, like Isola's Engine.compile; null keeps Chicory's interpreter.
    Function<Instance, Machine> machines = compiled ? MachineFactoryCompiler.compile(module) : null;
    return () -> run(module, machines, kernel);
  }

  private static KernelRun run(WasmModule module, Function<Instance, Machine> machines, Kernel kernel) {
    var stdout = new ByteArrayOutputStream();
    WasiOptions options = WasiOptions.builder()
        .withArguments(kernel.argv())
        .withStdout(stdout)
        .withStderr(System.err)
        .build();
    long start = System.nanoTime();
    int status = 0;
    try (var wasi = WasiPreview1.builder().withOptions(options).build()) {
      ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
      Instance.Builder builder = Instance.builder(module).withImportValues(imports);
      if (machines != null) {
        builder.withMachineFactory(machines);
      }
      // build() instantiates and, by default, calls the command's _start export.
      builder.build();
    } catch (WasiExitException e) {
      status = e.exitCode();
    }
    long nanos = System.nanoTime() - start;
    return new KernelRun(stdout.toString(StandardCharsets.UTF_8), status, nanos);
  }
}
