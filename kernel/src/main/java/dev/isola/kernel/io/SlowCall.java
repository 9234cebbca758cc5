package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.kernel.sched.Task;
import dev.isola.runtime.Caller;
import dev.isola.runtime.Global;
import dev.isola.runtime.Instance;
import java.util.OptionalInt;

/**
 * A HAL call that may take long (a UART read waiting for bytes, a bus transfer of many bytes), run so that only
 * the calling context waits: through {@link Task#block}, which gives the scheduler's permit and the container's
 * exclusion away meanwhile, so other containers and the container's other contexts run.
 *
 * <p>Giving the exclusion away lets another context of the instance run, and it moves {@code __stack_pointer}
 * (C's shadow stack); so, like {@code isola:sys} sleeps, the pointer is saved before and restored after.
 * Outside a task (a unit test calling a host function directly) the call just runs.
 */
final class SlowCall {
  /** A HAL operation. */
  interface Operation<T> {
    T run() throws HalException;
  }

  /** How a HAL call ended: its value or its error (the HalException must cross Task.block's lambda). */
  private record Result<T>(T value, HalException error) {}

  private SlowCall() {}

  /**
   * Runs {@code operation}, blocking only the calling context.
   *
   * @throws HalException the operation's
   * @throws dev.isola.runtime.Trap INTERRUPTED if the task is killed meanwhile (the container is stopping):
   *     it unwinds the guest like a kill at a safepoint
   */
  static <T> T run(Caller caller, Operation<T> operation) throws HalException {
    Task task = Task.current();
    if (task == null) {
      return operation.run();
    }
    Global sp = stackPointer(caller.instance());
    long saved = sp != null ? sp.raw() : 0;
    Result<T> result;
    try {
      result = task.block(() -> {
        try {
          T value = operation.run();
          if (Thread.interrupted()) {
            // The kill interrupted a backend that swallowed it: hand it to block, which throws the kill trap.
            throw new InterruptedException();
          }
          return new Result<T>(value, null);
        } catch (HalException e) {
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
          return new Result<T>(null, e);
        }
      });
    } finally {
      if (sp != null) {
        sp.setRaw(saved);
      }
    }
    if (result.error() != null) {
      throw result.error();
    }
    return result.value();
  }

  private static Global stackPointer(Instance instance) {
    OptionalInt index = dev.isola.wasm.analysis.StackPointer.index(instance.module().model());
    return index.isPresent() ? instance.global(index.getAsInt()) : null;
  }

  /**
   * Runs a transfer of {@code bits} on the wire at {@code hz} (an I2C or SPI transaction, a UART write): through
   * {@link #run} when it is slow enough to give the CPU away, else at once with the permit held. A scheduler
   * round trip costs some microseconds, so transfers shorter than {@link #SLOW_NANOS} are not worth it (the
   * simulated board's are instant anyway; a real 100 kHz bus moves a byte in 90 us).
   */
  static <T> T transfer(Caller caller, long bits, long hz, Operation<T> operation) throws HalException {
    boolean slow = hz > 0 && bits * 1_000_000_000L / hz >= SLOW_NANOS;
    return slow ? run(caller, operation) : operation.run();
  }

  /** Transfers expected to take this long or longer run through {@link Task#block}. */
  static final long SLOW_NANOS = 200_000;
}
