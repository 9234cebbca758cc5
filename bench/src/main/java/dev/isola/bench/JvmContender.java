package dev.isola.bench;

/**
 * An engine that runs kernels inside a JVM: Isola's tiers, Chicory's, GraalWasm. {@link #prepare} does the
 * once-per-kernel work (reading, decoding, compiling) outside the timed region; each {@link Prepared#run()} is
 * one timed, fresh execution with its own instance and memory. The runner uses them in its own JVM ({@link
 * InJvmContender}) or in a child JVM started with other flags ({@link SteadyState}); JMH uses them directly.
 */
public sealed interface JvmContender permits IsolaContender, ChicoryContender, GraalWasmContender {
  /** The column name in the result table, and the name {@link SteadyState} takes. */
  String name();

  Prepared prepare(Kernel kernel) throws Exception;

  /**
   * How the engine actually ran, where that is decided at run time and not by its name (GraalWasm with or
   * without its optimizing runtime); empty otherwise. Valid after {@link #prepare}.
   */
  default String mode() {
    return "";
  }

  /** The contender of this name. */
  static JvmContender named(String name) {
    return switch (name) {
      case "isola-compiled" -> IsolaContender.compiled();
      case "isola-interp" -> IsolaContender.interpreter();
      case "chicory-compiled" -> new ChicoryContender(true);
      case "chicory-interp" -> new ChicoryContender(false);
      case "graalwasm" -> new GraalWasmContender();
      default -> throw new IllegalArgumentException(
          "unknown JVM contender " + name + " (isola-compiled, isola-interp, chicory-compiled, chicory-interp, graalwasm)");
    };
  }

  /** A kernel ready to run any number of times. */
  @FunctionalInterface
  interface Prepared {
    KernelRun run() throws Exception;
  }
}
