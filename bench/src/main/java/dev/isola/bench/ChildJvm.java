package dev.isola.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a fresh JVM that runs a {@link JvmContender} through {@link SteadyState}: the runner's own java
 * and class path, and JVM options.
 *
 * @param java the java executable
 * @param classPath the class path (the runner's own: it holds every engine)
 * @param options JVM options, before the class name
 */
public record ChildJvm(String java, String classPath, List<String> options) {
  /** A deep stack for the interpreters' recursion; ZGC as Isola's launcher uses (design.md). */
  static final List<String> DEFAULT_OPTIONS = List.of("-Xss64m", "-XX:+UseZGC");

  public ChildJvm {
    options = List.copyOf(options);
  }

  /** This JVM's java and class path, with {@link #DEFAULT_OPTIONS}. */
  public static ChildJvm current() {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new ChildJvm(java, System.getProperty("java.class.path"), DEFAULT_OPTIONS);
  }

  /**
   * This JVM with what GraalWasm needs on JDK 25 for Truffle's optimizing runtime: JVMCI enabled, and the Graal
   * compiler's jars (in {@code compilerJars}; bench/run.sh copies them there) on the upgrade module path. A
   * missing folder leaves JVMCI off, and GraalWasm then runs in Truffle's fallback interpreter (its mode says so).
   */
  public ChildJvm withGraalCompiler(Path compilerJars) {
    var with = new ArrayList<>(options);
    // Truffle 25 still calls sun.misc.Unsafe's memory methods; allowing them keeps JDK 25's warning out of stderr.
    with.add("--sun-misc-unsafe-memory-access=allow");
    if (compilerJars != null && Files.isDirectory(compilerJars)) {
      with.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
          "--upgrade-module-path=" + compilerJars.toAbsolutePath()));
    }
    return new ChildJvm(java, classPath, with);
  }

  /** The command that runs {@code contender} {@code warmup + runs} times on {@code kernel} (see {@link SteadyState}). */
  public List<String> steadyState(String contender, int warmup, int runs, Kernel kernel) {
    var command = new ArrayList<>(steadyStatePrefix(contender));
    command.addAll(List.of("--warmup", Integer.toString(warmup), "--runs", Integer.toString(runs)));
    command.addAll(kernel.moduleAndArgs());
    return command;
  }

  /** The command up to its {@code --warmup}, {@code --runs}, module and arguments. */
  public List<String> steadyStatePrefix(String contender) {
    var command = new ArrayList<String>();
    command.add(java);
    command.addAll(options);
    command.addAll(List.of("-cp", classPath, SteadyState.class.getName(), "--contender", contender));
    return command;
  }
}
