package dev.isola.kernel.irq;

import java.util.concurrent.atomic.AtomicReference;

/** The WAT guest of the interrupt tests, and a line source the tests fire by hand. */
final class IrqGuests {
  private IrqGuests() {}

  /**
   * Contexts: {@code main} sleeps forever (its handlers run on the interrupt task), {@code busy} spins forever
   * holding the exclusion (its handlers nest on it). Handlers (all {@code (i32 count) -> ()}): {@code on_event}
   * logs "count=N"; {@code on_a}/{@code on_b} log "a"/"b"; {@code on_c} logs "c-start", spins until the flag
   * is set, logs "c-end"; {@code on_d} logs "d" and sets the flag; {@code on_over} logs "count=N" and
   * "lost=M" (overflows of handle 1); {@code on_trap} traps; {@code on_spin} spins N x 20000 iterations.
   */
  static final String DEVICE = """
      (module
        (import "isola:sys" "log" (func $log (param i32 i32 i32)))
        (import "isola:sys" "now" (func $now (result i64)))
        (import "isola:sys" "sleep_for" (func $sleep (param i64) (result i32)))
        (import "isola:irq" "overflows" (func $overflows (param i32) (result i64)))
        (memory 1)
        (global $flag (mut i32) (i32.const 0))
        (data (i32.const 100) "count=")
        (data (i32.const 200) "lost=")
        (data (i32.const 300) "a")
        (data (i32.const 310) "b")
        (data (i32.const 320) "c-start")
        (data (i32.const 330) "c-end")
        (data (i32.const 340) "d")
        ;; Writes the digits of $n at $at; returns how many.
        (func $itoa (param $n i32) (param $at i32) (result i32)
          (local $len i32) (local $m i32) (local $i i32)
          (local.set $m (local.get $n))
          (local.set $len (i32.const 1))
          (block $done
            (loop $count
              (br_if $done (i32.lt_u (local.get $m) (i32.const 10)))
              (local.set $m (i32.div_u (local.get $m) (i32.const 10)))
              (local.set $len (i32.add (local.get $len) (i32.const 1)))
              (br $count)))
          (local.set $i (local.get $len))
          (loop $write
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (i32.store8 (i32.add (local.get $at) (local.get $i))
              (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
            (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
            (br_if $write (i32.gt_s (local.get $i) (i32.const 0))))
          (local.get $len))
        ;; Logs the tag at $tag (length $len) followed by the digits of $n.
        (func $say (param $tag i32) (param $len i32) (param $n i32)
          (call $log (i32.const 2) (local.get $tag)
            (i32.add (local.get $len) (call $itoa (local.get $n) (i32.add (local.get $tag) (local.get $len))))))
        (func $text (param $at i32) (param $len i32) (call $log (i32.const 2) (local.get $at) (local.get $len)))
        (func (export "main") (loop $l (drop (call $sleep (i64.const 1000000000))) (br $l)))
        (func (export "busy") (loop $l (drop (call $now)) (br $l)))
        (func (export "on_event") (param $n i32) (call $say (i32.const 100) (i32.const 6) (local.get $n)))
        (func (export "on_a") (param $n i32) (call $text (i32.const 300) (i32.const 1)))
        (func (export "on_b") (param $n i32) (call $text (i32.const 310) (i32.const 1)))
        (func (export "on_c") (param $n i32)
          (call $text (i32.const 320) (i32.const 7))
          (loop $wait (drop (call $now)) (br_if $wait (i32.eqz (global.get $flag))))
          (global.set $flag (i32.const 0))
          (call $text (i32.const 330) (i32.const 5)))
        (func (export "on_d") (param $n i32)
          (call $text (i32.const 340) (i32.const 1))
          (global.set $flag (i32.const 1)))
        (func (export "on_over") (param $n i32)
          (call $say (i32.const 100) (i32.const 6) (local.get $n))
          (call $say (i32.const 200) (i32.const 5) (i32.wrap_i64 (call $overflows (i32.const 1)))))
        (func (export "on_trap") (param $n i32) (unreachable))
        (func (export "on_spin") (param $n i32) (local $i i32)
          (local.set $i (i32.mul (local.get $n) (i32.const 20000)))
          (loop $l (local.set $i (i32.sub (local.get $i) (i32.const 1))) (br_if $l (i32.gt_s (local.get $i) (i32.const 0)))))
        (func (export "wrong_type") (param i64))
        (func (export "_start")))
      """;

  /** A line source fired by the test (an edge of a simulated pin, in effect). */
  static final class TestSource implements LineSource {
    private final String label;
    private final AtomicReference<Runnable> listener = new AtomicReference<>();

    TestSource(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public void subscribe(Runnable l) {
      listener.set(l);
    }

    @Override
    public void unsubscribe() {
      listener.set(null);
    }

    /** One event; false if nobody listens. */
    boolean fire() {
      Runnable l = listener.get();
      if (l == null) {
        return false;
      }
      l.run();
      return true;
    }

    boolean subscribed() {
      return listener.get() != null;
    }
  }
}
