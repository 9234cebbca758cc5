package dev.isola.hal.sim.time;

import java.time.Duration;

/**
 * The simulated board's time: {@code sim = anchorSim + (wall - anchorWall) * scale}, in nanoseconds since the
 * board was opened. The scale is the <em>time-scale</em> (1 = real time, 60 = a minute of room time per
 * second, 0 = frozen: time moves only by {@link #advance}). Changing the scale re-anchors, so sim time never
 * jumps or runs backwards.
 *
 * <p>Thread-safe: the anchors are read and written under this object's monitor, in blocks of a few
 * arithmetic operations. {@link #now()} is monotonic because {@link System#nanoTime()} is and the scale is
 * never negative.
 */
public final class SimClock {
  private final long origin = System.nanoTime();
  private double scale;
  private long anchorWall;
  private long anchorSim;

  public SimClock(double scale) {
    checkScale(scale);
    this.scale = scale;
    this.anchorWall = origin;
  }

  /** Sim nanoseconds since the board was opened. */
  public synchronized long now() {
    return at(System.nanoTime());
  }

  private long at(long wall) {
    return anchorSim + (long) ((wall - anchorWall) * scale);
  }

  public synchronized double scale() {
    return scale;
  }

  /** Sets the time-scale from now on (re-anchors at the current instant). */
  public synchronized void scale(double newScale) {
    checkScale(newScale);
    long wall = System.nanoTime();
    anchorSim = at(wall);
    anchorWall = wall;
    scale = newScale;
  }

  /** Moves sim time forward by {@code d} at once (what a frozen clock's test calls). */
  public synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time cannot go back: " + d);
    }
    anchorSim += d.toNanos();
  }

  /**
   * The wall time ({@link System#nanoTime()} scale) at which sim time reaches {@code simNanos}, or {@code
   * Long.MAX_VALUE} while the clock is frozen and the instant is still ahead.
   */
  public synchronized long wallAt(long simNanos) {
    long wall = System.nanoTime();
    long ahead = simNanos - at(wall);
    if (ahead <= 0) {
      return wall;
    }
    if (scale == 0) {
      return Long.MAX_VALUE;
    }
    return wall + (long) Math.ceil(ahead / scale);
  }

  private static void checkScale(double s) {
    if (!(s >= 0) || Double.isInfinite(s)) {
      throw new IllegalArgumentException("time-scale must be a finite number >= 0: " + s);
    }
  }
}
