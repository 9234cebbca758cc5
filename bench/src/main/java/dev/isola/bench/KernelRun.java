package dev.isola.bench;

/**
 * What one run of a kernel did.
 *
 * @param stdout everything it printed on standard output
 * @param exitStatus its exit status
 * @param nanos wall-clock time of the run (instantiation and execution; not decoding or compiling)
 */
public record KernelRun(String stdout, int exitStatus, long nanos) {
  /** The value of the kernel's {@code checksum:} line, or the whole output if it printed none. */
  public String checksum() {
    return stdout.lines()
        .filter(line -> line.startsWith("checksum:"))
        .map(line -> line.substring("checksum:".length()).strip())
        .findFirst()
        .orElse(stdout);
  }
}
