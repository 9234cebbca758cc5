package dev.isola.runtime;

import java.util.Objects;

/**
 * Run time, per tenant: the instances of one guest (a container), its resource limiter and its CPU limits.
 * One thread executes a store's code at a time (design.md section 2).
 *
 * <p><b>Safepoints.</b> Tiers poll at function entry, loop back-edges and bulk-operation chunks. The fast path
 * is a decrement of a tier-local countdown; when it reaches zero the tier calls {@link #safepoint(long)}, which
 * charges the fuel consumed, checks fuel and deadline (trapping with {@link TrapKind#OUT_OF_FUEL} or {@link
 * TrapKind#DEADLINE_EXCEEDED}), runs the {@link SafepointHandler} if one is set, and returns the next
 * countdown. Fuel is deterministic: the same module, inputs and weights give the same count.
 *
 * <p>The countdown handed out is at most {@link #CHUNK} units even when fuel is unlimited, so that a deadline,
 * a handler or a {@link #requestSafepoint} is noticed within a bounded amount of work.
 */
public final class Store {
  /** The most units a tier may consume between two slow-path polls: bounds preemption latency. */
  public static final long CHUNK = 10_000;

  private final Engine engine;
  private final ResourceLimiter limiter;
  /** Touched by the guest's thread (and by the embedder between calls): plain. */
  private long fuel = Long.MAX_VALUE;
  // The rest may be set from another thread (a kernel's scheduler) and is read on the slow path only, where a
  // volatile read costs nothing that matters. deadline is written before hasDeadline, read after it.
  private volatile long deadline;
  private volatile boolean hasDeadline;
  private volatile SafepointHandler handler;
  private volatile boolean safepointRequested;

  public Store(Engine engine) {
    this(engine, ResourceLimiter.UNLIMITED);
  }

  public Store(Engine engine, ResourceLimiter limiter) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  public Engine engine() {
    return engine;
  }

  public ResourceLimiter limiter() {
    return limiter;
  }

  /**
   * Resolves imports, allocates the module's tables, memories and globals, initialises active segments, and runs
   * the start function.
   *
   * @throws UnlinkableException if an import is missing or of the wrong type
   * @throws Trap if a segment is out of bounds or the start function traps (effects on imported memories and
   *     tables before the trap stay)
   */
  public Instance instantiate(Module module, Imports imports) {
    if (module.engine() != engine) {
      throw new IllegalArgumentException("module was compiled by another engine");
    }
    return Instantiation.run(this, module, imports);
  }

  /** Fuel units left; {@link Long#MAX_VALUE} (the default) means unlimited. */
  public long fuel() {
    return fuel;
  }

  /** @throws IllegalArgumentException if {@code fuel} is negative */
  public void setFuel(long fuel) {
    if (fuel < 0) {
      throw new IllegalArgumentException("fuel must not be negative: " + fuel);
    }
    this.fuel = fuel;
  }

  /**
   * Stops execution with {@link TrapKind#DEADLINE_EXCEEDED} at the first safepoint after {@code nanoTime} (a
   * {@link System#nanoTime} value). Callable from any thread.
   */
  public void setDeadline(long nanoTime) {
    deadline = nanoTime;
    hasDeadline = true;
  }

  public void clearDeadline() {
    hasDeadline = false;
  }

  /** Sets the handler run on every slow-path poll (null for none). Callable from any thread. */
  public void setSafepointHandler(SafepointHandler handler) {
    this.handler = handler;
  }

  /**
   * Asks the thread running this store's code to run the {@link SafepointHandler} at its next slow-path poll
   * (callable from any thread). The countdown chunk that {@link #safepoint(long)} hands out is bounded, so the
   * slow path comes within a bounded amount of work.
   */
  public void requestSafepoint() {
    safepointRequested = true;
  }

  /**
   * The slow path of a poll: {@code consumed} fuel units were used since the last call. Returns how many units
   * the tier may consume before it must call again (never more than the fuel left, at most {@link #CHUNK}).
   * With limited fuel, 0 means the fuel is exactly used up: the next unit consumed traps.
   *
   * @throws Trap {@link TrapKind#OUT_OF_FUEL} if {@code consumed} exceeds the fuel left (which is then 0),
   *     {@link TrapKind#DEADLINE_EXCEEDED} if the deadline has passed, or whatever the handler throws
   */
  public long safepoint(long consumed) {
    if (fuel != Long.MAX_VALUE && consumed > 0) {
      if (consumed > fuel) {
        // Charge only what was left: the guest cannot owe fuel.
        fuel = 0;
        throw new Trap(TrapKind.OUT_OF_FUEL);
      }
      fuel -= consumed;
    }
    if (hasDeadline && System.nanoTime() - deadline >= 0) {
      throw new Trap(TrapKind.DEADLINE_EXCEEDED);
    }
    SafepointHandler h = handler;
    if (h != null || safepointRequested) {
      // Cleared before the handler runs, so a request made while it runs is not lost.
      safepointRequested = false;
      if (h != null) {
        h.safepoint(this);
      }
    }
    return Math.min(fuel, CHUNK);
  }
}
