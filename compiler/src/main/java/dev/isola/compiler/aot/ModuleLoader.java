package dev.isola.compiler.aot;

import dev.isola.compiler.CompiledModule;
import dev.isola.compiler.Compiler;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.spi.ExecutionTier;
import dev.isola.runtime.spi.ModuleCode;
import dev.isola.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a module's bytes into a runnable {@link Module} on the chosen {@link Tier}, using an ahead-of-time
 * artifact when one is given and usable. Rejected artifacts are reported through {@code warnings} (one line,
 * naming the file and the reason) and the module is prepared without it: a rejected artifact is never run.
 *
 * <p>{@link Tier#AUTO}, decided by measuring start-up and steady state (README, "Execution tiers"):
 *
 * <ol>
 *   <li>a usable artifact: compiled code, at no compile cost;
 *   <li>a module of at most {@link #AUTO_COMPILE_LIMIT} instructions: compiled before it starts;
 *   <li>a larger module: the interpreter at once; with {@link #backgroundCompilation} on, the compiler runs in a
 *       background thread and every instance created after it has finished runs compiled code.
 * </ol>
 *
 * <p>Why (measured 2026-11-22 on a loaded 2-core machine with {@code bin/isola exec}, median CPU seconds of the
 * whole process, 5 runs; the 1 MB module is the CLI tests' {@code BigProgram} with 1,800 functions, 440k
 * instructions): interpreter 1.35 s, compiled before start 2.82 s, from an artifact 1.51 s; a 30 KB program
 * (12.5k instructions) 1.14 s interpreted, 1.25 s compiled. Compiling costs a fixed ~0.1 s plus ~3 us per
 * instruction, while compiled code runs 15-20 times faster than the interpreter once warm ({@code isola bench}:
 * fib 1608 -> 76 ms, matmul 1599 -> 102 ms). So compiling first costs at most ~0.3 s of start-up up to the
 * limit and pays off for any program that runs longer than that; above it the cost grows with the module (1.5 s
 * at 1 MB) while the program may be a short tool, so the interpreter starts it at once, and {@code isola compile}
 * removes the cost for good (an artifact starts almost as fast as the interpreter).
 *
 * <pre>{@code
 * ModuleLoader loader = new ModuleLoader(Tier.AUTO, EngineConfig.of(new Interpreter()), System.err::println);
 * Module module = loader.load("app.wasm", decoded, bytes, ModuleLoader.artifactBeside(path));
 * }</pre>
 */
public final class ModuleLoader {
  /** What {@code isola compile} appends to the module's file name, and where {@code exec} looks. */
  public static final String ARTIFACT_SUFFIX = ".aot";

  /**
   * Modules with at most this many instructions (all function bodies together; about 135 KB of code) are
   * compiled before they start under {@link Tier#AUTO}: at most ~0.3 s more start-up than the interpreter (see
   * above).
   */
  public static final int AUTO_COMPILE_LIMIT = 60_000;

  private final Tier tier;
  private final EngineConfig base;
  private final Consumer<String> warnings;
  private final boolean background;

  /**
   * @param base the engine settings (features, call depth) to keep; its tier is replaced by {@code tier}'s
   * @param warnings receives one line per rejected artifact or failed background compilation
   */
  public ModuleLoader(Tier tier, EngineConfig base, Consumer<String> warnings) {
    this(tier, base, warnings, false);
  }

  private ModuleLoader(Tier tier, EngineConfig base, Consumer<String> warnings, boolean background) {
    this.tier = Objects.requireNonNull(tier, "tier");
    this.base = Objects.requireNonNull(base, "base");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.background = background;
  }

  /**
   * Under {@link Tier#AUTO}, whether a large module is also compiled in the background for its later instances.
   * Off by default: a program run once ({@code isola exec}) would pay for a compilation it never uses.
   */
  public ModuleLoader backgroundCompilation(boolean on) {
    return new ModuleLoader(tier, base, warnings, on);
  }

  public Tier tier() {
    return tier;
  }

  /** Where {@code isola compile} writes a module's artifact by default: {@code app.wasm} -> {@code app.wasm.aot}. */
  public static Path artifactBeside(Path module) {
    return module.resolveSibling(module.getFileName() + ARTIFACT_SUFFIX);
  }

  /**
   * Validates and prepares {@code decoded} (decoded from {@code bytes}).
   *
   * @param name what to call the module in warnings (its file name)
   * @param artifact an artifact file to try first, or null; ignored under {@link Tier#INTERP}
   * @throws dev.isola.wasm.validate.InvalidModuleException if the module is not valid
   */
  public Module load(String name, WasmModule decoded, byte[] bytes, Path artifact) {
    Module loaded = tier != Tier.INTERP && artifact != null ? fromArtifact(decoded, bytes, artifact) : null;
    if (loaded == null) {
      loaded = engine(executionTier(name)).compile(decoded);
    }
    if (loaded.code() instanceof CompiledModule c && c.report().interpreted()) {
      // Never silently: the user asked for compiled code (or auto chose it) and gets the interpreter.
      warnings.accept(name + ": " + fallback(c));
    }
    return loaded;
  }

  /** One line: how many functions the compiler could not translate, and the first of them. */
  static String fallback(CompiledModule code) {
    var fallbacks = code.report().fallbacks();
    String first = fallbacks.getFirst().toString().lines().findFirst().orElse("");
    return "runs on the interpreter: the compiler cannot translate " + fallbacks.size()
        + (fallbacks.size() == 1 ? " function (" : " functions (first " ) + first
        + "; see isola inspect --compile)";
  }

  /**
   * The tier as an {@link ExecutionTier}, for an engine that compiles many modules (the kernel, the spec
   * harness); it knows nothing of artifacts.
   */
  public ExecutionTier executionTier() {
    return executionTier("module");
  }

  private ExecutionTier executionTier(String name) {
    return switch (tier) {
      case INTERP -> new Interpreter();
      case COMPILED -> new Compiler();
      case AUTO -> new AutoTier(name);
    };
  }

  /** The module from its artifact, or null (after a warning) if the artifact cannot be used. */
  private Module fromArtifact(WasmModule decoded, byte[] bytes, Path file) {
    Artifact artifact;
    try {
      artifact = Artifact.read(file, bytes);
      CodeReferences.check(artifact.classFiles());
    } catch (ArtifactException e) {
      warnings.accept(file + ": " + e.getMessage() + instead(decoded));
      return null;
    } catch (IOException e) {
      warnings.accept(file + ": cannot be read (" + e.getMessage() + ")" + instead(decoded));
      return null;
    }
    ExecutionTier preloaded = new ExecutionTier() {
      @Override
      public String name() {
        return "compiled";
      }

      @Override
      public ModuleCode prepare(WasmModule module, Engine engine) {
        return Compiler.load(module, engine, artifact.classFiles());
      }
    };
    try {
      // Engine.compile validates the module first: an artifact never skips validation.
      return engine(preloaded).compile(decoded);
    } catch (IllegalArgumentException | LinkageError e) {
      // The hash matched but the classes do not fit (a compiler bug): still never run them.
      warnings.accept(file + ": unloadable (" + e.getMessage() + ")" + instead(decoded));
      return null;
    }
  }

  /** What happens after an artifact was rejected, for the warning: what {@link #load} does without one. */
  private String instead(WasmModule decoded) {
    boolean compiles = tier == Tier.COMPILED || instructions(decoded) <= AUTO_COMPILE_LIMIT;
    return compiles ? "; compiling the module instead" : "; interpreting the module instead";
  }

  private Engine engine(ExecutionTier t) {
    return Engine.of(new EngineConfig(t, base.features(), base.maxCallDepth()));
  }

  /** The number of instructions in the module's function bodies: what compile time grows with. */
  static long instructions(WasmModule module) {
    return module.code().stream().mapToLong(b -> b.instructions().size()).sum();
  }

  /**
   * Which tier runs {@code instance}: {@code "compiled"} or {@code "interp"} (a module the compiler could not
   * translate runs on the interpreter, and under {@link Tier#AUTO} each instance has its own).
   */
  public static String tierOf(Instance instance) {
    return switch (instance.module().code()) {
      case TieredCode t -> t.tierOf(instance);
      case CompiledModule c -> c.report().interpreted() ? "interp" : "compiled";
      // Neither compiled nor tiered: the interpreter prepared it (directly, or auto chose it for a large module).
      default -> "interp";
    };
  }

  /**
   * Waits for {@code module}'s background compilation, if it has one, so that the next instance runs compiled
   * code (for benchmarks that measure the steady state).
   */
  public static void awaitBackgroundCompilation(Module module) {
    if (module.code() instanceof TieredCode t) {
      t.awaitCompiled();
    }
  }

  /** {@link Tier#AUTO} as an execution tier: compiled, interpreted, or interpreted then compiled (see above). */
  private final class AutoTier implements ExecutionTier {
    private final String moduleName;

    AutoTier(String moduleName) {
      this.moduleName = moduleName;
    }

    @Override
    public String name() {
      return "auto";
    }

    @Override
    public ModuleCode prepare(WasmModule module, Engine engine) {
      if (instructions(module) <= AUTO_COMPILE_LIMIT) {
        return new Compiler().prepare(module, engine);
      }
      ModuleCode interpreted = new Interpreter().prepare(module, engine);
      if (!background) {
        return interpreted;
      }
      return new TieredCode(interpreted, () -> new Compiler().prepare(module, engine), moduleName, warnings);
    }
  }
}
