package dev.isola.kernel.irq;

/**
 * What a line needs of its event source: the I/O API's {@code dev.isola.kernel.io.EventSource} (a gpio-in with
 * an edge, a UART's receive, a timer's expiry), seen through the container's adapter so that this package
 * depends on the scheduler only; tests and benchmarks give their own.
 */
public interface LineSource {
  /** The label the guest opened: the system file's {@code [containers.NAME.interrupts]} key. */
  String label();

  /** Calls {@code listener} on every event from now on, on any thread (it only records); replaces an earlier one. */
  void subscribe(Runnable listener);

  /** Stops calling the listener; idempotent. */
  void unsubscribe();
}
