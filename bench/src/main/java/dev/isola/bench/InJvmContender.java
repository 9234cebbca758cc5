package dev.isola.bench;

import java.util.Arrays;
import java.util.List;

/**
 * A JVM engine measured in the runner's own JVM (steady state) and, for the whole-process time, in a fresh JVM
 * started by {@code jvm} that runs it once through {@link SteadyState}.
 */
public record InJvmContender(JvmContender engine, ChildJvm jvm) implements Contender {
  @Override
  public String name() {
    return engine.name();
  }

  @Override
  public SteadyRuns steady(Kernel kernel, int warmup, int runs) throws Exception {
    JvmContender.Prepared prepared = engine.prepare(kernel);
    var stdout = new StringBuilder();
    long[] nanos = new long[runs];
    for (int i = 0; i < warmup + runs; i++) {
      KernelRun run = prepared.run();
      stdout.append(run.stdout());
      if (run.exitStatus() != 0) {
        return new SteadyRuns(stdout.toString(), run.exitStatus(), Arrays.copyOf(nanos, Math.max(0, i - warmup)),
            engine.mode());
      }
      if (i >= warmup) {
        nanos[i - warmup] = run.nanos();
      }
    }
    return new SteadyRuns(stdout.toString(), 0, nanos, engine.mode());
  }

  @Override
  public List<String> processCommand(Kernel kernel) {
    return jvm.steadyState(engine.name(), 0, 1, kernel);
  }
}
