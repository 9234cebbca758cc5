package dev.isola.kernel.sched;

import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The timer queue and the platform daemon thread that serves it: sleeping tasks, budget replenishments and
 * overload holds. The queue is guarded by the scheduler's lock (every method but {@link #poke()} is called
 * under it); the thread takes that lock for each step ({@code Scheduler.fireDueTimers}) and parks in between,
 * until the earliest timer, or with no time limit when there is none, so that an idle system uses no CPU.
 */
final class SleepManager {
  /**
   * How long before a due timer the thread stops parking and spins: an OS wake-up from a timed park comes
   * 50-100 us late on an idle Linux machine (timer slack, the CPU's idle state), far more when the CPUs are
   * busy with spinning guests, because the woken thread must first be scheduled. Parking until this much before
   * the due time and spinning the rest puts the thread on a CPU when the timer is due, so a woken task's
   * permit is granted on time. It costs at most this much CPU per timer (10% of one core at 1 kHz); a system
   * with no timer due soon still never spins. {@code -Disola.sched.spinMicros=0} turns it off.
   */
  static final long SPIN_NANOS = Long.getLong("isola.sched.spinMicros", 100) * 1_000;

  /**
   * How long before its time a sleeping task's timer fires: the permit is granted (a lower-priority holder
   * asked to give way, which takes up to one poll interval of its guest) and the task's virtual thread gets a
   * carrier (another OS wake-up when the carriers are idle) during this margin instead of after the due time;
   * the task then spins on its own carrier, holding the permit, until its time ({@link Task#sleepUntil}), so
   * it starts on time and never early. The cost is at most this much CPU per wake-up, charged to the sleeper.
   * {@code -Disola.sched.earlyMicros=0} turns it off.
   */
  static final long EARLY_NANOS = Long.getLong("isola.sched.earlyMicros", 100) * 1_000;

  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long seq;
  private final Thread thread;
  private volatile boolean stopped;
  /** Bumped when an earlier timer arrives, so a spinning thread stops and looks again. */
  private volatile int earlier;

  /**
   * {@code step} fires what is due and returns the nanoseconds to the next timer, or -1 for none; {@code
   * spinNanos} as {@link #SPIN_NANOS}, 0 for a hand-driven clock (whose time does not pass while spinning).
   */
  SleepManager(LongSupplier step, long spinNanos) {
    this.thread =
        Thread.ofPlatform()
            .daemon()
            .name("isola-sched-timer")
            .unstarted(
                () -> {
                  while (!stopped) {
                    long wait = step.getAsLong();
                    if (wait < 0) {
                      LockSupport.park(this);
                    } else if (wait > spinNanos) {
                      LockSupport.parkNanos(this, wait - spinNanos);
                    } else {
                      spin(wait);
                    }
                  }
                });
  }

  /** Spins for {@code wait} ns (real time), unless stopped or an earlier timer arrives. */
  private void spin(long wait) {
    int seen = earlier;
    long due = System.nanoTime() + wait;
    while (System.nanoTime() - due < 0 && earlier == seen && !stopped) {
      Thread.onSpinWait();
    }
  }

  void start() {
    thread.start();
  }

  void stop() {
    stopped = true;
    LockSupport.unpark(thread);
  }

  /** Makes the thread look at the queue again (a hand-driven clock moved). From any thread. */
  void poke() {
    earlier++;
    LockSupport.unpark(thread);
  }

  /** A new sequence number: tells a timer from a later one for the same target. */
  long nextSeq() {
    return ++seq;
  }

  void add(Timer t) {
    Timer head = timers.peek();
    timers.add(t);
    if (head == null || t.compareTo(head) < 0) {
      // Earlier than what the thread sleeps (or spins) towards.
      earlier++;
      LockSupport.unpark(thread);
    }
  }

  void remove(Timer t) {
    timers.remove(t);
  }

  /** The earliest timer if it is due at {@code now} (removed), else null. */
  Timer pollDue(long now) {
    Timer head = timers.peek();
    if (head != null && head.when() - now <= 0) {
      return timers.poll();
    }
    return null;
  }

  /** Nanoseconds from {@code now} to the earliest timer (at least 1), or -1 if there is none. */
  long delay(long now) {
    Timer head = timers.peek();
    return head == null ? -1 : Math.max(1, head.when() - now);
  }
}
