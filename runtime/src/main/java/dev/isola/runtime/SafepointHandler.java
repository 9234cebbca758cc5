package dev.isola.runtime;

/**
 * Called on the slow path of a safepoint poll (function entry, loop back-edge, bulk-operation chunk), on the
 * thread running the guest, after the store has checked fuel and deadline. The kernel uses it to preempt (park
 * the thread), to run a pending interrupt handler as a nested call, or to stop the guest by throwing a {@link
 * Trap} of kind {@link TrapKind#INTERRUPTED}.
 */
@FunctionalInterface
public interface SafepointHandler {
  void safepoint(Store store);
}
