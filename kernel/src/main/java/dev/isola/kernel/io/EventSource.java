package dev.isola.kernel.io;

import dev.isola.kernel.irq.LineSource;

/**
 * A handle that can interrupt, as the kernel's interrupt lines ({@code isola:irq}) see it: a {@code gpio-in}
 * with an edge, a UART's receive, a timer's expiry. It is the irq package's {@link LineSource} (label, one
 * listener), named here in the I/O API's words. The listener only records (irq's pending flag and count); it is
 * called on whatever thread saw the event (a backend's, a timer's) and must not block.
 *
 * <p>At most one listener at a time: {@link #subscribe} replaces the previous one. Closing the handle (by the
 * guest, or at the end of its incarnation) unsubscribes it, so an ended incarnation's line never fires again.
 */
public interface EventSource extends LineSource {
  /** The label the guest opened (the need's label in its module). */
  @Override
  String label();

  /**
   * Calls {@code listener} on every event from now on (replacing any earlier listener).
   *
   * @throws IllegalStateException if the handle was closed meanwhile or the backend cannot listen
   */
  @Override
  void subscribe(Runnable listener);

  /** Stops calling the listener; idempotent. */
  @Override
  void unsubscribe();
}
