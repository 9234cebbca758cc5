package dev.isola.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.TimerChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** timer0's channels through hal's facade: one-shot, periodic, stop, on a frozen clock and on the real one. */
class TimerTest {
  @Test
  void periodicAndOneShotOnAFrozenClock() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      SimBoard sim = SimBoard.of(board);
      sim.timeScale(0);
      TimerChannel periodic = board.timer("timer0.0");
      TimerChannel once = board.timer("timer0.3");
      AtomicInteger ticks = new AtomicInteger();
      AtomicInteger shots = new AtomicInteger();
      periodic.listen(ticks::incrementAndGet);
      once.listen(shots::incrementAndGet);
      periodic.start(10_000_000, 10_000_000);
      once.start(25_000_000, 0);
      sim.advance(Duration.ofMillis(9));
      assertEquals(0, ticks.get());
      sim.advance(Duration.ofMillis(1));
      assertEquals(1, ticks.get(), "due at exactly 10 ms");
      sim.advance(Duration.ofMillis(990));
      assertEquals(100, ticks.get(), "every 10 ms for a second");
      assertEquals(1, shots.get(), "one-shot once");
      periodic.stop();
      sim.advance(Duration.ofSeconds(1));
      assertEquals(100, ticks.get(), "stopped");
      periodic.start(5_000_000, 0);
      periodic.start(1_000_000, 0); // re-arming replaces
      sim.advance(Duration.ofSeconds(1));
      assertEquals(101, ticks.get());
    }
  }

  @Test
  void stopWaitsForARunningListenerAndNoneFollows() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      SimBoard.of(board).timeScale(1);
      TimerChannel t = board.timer("timer0.2");
      CountDownLatch inside = new CountDownLatch(1);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger after = new AtomicInteger();
      java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
      t.listen(() -> {
        if (stopped.get()) {
          after.incrementAndGet();
        }
        running.incrementAndGet();
        inside.countDown();
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
      });
      t.start(1_000_000, 1_000_000);
      assertTrue(inside.await(20, TimeUnit.SECONDS));
      t.stop();
      stopped.set(true);
      assertEquals(0, running.get(), "stop() returned while the listener ran");
      Thread.sleep(20);
      assertEquals(0, after.get(), "an expiry after stop() returned");
    }
  }

  @Test
  void expiriesComeInOrderOnTheRealClock() throws Exception {
    try (Board board = Boards.open(Optional.empty())) {
      SimBoard.of(board).timeScale(1);
      TimerChannel t = board.timer("timer0.1");
      List<Long> at = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch fifty = new CountDownLatch(50);
      t.listen(() -> {
        at.add(System.nanoTime());
        fifty.countDown();
      });
      long start = System.nanoTime();
      t.start(1_000_000, 1_000_000);
      assertTrue(fifty.await(20, TimeUnit.SECONDS), "50 expiries of a 1 ms timer");
      t.stop();
      // No expiry before its instant: the k-th comes no earlier than k ms after start.
      for (int k = 0; k < 50; k++) {
        assertTrue(at.get(k) - start >= (k + 1) * 1_000_000L - 1_000, "expiry " + k + " early");
      }
    }
  }
}
