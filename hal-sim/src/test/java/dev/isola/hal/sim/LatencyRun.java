package dev.isola.hal.sim;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.Edge;
import dev.isola.hal.GpioPin;
import dev.isola.hal.Pull;
import dev.isola.hal.TimerChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A measured run (not a test): how late timer0's expiries come after their instants, and how long a button
 * press takes to reach an edge listener, beside a bare park-then-spin thread as the machine's baseline. The
 * timer's lateness is measured from before {@code start()}, so it includes arming (an upper bound). Run from
 * the repository root after {@code ./mvnw -q -pl hal-sim -am test-compile}:
 *
 * <pre>
 *   M=~/.m2/repository; java -cp hal-sim/target/classes:hal-sim/target/test-classes:hal/target/classes:\
 *   $M/org/tomlj/tomlj/1.1.1/tomlj-1.1.1.jar:$M/org/antlr/antlr4-runtime/4.11.1/antlr4-runtime-4.11.1.jar \
 *       dev.isola.hal.sim.LatencyRun 5000
 * </pre>
 */
public final class LatencyRun {
  private LatencyRun() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    System.setProperty("isola.sim.endpoint", "none");
    System.setProperty("isola.sim.time-scale", "1");
    try (Board board = Boards.open(Optional.empty())) {
      SimBoard sim = SimBoard.of(board);
      // Timer: a 1 ms periodic expiry; lateness = when the listener ran - the k-th instant. Two rounds: the
      // first loads and compiles the path (its arming alone can take milliseconds), the second is reported.
      TimerChannel t = board.timer("timer0.0");
      long[] late = new long[n];
      for (int round = 0; round < 2; round++) {
        long[] at = new long[n];
        int[] k = {0};
        CountDownLatch done = new CountDownLatch(1);
        t.listen(() -> {
          if (k[0] < n) {
            at[k[0]++] = System.nanoTime();
            if (k[0] == n) {
              done.countDown();
            }
          }
        });
        long start = System.nanoTime();
        t.start(1_000_000, 1_000_000);
        done.await(5L * n, TimeUnit.MILLISECONDS);
        t.stop();
        for (int i = 0; i < n; i++) {
          late[i] = at[i] - (start + (i + 1) * 1_000_000L);
        }
      }
      report("timer expiry lateness (1 ms period)", late);
      // Baseline: the same park-then-spin on a bare thread, to tell the machine's noise from the board's.
      long[] bare = new long[n];
      long base = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long due = base + (i + 1) * 1_000_000L;
        long left = due - System.nanoTime();
        if (left > 150_000) {
          java.util.concurrent.locks.LockSupport.parkNanos(left - 150_000);
        }
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        bare[i] = System.nanoTime() - due;
      }
      report("baseline: bare park-then-spin lateness", bare);
      // Button: press() on this thread to the falling-edge listener.
      GpioPin button = board.gpio("button");
      button.input(Pull.UP);
      long[] heard = new long[1];
      button.listen(Edge.FALLING, () -> heard[0] = System.nanoTime());
      long[] lat = new long[n];
      for (int i = 0; i < n; i++) {
        long before = System.nanoTime();
        sim.press("button");
        lat[i] = heard[0] - before;
        sim.release("button");
      }
      report("button press to edge listener", lat);
    }
  }

  static void report(String what, long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    System.out.printf("%s: n=%d p50=%.1f us p99=%.1f us max=%.1f us%n", what, s.length,
        s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3);
  }
}
