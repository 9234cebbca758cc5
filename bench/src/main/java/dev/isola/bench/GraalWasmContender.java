package dev.isola.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * GraalWasm (the Truffle WebAssembly language through the polyglot API) with its built-in WASI preview 1. One
 * polyglot {@link Engine} per kernel holds the parsed module and its compiled code; each run is a fresh {@link
 * Context} on it, so a new instance and memory, with the engine's code reused: the same shape as the others.
 *
 * <p>Its speed depends on how the JVM was started. With the Graal compiler reachable through JVMCI (JDK 25:
 * {@code -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=<the compiler's jars>}, which
 * the runner gives the child JVM it starts for this contender) Truffle uses its optimizing runtime; without,
 * it silently falls back to interpreting. {@link #mode()} says which one ran, from the engine's implementation
 * name ({@code Interpreted} for the fallback).
 */
public final class GraalWasmContender implements JvmContender {
  /** The implementation name of Truffle's fallback runtime, which never compiles guest code. */
  static final String FALLBACK = "Interpreted";

  private String implementation = "";

  @Override
  public String name() {
    return "graalwasm";
  }

  @Override
  public String mode() {
    if (implementation.isEmpty()) {
      return "";
    }
    return implementation.equals(FALLBACK)
        ? implementation + " (Truffle's fallback runtime: no runtime compilation, JVMCI or the Graal compiler missing)"
        : implementation + " (Truffle's optimizing runtime, Graal compiler through JVMCI)";
  }

  @Override
  public Prepared prepare(Kernel kernel) {
    // The runner prints the mode itself; Truffle's own multi-line warning would only repeat it.
    Engine engine = Engine.newBuilder("wasm").option("engine.WarnInterpreterOnly", "false").build();
    implementation = engine.getImplementationName();
    Source source = Source.newBuilder("wasm", ByteSequence.create(kernel.wasmBytes()), kernel.name()).buildLiteral();
    return () -> run(engine, source, kernel);
  }

  private static KernelRun run(Engine engine, Source source, Kernel kernel) {
    var stdout = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int status = 0;
    try (Context context = Context.newBuilder("wasm")
        .engine(engine)
        .out(stdout)
        .err(System.err)
        .option("wasm.Builtins", "wasi_snapshot_preview1")
        .arguments("wasm", kernel.argv().toArray(String[]::new))
        .build()) {
      context.eval(source).newInstance().getMember("exports").getMember("_start").execute();
    } catch (PolyglotException e) {
      if (!e.isExit()) {
        throw e;
      }
      status = e.getExitStatus();
    }
    long nanos = System.nanoTime() - start;
    return new KernelRun(stdout.toString(StandardCharsets.UTF_8), status, nanos);
  }
}
