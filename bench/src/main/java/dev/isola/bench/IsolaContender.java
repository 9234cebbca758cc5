package dev.isola.bench;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.GuestExit;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.wasi.Wasi;
import dev.isola.wasi.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Isola's interpreter with its WASI preview 1: each run is a fresh {@link Store}, as a container would be. */
public record IsolaContender(Engine engine) implements Contender {
  public IsolaContender() {
    this(Engine.of(EngineConfig.of(new Interpreter())));
  }

  @Override
  public String name() {
    return "isola";
  }

  @Override
  public Prepared prepare(Kernel kernel) {
    // Compile once, instantiate per run: what the engine is built for, and what Chicory's contender does too.
    Module module = engine.compile(kernel.wasmBytes());
    return () -> run(module, kernel);
  }

  private KernelRun run(Module module, Kernel kernel) {
    var stdout = new ByteArrayOutputStream();
    WasiConfig config = WasiConfig.builder().args(kernel.argv()).stdout(stdout).stderr(System.err).build();
    long start = System.nanoTime();
    int status;
    try (var wasi = new Wasi(config)) {
      status = wasi.run(new Store(engine), module);
    } catch (GuestExit e) {
      status = e.status();
    }
    long nanos = System.nanoTime() - start;
    return new KernelRun(stdout.toString(StandardCharsets.UTF_8), status, nanos);
  }
}
