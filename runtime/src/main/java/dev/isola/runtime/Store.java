package dev.isola.runtime;

/**
 * Run time, per tenant: the instances of one guest (a container), its resource limiter and its CPU limits.
 * One thread executes a store's code at a time (design.md section 2).
 *
 * <p><b>Safepoints.</b> Tiers poll at function entry, loop back-edges and bulk-operation chunks. The fast path
 * is a decrement of a tier-local countdown; when it reaches zero the tier calls {@link #safepoint(long)}, which
 * charges the fuel consumed, checks fuel and deadline (trapping with {@link TrapKind#OUT_OF_FUEL} or {@link
 * TrapKind#DEADLINE_EXCEEDED}), runs the {@link SafepointHandler} if one is set, and returns the next
 * countdown. Fuel is deterministic: the same module, inputs and weights give the same count.
 */
public final class Store {
  public Store(Engine engine) { throw new UnsupportedOperationException("runtime"); }

  public Store(Engine engine, ResourceLimiter limiter) { throw new UnsupportedOperationException("runtime"); }

  public Engine engine() { throw new UnsupportedOperationException("runtime"); }

  public ResourceLimiter limiter() { throw new UnsupportedOperationException("runtime"); }

  /**
   * Resolves imports, allocates the module's tables, memories and globals, initialises active segments, and runs
   * the start function.
   *
   * @throws UnlinkableException if an import is missing or of the wrong type
   * @throws Trap if a segment is out of bounds or the start function traps (effects on imported memories and
   *     tables before the trap stay)
   */
  public Instance instantiate(Module module, Imports imports) { throw new UnsupportedOperationException("runtime"); }

  /** Fuel units left; {@link Long#MAX_VALUE} (the default) means unlimited. */
  public long fuel() { throw new UnsupportedOperationException("runtime"); }

  public void setFuel(long fuel) { throw new UnsupportedOperationException("runtime"); }

  /** Stops execution with {@link TrapKind#DEADLINE_EXCEEDED} at the first safepoint after {@code nanoTime}. */
  public void setDeadline(long nanoTime) { throw new UnsupportedOperationException("runtime"); }

  public void clearDeadline() { throw new UnsupportedOperationException("runtime"); }

  public void setSafepointHandler(SafepointHandler handler) { throw new UnsupportedOperationException("runtime"); }

  /**
   * Asks the thread running this store's code to run the {@link SafepointHandler} at its next slow-path poll
   * (callable from any thread). The countdown chunk that {@link #safepoint(long)} hands out is bounded, so the
   * slow path comes within a bounded amount of work.
   */
  public void requestSafepoint() { throw new UnsupportedOperationException("runtime"); }

  /**
   * The slow path of a poll: {@code consumed} fuel units were used since the last call. Returns how many units
   * the tier may consume before it must call again (never more than the fuel left).
   */
  public long safepoint(long consumed) { throw new UnsupportedOperationException("runtime"); }
}
