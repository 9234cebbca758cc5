package dev.isola.compiler.aot;

import dev.isola.compiler.CompiledModule;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Value;
import dev.isola.runtime.spi.ModuleCode;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The code of a module under {@link Tier#AUTO} that was too large to compile before it starts: the interpreter's
 * code at once, the compiler's as soon as a background thread has made it.
 *
 * <p>The tier is chosen per instance, when the instance is linked, and kept for its life: an instance's state
 * ({@code Instance.tierState}) belongs to the tier that linked it, and a call already running on the interpreter
 * cannot move to compiled code (that would need on-stack replacement). So what profits are instances created
 * later: a kernel container restarted, a periodic entry point's next instance, {@code isola bench}'s next run.
 */
final class TieredCode implements ModuleCode {
  private final ModuleCode interpreted;
  private final CompletableFuture<ModuleCode> compiled;
  /** Which code linked each live instance; weak, so that instances are not kept alive by their module. */
  private final Map<Instance, ModuleCode> linked = Collections.synchronizedMap(new WeakHashMap<>());

  TieredCode(ModuleCode interpreted, Supplier<ModuleCode> compiler, String name, Consumer<String> warnings) {
    this.interpreted = interpreted;
    this.compiled = new CompletableFuture<>();
    // A platform thread at the lowest priority: the guest's own thread (often a virtual thread of the kernel)
    // keeps the CPU it needs; the compiler takes what is left.
    Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("isola-compile").start(() -> {
      try {
        ModuleCode code = compiler.get();
        if (code instanceof CompiledModule c && c.report().interpreted()) {
          warnings.accept(name + ": " + ModuleLoader.fallback(c));
        }
        compiled.complete(code);
      } catch (RuntimeException | LinkageError e) {
        // A compiler bug must not take a running module down: it stays on the interpreter, visibly.
        warnings.accept(name + ": the background compilation failed, the module stays on the interpreter: " + e);
        compiled.completeExceptionally(e);
      }
    });
  }

  /** True once compiled code is ready for the next instances. */
  boolean compiledReady() {
    return compiled.isDone() && !compiled.isCompletedExceptionally();
  }

  /** Waits until the background compilation has ended (for tests and benchmarks). */
  void awaitCompiled() {
    try {
      compiled.join();
    } catch (RuntimeException e) {
      // Reported through the warnings already; the interpreter keeps running the module.
    }
  }

  /** The tier that runs {@code instance}: "compiled" or "interp". */
  String tierOf(Instance instance) {
    return linked.get(instance) == interpreted ? "interp" : "compiled";
  }

  @Override
  public void link(Instance instance) {
    ModuleCode code = compiledReady() ? compiled.join() : interpreted;
    linked.put(instance, code);
    code.link(instance);
  }

  @Override
  public Value[] invoke(Instance instance, int functionIndex, Value[] args) {
    ModuleCode code = linked.get(instance);
    if (code == null) {
      throw new IllegalStateException("instance not linked by this module: " + instance);
    }
    return code.invoke(instance, functionIndex, args);
  }
}
