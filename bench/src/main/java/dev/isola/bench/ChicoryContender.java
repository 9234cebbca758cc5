package dev.isola.bench;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Chicory's interpreter (its default machine) with its WASI preview 1: the pure-Java runtime we compare to. */
public record ChicoryContender() implements Contender {
  @Override
  public String name() {
    return "chicory";
  }

  @Override
  public Prepared prepare(Kernel kernel) {
    WasmModule module = Parser.parse(kernel.wasmBytes());
    return () -> run(module, kernel);
  }

  private static KernelRun run(WasmModule module, Kernel kernel) {
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
      // build() instantiates and, by default, calls the command's _start export.
      Instance.builder(module).withImportValues(imports).build();
    } catch (WasiExitException e) {
      status = e.exitCode();
    }
    long nanos = System.nanoTime() - start;
    return new KernelRun(stdout.toString(StandardCharsets.UTF_8), status, nanos);
  }
}
