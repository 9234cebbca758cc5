package dev.isola.cli;

import static dev.isola.cli.WasmBuilder.I32;

import dev.isola.cli.WasmBuilder.Bytes;
import java.nio.charset.StandardCharsets;

/** The modules the tests run, assembled by {@link WasmBuilder}. */
final class TestModules {
  static final String WASI = "wasi_snapshot_preview1";
  private static final int[] NONE = {};

  private TestModules() {}

  /** {@code _start} calls {@code middle}, which calls {@code inner}, which executes {@code unreachable}. */
  static byte[] trapping() {
    WasmBuilder b = new WasmBuilder().moduleName("traps");
    // Defined in reverse so that each call targets an index that already exists: inner 0, middle 1, _start 2.
    int inner = b.func("inner", NONE, NONE, new Bytes().op(0x00));
    int middle = b.func("middle", NONE, NONE, new Bytes().call(inner));
    int start = b.func("start", NONE, NONE, new Bytes().call(middle));
    return b.exportFunc("_start", start).build();
  }

  /** Calls {@code proc_exit(status)}. */
  static byte[] exiting(int status) {
    WasmBuilder b = new WasmBuilder();
    int procExit = b.importFunc(WASI, "proc_exit", new int[] {I32}, NONE);
    int start = b.func("start", NONE, NONE, new Bytes().i32Const(status).call(procExit));
    return b.memory(1).export("memory", 2, 0).exportFunc("_start", start).build();
  }

  /** Returns from {@code _start} without exiting: status 0. */
  static byte[] returning() {
    WasmBuilder b = new WasmBuilder();
    int start = b.func("start", NONE, NONE, new Bytes());
    return b.exportFunc("_start", start).build();
  }

  /**
   * Writes its argument buffer, then its environment buffer, to stdout, exactly as {@code args_get} and {@code
   * environ_get} filled them: each string ends with a NUL.
   */
  static byte[] echo() {
    WasmBuilder b = new WasmBuilder();
    int[] ii = {I32, I32};
    int[] r = {I32};
    int argsSizes = b.importFunc(WASI, "args_sizes_get", ii, r);
    int argsGet = b.importFunc(WASI, "args_get", ii, r);
    int envSizes = b.importFunc(WASI, "environ_sizes_get", ii, r);
    int envGet = b.importFunc(WASI, "environ_get", ii, r);
    int fdWrite = b.importFunc(WASI, "fd_write", new int[] {I32, I32, I32, I32}, r);
    Bytes code = new Bytes();
    // Memory: [0] count, [4] buffer size, [8] iovec {ptr, len}, [16..] pointers, strings at 1024 (args), 2048 (env).
    writeBuffer(code, argsSizes, argsGet, 1024, fdWrite);
    writeBuffer(code, envSizes, envGet, 2048, fdWrite);
    int start = b.func("start", NONE, NONE, code);
    return b.memory(1).export("memory", 2, 0).exportFunc("_start", start).build();
  }

  private static void writeBuffer(Bytes code, int sizesGet, int get, int buffer, int fdWrite) {
    code.i32Const(0).i32Const(4).call(sizesGet).drop();
    code.i32Const(16).i32Const(buffer).call(get).drop();
    code.i32Const(8).i32Const(buffer).i32Store();
    code.i32Const(12).i32Const(4).i32Load().i32Store();
    code.i32Const(1).i32Const(8).i32Const(1).i32Const(0).call(fdWrite).drop();
  }

  /** {@code _start} calls {@code recurse}, which calls itself until the call stack is exhausted. */
  static byte[] recursing() {
    WasmBuilder b = new WasmBuilder();
    int recurse = b.func("recurse", NONE, NONE, new Bytes().call(0));
    int start = b.func("start", NONE, NONE, new Bytes().call(recurse));
    return b.exportFunc("_start", start).build();
  }

  /** {@code _start} loops forever: only fuel or a deadline ends it. */
  static byte[] infiniteLoop() {
    WasmBuilder b = new WasmBuilder();
    int start = b.func("spin", NONE, NONE, new Bytes().op(0x03, 0x40, 0x0C, 0x00, 0x0B));
    return b.exportFunc("_start", start).build();
  }

  /** A type section whose declared size runs past the end of the file. */
  static byte[] malformed() {
    return new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1, 0x60, 0};
  }

  /** Function {@code bad} declares an i32 result but leaves an i64. */
  static byte[] invalid() {
    WasmBuilder b = new WasmBuilder();
    b.func("good", NONE, NONE, new Bytes());
    int bad = b.func("bad", NONE, new int[] {I32}, new Bytes().u8(0x42).s32(0));
    return b.exportFunc("bad", bad).build();
  }

  /** A module with a bit of everything, for {@code inspect}. */
  static byte[] inspectable() {
    WasmBuilder b = new WasmBuilder().moduleName("sample");
    b.importFunc(WASI, "fd_write", new int[] {I32, I32, I32, I32}, new int[] {I32});
    int add = b.func("add", new int[] {I32, I32}, new int[] {I32}, new Bytes().op(0x20, 0, 0x20, 1, 0x6A));
    int start = b.func("start", NONE, NONE, new Bytes());
    return b.memory(2).table(3).mutableI32Global(66560)
        .export("memory", 2, 0).exportFunc("add", add).exportFunc("_start", start)
        .custom("producers", "clang".getBytes(StandardCharsets.UTF_8))
        .build();
  }

}
