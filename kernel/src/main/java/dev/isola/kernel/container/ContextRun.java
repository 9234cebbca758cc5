package dev.isola.kernel.container;

import java.time.Duration;
import java.util.Optional;

/**
 * One context of one incarnation: the export it runs, its period if periodic, and the top of its stack
 * region, where {@code __stack_pointer} starts. The first context's stack is the module's own (its top is the
 * global's value after instantiation); each further one is a region the kernel grew the memory by.
 *
 * @param incarnation the incarnation it belongs to
 * @param index 0 for the first context
 * @param export the export's name ({@code _start} for a command)
 * @param period present for a periodic context
 * @param clock its run time since its last host call, for the loop watchdog
 */
record ContextRun(Incarnation incarnation, int index, String export, Optional<Duration> period, RunClock clock) {
  ContextRun(Incarnation incarnation, int index, String export, Optional<Duration> period) {
    this(incarnation, index, export, period, new RunClock());
  }

  @Override
  public String toString() {
    return export;
  }
}
