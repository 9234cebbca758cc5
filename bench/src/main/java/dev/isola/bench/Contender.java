package dev.isola.bench;

/**
 * A way to run kernels: an engine, or the host itself. {@link #prepare} does the once-per-kernel work (reading,
 * decoding, compiling) outside the timed region; each {@link Prepared#run()} is one timed, fresh execution
 * with its own instance and memory.
 */
public sealed interface Contender permits IsolaContender, ChicoryContender, NativeContender {
  /** The column name in the result table. */
  String name();

  Prepared prepare(Kernel kernel) throws Exception;

  /** A kernel ready to run any number of times. */
  @FunctionalInterface
  interface Prepared {
    KernelRun run() throws Exception;
  }
}
