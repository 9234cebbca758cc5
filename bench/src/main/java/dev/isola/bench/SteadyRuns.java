package dev.isola.bench;

/**
 * What a steady-state measurement of one kernel produced: every run's output, warm-up runs included, so the
 * runner can check them all; a child process that runs them cannot tell where one run's output ends.
 *
 * @param stdout the standard output of all {@code warmup + runs} runs, one after the other
 * @param exitStatus 0, or the first non-zero exit status (the measurement stops there)
 * @param nanos the measured runs' times
 * @param mode how the engine ran when that is decided at run time (GraalWasm's runtime), or empty
 */
public record SteadyRuns(String stdout, int exitStatus, long[] nanos, String mode) {
  public SteadyRuns {
    nanos = nanos.clone();
  }

  @Override
  public long[] nanos() {
    return nanos.clone();
  }
}
