package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;
import dev.isola.runtime.ResourceLimiter;
import dev.isola.runtime.Store;
import dev.isola.wasi.WasiConfig;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Calls WASI functions the way a guest would, through their host-function handles, on a one-page memory. */
final class Guest {
  final Memory memory = new Memory(new MemoryType(new Limits(1, 1)), ResourceLimiter.UNLIMITED);
  final WasiContext ctx;
  private final Map<String, HostFunction> functions = new HashMap<>();
  private final Caller caller =
      new Caller() {
        @Override
        public Instance instance() {
          return null;
        }

        @Override
        public Store store() {
          return null;
        }

        @Override
        public Memory memory(int index) {
          return memory;
        }
      };
  /** Bump allocator for strings and buffers, from 1 KiB up. */
  private int next = 1024;

  Guest(WasiConfig config) {
    ctx = new WasiContext(config);
    for (HostFunction f : Preview1.functions(ctx)) {
      functions.put(f.name(), f);
    }
  }

  Map<String, HostFunction> functions() {
    return functions;
  }

  /** Calls {@code name} and returns its errno. */
  Errno call(String name, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = caller;
    System.arraycopy(args, 0, all, 1, args.length);
    try {
      return Errno.values()[(int) functions.get(name).handle().invokeWithArguments(all)];
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  int alloc(int size) {
    int at = next;
    next += (size + 7) & ~7;
    return at;
  }

  /** Puts {@code s} in memory; returns {ptr, len}. */
  int[] string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int at = alloc(b.length);
    memory.write(at, b, 0, b.length);
    return new int[] {at, b.length};
  }

  /** One iovec over {@code len} bytes at {@code buf}; returns the iovec array's address. */
  int iovec(int buf, int len) {
    int at = alloc(8);
    memory.writeI32(at, buf);
    memory.writeI32(at + 4, len);
    return at;
  }

  String read(int ptr, int len) {
    byte[] b = new byte[len];
    memory.read(ptr, b, 0, len);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** path_open relative to {@code dirfd}; returns the new fd or throws with the errno. */
  int open(int dirfd, int lookup, String path, int oflags, long rights, int fdflags) {
    int[] p = string(path);
    int fdPtr = alloc(4);
    Errno e = call("path_open", dirfd, lookup, p[0], p[1], oflags, rights, 0L, fdflags, fdPtr);
    if (e != Errno.SUCCESS) {
      throw new ErrnoException(e);
    }
    return memory.readI32(fdPtr);
  }

  Errno openErrno(int dirfd, int lookup, String path, int oflags) {
    try {
      open(dirfd, lookup, path, oflags, Rights.FD_READ, 0);
      return Errno.SUCCESS;
    } catch (ErrnoException e) {
      return e.errno();
    }
  }

  Errno path(String call, int dirfd, String path) {
    int[] p = string(path);
    return call(call, dirfd, p[0], p[1]);
  }
}
