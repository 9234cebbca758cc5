package dev.isola.bench;

import dev.isola.compiler.Compiler;
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

/**
 * Isola, one tier, with its WASI preview 1: the module compiled once per kernel, each run a fresh {@link Store},
 * as a container would be.
 */
public record IsolaContender(String name, Engine engine) implements JvmContender {
  /** The compiler tier ({@code isola-compiled}). */
  public static IsolaContender compiled() {
    return new IsolaContender("isola-compiled", Engine.of(EngineConfig.of(new Compiler())));
  }

  /** The interpreter ({@code isola-interp}). */
  public static IsolaContender interpreter() {
    return new IsolaContender("isola-interp", Engine.of(EngineConfig.of(new Interpreter())));
  }

  @Override
  public Prepared prepare(Kernel kernel) {
    // Compile once, instantiate per run: what the engine is built for, and what the other JVM engines do too.
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
