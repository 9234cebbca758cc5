package dev.isola.hal.sim.device;

import dev.isola.hal.sim.time.SimClock;
import dev.isola.hal.sim.time.Timeline;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What every device model of one board shares: the clock, the event thread and the one lock.
 *
 * <p>The lock guards every model's state (pins, registers, the room), so a change that crosses parts (the
 * heater's pin switches, the room's input follows; the sensor converts, its alert pin moves) is one atomic
 * step. Listeners outside the board (an edge listener, a timer's, a UART's receive listener) are never
 * called under it: models {@link #post} them, and the thread that leaves the outermost locked block runs them,
 * in order. That keeps a listener that takes its own lock (the kernel's interrupt lines) from deadlocking
 * against a thread that holds that lock and calls into the board.
 */
public final class Simulation implements AutoCloseable {
  private final SimClock clock;
  private final Timeline timeline;
  private final ReentrantLock lock = new ReentrantLock();
  /** Listener calls waiting for the lock to be released; guarded by {@link #lock}. */
  private final ArrayDeque<Runnable> outbox = new ArrayDeque<>();

  public Simulation(double timeScale) {
    this.clock = new SimClock(timeScale);
    this.timeline = new Timeline(clock, "isola-sim-timeline");
  }

  public SimClock clock() {
    return clock;
  }

  public Timeline timeline() {
    return timeline;
  }

  /** Sim nanoseconds since the board opened; during a timed event, its instant ({@link Timeline#now()}). */
  public long now() {
    return timeline.now();
  }

  public <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
      flush();
    }
  }

  public void locked(Runnable work) {
    lock.lock();
    try {
      work.run();
    } finally {
      lock.unlock();
      flush();
    }
  }

  /** Queues a listener call to run once the lock is released; call under the lock. */
  void post(Runnable call) {
    assert lock.isHeldByCurrentThread();
    outbox.add(call);
  }

  private void flush() {
    if (lock.isHeldByCurrentThread()) {
      return; // a nested block: the outermost one delivers
    }
    while (true) {
      Runnable call;
      lock.lock();
      try {
        call = outbox.poll();
      } finally {
        lock.unlock();
      }
      if (call == null) {
        return;
      }
      try {
        call.run();
      } catch (RuntimeException e) {
        // One listener's bug must not keep the others from hearing; say so once per failure.
        System.err.println("isola-sim: a listener failed: " + e);
      }
    }
  }

  @Override
  public void close() {
    timeline.close();
  }
}
