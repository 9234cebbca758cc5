package dev.isola.wasi;

import dev.isola.runtime.GuestExit;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.WasmModule;
import dev.isola.wasi.impl.Preview1;
import dev.isola.wasi.impl.WasiContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One WASI guest: its arguments, environment, standard streams and file descriptors. Define its functions into
 * the imports of one instantiation, or let {@link #run} do everything for a command module. Not thread-safe: one
 * guest runs one call at a time.
 */
public final class Wasi implements AutoCloseable {
  private final WasiContext ctx;
  private final List<HostFunction> functions;

  /**
   * @throws UncheckedIOException if a preopened directory cannot be accessed
   * @throws IllegalArgumentException if a preopen is not a directory
   */
  public Wasi(WasiConfig config) {
    this.ctx = new WasiContext(config);
    this.functions = Preview1.functions(ctx);
  }

  /** Adds every {@code wasi_snapshot_preview1} function to {@code imports} and returns it. */
  public Imports define(Imports imports) {
    for (HostFunction f : functions) {
      imports.define(f);
    }
    return imports;
  }

  /** The host functions, sorted by name (for embedders that build their own imports). */
  public List<HostFunction> functions() {
    return functions;
  }

  /**
   * Instantiates {@code module} in {@code store} with the WASI functions, calls {@code _start}, and returns the
   * exit status: 0 when {@code _start} returns, the {@code proc_exit} code when the guest exits.
   *
   * @throws dev.isola.runtime.Trap if the guest traps
   * @throws dev.isola.runtime.UnlinkableException if the module imports something else
   * @throws NotACommandException if the module exports no {@code _start} function of type {@code () -> ()}
   */
  public int run(Store store, Module module) {
    requireCommand(module);
    try {
      Instance instance = store.instantiate(module, define(new Imports()));
      instance.function("_start").call();
      return 0;
    } catch (GuestExit e) {
      return e.status();
    }
  }

  /**
   * A command exports {@code _start: () -> ()}; anything else is refused before instantiation runs any code.
   * Public for embedders that instantiate a command themselves (e.g. to run it several times).
   *
   * @throws NotACommandException if {@code module} is not a WASI command
   */
  public static void requireCommand(Module module) {
    WasmModule model = module.model();
    Export start = model.export("_start")
        .orElseThrow(() -> new NotACommandException("not a WASI command: it exports no function _start"));
    if (start.kind() != ExternKind.FUNC) {
      throw new NotACommandException("not a WASI command: its export _start is a " + start.kind().textName()
          + ", not a function");
    }
    FuncType type = model.functionSpaceTypes().get(start.index());
    if (!type.params().isEmpty() || !type.results().isEmpty()) {
      throw new NotACommandException("not a WASI command: its _start has type " + type + ", not () -> ()");
    }
  }

  /** Closes the files the guest left open (the standard streams belong to the embedder and stay open). */
  @Override
  public void close() {
    try {
      ctx.fds().closeAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
