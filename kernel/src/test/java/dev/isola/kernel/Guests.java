package dev.isola.kernel;

/** WAT guests the kernel's tests share. */
public final class Guests {
  private Guests() {}

  /** A periodic context {@code tick} that does a little work and returns. */
  public static final String TICKER = """
      (module
        (memory 1)
        (global $n (mut i32) (i32.const 0))
        (func (export "tick") (global.set $n (i32.add (global.get $n) (i32.const 1))))
        (func (export "_start")))
      """;

  /** A command that traps at once. */
  public static final String TRAPPER = """
      (module
        (memory 1)
        (func $crash (unreachable))
        (func (export "_start") (call $crash)))
      """;

  /** A command whose {@code _start} spins forever in a Wasm loop (safepoints at every back-edge, no host call). */
  public static final String SPINNER = """
      (module
        (memory 1)
        (func (export "_start") (loop $l (br $l))))
      """;

  /** A command that logs "hello" through isola:sys and returns. */
  public static final String HELLO = """
      (module
        (import "isola:sys" "log" (func $log (param i32 i32 i32)))
        (memory 1)
        (data (i32.const 16) "hello")
        (func (export "_start") (call $log (i32.const 2) (i32.const 16) (i32.const 5))))
      """;

  /** A command that exits through isola:sys with status 3. */
  public static final String EXIT3 = """
      (module
        (import "isola:sys" "exit" (func $exit (param i32)))
        (memory 1)
        (func (export "_start") (call $exit (i32.const 3)) (unreachable)))
      """;
}
