package dev.isola.kernel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.wasm.text.TextParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler driven by a real guest's safepoint polls (interpreter), through Task.SAFEPOINT_HANDLER. */
@Timeout(60)
class WasmGuestTest {
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));

  /** {@code spin}: counts forever in global 0 (exported as {@code n}), polling at every loop back-edge. */
  private static final Module SPIN =
      ENGINE.compile(
          TextParser.parseModule(
              """
              (module
                (global $n (export "n") (mut i64) (i64.const 0))
                (func (export "spin")
                  (loop (global.set $n (i64.add (global.get $n) (i64.const 1))) (br 0))))
              """));

  private final Scheduler scheduler = Scheduler.start(SchedulerConfig.of(1, Duration.ofMillis(5)));

  @AfterEach
  void shutdown() {
    scheduler.shutdown();
  }

  private static long count(Instance i) {
    return i.global("n").get().asLong();
  }

  @Test
  void aHighTaskPreemptsASpinningWasmGuestAndAKillTrapsIt() throws Exception {
    Store store = new Store(ENGINE);
    store.setSafepointHandler(Task.SAFEPOINT_HANDLER);
    Instance guest = store.instantiate(SPIN, new Imports());
    Group low = scheduler.group(GroupSpec.of("guest", 1));
    Task spinner =
        low.spawn(
            "spin",
            () -> {
              Task.current().setPreemptRequest(store::requestSafepoint);
              guest.function("spin").call();
            });
    SchedulerTest.waitFor(() -> count(guest) > 100_000);
    List<String> log = new CopyOnWriteArrayList<>();
    AtomicLong guestDuringHigh = new AtomicLong(-1);
    scheduler
        .group(GroupSpec.of("high", 50))
        .spawn(
            "work",
            () -> {
              Task me = Task.current();
              log.add("high-start");
              long before = count(guest);
              for (int i = 0; i < 100_000; i++) {
                me.checkpoint();
              }
              guestDuringHigh.set(count(guest) - before);
              log.add("high-end");
            });
    SchedulerTest.waitFor(() -> log.contains("high-end"));
    long after = count(guest);
    SchedulerTest.waitFor(() -> count(guest) > after + 100_000);
    assertEquals(0, guestDuringHigh.get(), "the guest ran while the high task held the only permit");
    low.kill("stop");
    low.await();
    Trap trap = assertInstanceOf(Trap.class, spinner.failure());
    assertEquals(TrapKind.INTERRUPTED, trap.kind());
    assertTrue(trap.getMessage().contains("stop"));
  }

  @Test
  void aBlockingCallReleasesThePermitAndAKillInterruptsIt() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Group blocker = scheduler.group(GroupSpec.of("blocker", 50));
    Task blocked =
        blocker.spawn(
            "wait",
            () ->
                Task.current()
                    .block(
                        () -> {
                          never.await();
                          return null;
                        }));
    SchedulerTest.waitFor(() -> scheduler.stateOf(blocked) == Task.State.BLOCKED);
    // The only permit is free while the high-priority task blocks: a low one runs.
    AtomicLong lowRuns = new AtomicLong();
    Group low = scheduler.group(GroupSpec.of("low", 1));
    low.spawn("run", lowRuns::incrementAndGet);
    low.await();
    assertEquals(1, lowRuns.get());
    blocker.kill("unblock");
    blocker.await();
    assertEquals(TrapKind.INTERRUPTED, assertInstanceOf(Trap.class, blocked.failure()).kind());
  }
}
