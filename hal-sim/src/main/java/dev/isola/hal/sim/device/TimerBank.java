package dev.isola.hal.sim.device;

import dev.isola.hal.sim.time.Timeline;
import java.util.Objects;

/**
 * A timer controller's channels, each one-shot or periodic, on the board's clock (sim time: with a time-scale
 * of 60 a 1 s period expires every 1/60 s of wall time; on a frozen clock, as a test advances it). Expiries
 * are precise actions of the {@link Timeline}: it parks until shortly before, then spins, so an expiry comes
 * within microseconds of its instant on an unloaded machine. The expiry listener runs on the timeline's
 * thread, outside the board's lock.
 *
 * <p>A periodic channel's instants are {@code start + delay + k * period}, never drifting, and every one of them
 * expires, in order, even when the thread runs late (a paused JVM, a test advancing a frozen clock by an hour):
 * the listener hears each, as it would count each hardware interrupt.
 */
public final class TimerBank {
  private final Simulation sim;
  private final String name;
  private final Channel[] channels;

  private static final class Channel {
    Timeline.Scheduled next;
    /** The thread calling this channel's listener now, or null; guarded by the channel's monitor. */
    Thread firing;
    /** Bumped by every start and stop: an expiry of an older arming does nothing. */
    int generation;
    long expiries;
  }

  public TimerBank(Simulation sim, String name, int count) {
    this.sim = sim;
    this.name = name;
    this.channels = new Channel[count];
    for (int i = 0; i < count; i++) {
      channels[i] = new Channel();
    }
  }

  public String name() {
    return name;
  }

  private Channel channel(int i) {
    Objects.checkIndex(i, channels.length);
    return channels[i];
  }

  /** Arms channel {@code i} (replacing any arming): {@code expiry} after {@code delayNs}, then each period. */
  public void start(int i, long delayNs, long periodNs, Runnable expiry) {
    sim.locked(() -> {
      Channel c = channel(i);
      disarm(c);
      int g = c.generation;
      arm(c, g, sim.now() + delayNs, periodNs, expiry);
    });
  }

  /**
   * Disarms channel {@code i}; once this returns no expiry of it is called, nor still running (called from
   * the channel's own listener, it does not wait for itself).
   */
  public void stop(int i) {
    Channel c = channel(i);
    sim.locked(() -> disarm(c));
    synchronized (c) {
      while (c.firing != null && c.firing != Thread.currentThread()) {
        try {
          c.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  public long expiries(int i) {
    return sim.locked(() -> channel(i).expiries);
  }

  private void disarm(Channel c) {
    c.generation++;
    if (c.next != null) {
      c.next.cancel();
      c.next = null;
    }
  }

  private void arm(Channel c, int g, long due, long periodNs, Runnable expiry) {
    c.next = sim.timeline().at(due, true, () -> expire(c, g, due, periodNs, expiry));
  }

  private void expire(Channel c, int g, long due, long periodNs, Runnable expiry) {
    boolean fire = sim.locked(() -> {
      if (c.generation != g) {
        return false;
      }
      c.expiries++;
      if (periodNs > 0) {
        arm(c, g, due + periodNs, periodNs, expiry);
      } else {
        c.next = null;
      }
      // Marked under the board's lock, so a stop() that disarms after this sees it and waits.
      synchronized (c) {
        c.firing = Thread.currentThread();
      }
      return true;
    });
    if (fire) {
      try {
        expiry.run();
      } finally {
        synchronized (c) {
          c.firing = null;
          c.notifyAll();
        }
      }
    }
  }
}
