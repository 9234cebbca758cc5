package dev.isola.hal.sim.time;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The board's event thread: actions due at sim instants (a timer's expiry, a sensor's conversion), run in
 * due order on one platform daemon thread, so device models see one sequence of events.
 *
 * <p>Waiting: the thread parks until the next instant is near, then, for a <em>precise</em> action (a timer
 * expiry), spins for the last {@link #SPIN_NANOS}: {@code parkNanos} overshoots by tens of microseconds, a spin
 * does not. Imprecise actions (sensor conversions) only park. On a frozen clock the thread parks until {@link
 * #advance} moves time; advance returns once every action due by then has run (in order, on this thread), so
 * a test that advances an hour sees the hour's conversions and expiries before it asserts.
 *
 * <p>Lock: this object's monitor guards the queue and {@code busy}; actions run outside it (an action may
 * schedule the next one).
 */
public final class Timeline implements AutoCloseable {
  /** How long before a precise instant the thread stops parking and spins. */
  static final long SPIN_NANOS = 150_000;

  /** An action due at a sim instant; {@link #cancel()} keeps it from running if it has not begun. */
  public static final class Scheduled {
    final Timeline timeline;
    final long due;
    final long seq;
    final boolean precise;
    final Runnable action;
    volatile boolean cancelled;

    Scheduled(Timeline timeline, long due, long seq, boolean precise, Runnable action) {
      this.timeline = timeline;
      this.due = due;
      this.seq = seq;
      this.precise = precise;
      this.action = action;
    }

    public long due() {
      return due;
    }

    /** Cancels the action and drops it from the queue (a guest re-arming a timer in a loop leaves nothing). */
    public void cancel() {
      cancelled = true;
      synchronized (timeline) {
        timeline.queue.remove(this);
      }
    }
  }

  private final SimClock clock;
  private final PriorityQueue<Scheduled> queue =
      new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private final Thread thread;
  private long seq;
  private boolean busy;
  /** The instant of the action running on the thread, or -1; read and written by the thread only. */
  private long running = -1;
  private volatile boolean closed;

  public Timeline(SimClock clock, String name) {
    this.clock = clock;
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
    thread.start();
  }

  public SimClock clock() {
    return clock;
  }

  /**
   * Now, as the board's parts see it: on the event thread, while an action runs, the instant it was due (so a
   * conversion run late, or during an {@link #advance} past it, samples and records at its own instant);
   * elsewhere the clock's now.
   */
  public long now() {
    if (Thread.currentThread() == thread && running >= 0) {
      return running;
    }
    return clock.now();
  }

  /** Runs {@code action} on the event thread once sim time reaches {@code due} (sim nanoseconds). */
  public Scheduled at(long due, boolean precise, Runnable action) {
    Scheduled s;
    synchronized (this) {
      s = new Scheduled(this, due, seq++, precise, action);
      queue.add(s);
    }
    LockSupport.unpark(thread);
    return s;
  }

  /**
   * Moves sim time forward and returns once every action due by the new instant has run. Called on the
   * event thread itself (from an action), it only moves time: the loop runs the rest when the action returns.
   */
  public void advance(Duration d) {
    clock.advance(d);
    if (Thread.currentThread() == thread) {
      return;
    }
    long target = clock.now();
    LockSupport.unpark(thread);
    synchronized (this) {
      while (!closed && (busy || (queue.peek() != null && queue.peek().due <= target))) {
        try {
          wait(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Actions waiting (cancelled ones are gone at once). */
  synchronized int pending() {
    return queue.size();
  }

  /** Wakes the thread to recompute its wait (the time-scale changed). */
  public void rescheduled() {
    LockSupport.unpark(thread);
  }

  private void loop() {
    while (!closed) {
      Scheduled next;
      synchronized (this) {
        next = queue.peek();
      }
      if (next == null) {
        LockSupport.park(this);
        continue;
      }
      long wall = clock.wallAt(next.due);
      long left = wall - System.nanoTime();
      if (left > 0) {
        if (wall == Long.MAX_VALUE) {
          LockSupport.park(this);
        } else if (next.precise && left <= SPIN_NANOS) {
          while (System.nanoTime() < wall && !closed) {
            Thread.onSpinWait();
          }
        } else {
          // Wake before a precise instant to spin; re-check after any wake (an earlier action may be new).
          LockSupport.parkNanos(this, next.precise ? left - SPIN_NANOS : left);
        }
        continue;
      }
      runDue();
    }
  }

  /** Runs every action due by now, in order; a periodic action scheduling its next instant joins the run. */
  private void runDue() {
    while (true) {
      Scheduled s;
      synchronized (this) {
        Scheduled head = queue.peek();
        if (head == null || head.due > clock.now()) {
          busy = false;
          notifyAll();
          return;
        }
        s = queue.poll();
        busy = true;
      }
      if (!s.cancelled) {
        running = s.due;
        try {
          s.action.run();
        } catch (RuntimeException e) {
          // A listener's bug must not stop the board's time; say so once per failure.
          System.err.println("isola-sim: an event at " + s.due + " ns failed: " + e);
        } finally {
          running = -1;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    synchronized (this) {
      queue.clear();
      notifyAll();
    }
  }
}
