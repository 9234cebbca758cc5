package dev.isola.kernel.sys;

import dev.isola.runtime.Caller;
import dev.isola.runtime.GuestExit;
import dev.isola.runtime.HostFunction;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Memory;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code isola:sys} import module for one container (sdk/isola.h lists the same functions): every call
 * checks the guest's pointers against its memory first and answers a {@link SysError} code, then asks the
 * container's {@link SysHost} to act.
 */
public final class IsolaSys {
  /** The import module name. */
  public static final String MODULE = "isola:sys";

  private static final int LIMITS = 5;
  /** A log line longer than this is cut: a guest must not make the kernel's log allocate without bound. */
  static final int MAX_LOG_LINE = 4096;

  private static final MethodHandle NOW, SLEEP_UNTIL, SLEEP_FOR, YIELD, LOG, NAME, LIMIT, EXIT;

  static {
    try {
      var lookup = MethodHandles.lookup();
      NOW = virtual(lookup, "now", long.class);
      SLEEP_UNTIL = virtual(lookup, "sleepUntil", int.class, long.class);
      SLEEP_FOR = virtual(lookup, "sleepFor", int.class, long.class);
      YIELD = virtual(lookup, "yieldNow", void.class);
      LOG = virtual(lookup, "log", void.class, int.class, int.class, int.class);
      NAME = virtual(lookup, "name", int.class, int.class, int.class);
      LIMIT = virtual(lookup, "limit", long.class, int.class);
      EXIT = virtual(lookup, "exit", void.class, int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static MethodHandle virtual(MethodHandles.Lookup lookup, String name, Class<?> result,
                                      Class<?>... params) throws ReflectiveOperationException {
    return HostFunction.findMethod(lookup, IsolaSys.class, name, result, params);
  }

  private final SysHost host;

  public IsolaSys(SysHost host) {
    this.host = host;
  }

  /** Defines every {@code isola:sys} function into {@code imports}; returns it. */
  public Imports define(Imports imports) {
    for (HostFunction f : functions()) {
      imports.define(f);
    }
    return imports;
  }

  /** The host functions, bound to this container. */
  public List<HostFunction> functions() {
    ValType i32 = ValType.I32;
    ValType i64 = ValType.I64;
    return List.of(
        fn("now", List.of(), List.of(i64), NOW),
        fn("sleep_until", List.of(i64), List.of(i32), SLEEP_UNTIL),
        fn("sleep_for", List.of(i64), List.of(i32), SLEEP_FOR),
        fn("yield", List.of(), List.of(), YIELD),
        fn("log", List.of(i32, i32, i32), List.of(), LOG),
        fn("name", List.of(i32, i32), List.of(i32), NAME),
        fn("limit", List.of(i32), List.of(i64), LIMIT),
        fn("exit", List.of(i32), List.of(), EXIT));
  }

  private HostFunction fn(String name, List<ValType> params, List<ValType> results, MethodHandle handle) {
    return HostFunction.of(MODULE, name, FuncType.of(params, results), handle.bindTo(this));
  }

  long now(Caller caller) {
    return host.now();
  }

  int sleepUntil(Caller caller, long ns) {
    return host.sleepUntil(ns);
  }

  int sleepFor(Caller caller, long ns) {
    if (ns < 0) {
      return SysError.EINVAL.code();
    }
    long now = host.now();
    // Saturate: a huge duration means "forever", not a time in the past.
    long until = now + ns < now ? Long.MAX_VALUE : now + ns;
    return host.sleepUntil(until);
  }

  void yieldNow(Caller caller) {
    host.yieldNow();
  }

  void log(Caller caller, int level, int ptr, int len) {
    Memory memory = caller.memory(0);
    if (memory == null || !inside(memory, ptr, len)) {
      // Logging never fails a guest (isola.h): a bad line is dropped, and the kernel says so once per call.
      host.log(level, "<isola_log: bad buffer " + Integer.toUnsignedString(ptr) + "+" + len + ">");
      return;
    }
    int n = Math.min(len, MAX_LOG_LINE);
    byte[] bytes = new byte[n];
    memory.read(Integer.toUnsignedLong(ptr), bytes, 0, n);
    host.log(level, new String(bytes, StandardCharsets.UTF_8) + (n < len ? "..." : ""));
  }

  int name(Caller caller, int ptr, int cap) {
    Memory memory = caller.memory(0);
    if (cap < 0) {
      return SysError.EINVAL.code();
    }
    if (memory == null || !inside(memory, ptr, cap)) {
      return SysError.EFAULT.code();
    }
    byte[] name = host.name().getBytes(StandardCharsets.UTF_8);
    memory.write(Integer.toUnsignedLong(ptr), name, 0, Math.min(cap, name.length));
    return name.length;
  }

  long limit(Caller caller, int which) {
    if (which < 0 || which >= LIMITS) {
      return SysError.EINVAL.code();
    }
    return host.limit(which);
  }

  void exit(Caller caller, int code) {
    host.exiting(code);
    throw new GuestExit(code);
  }

  /** Whether {@code [ptr, ptr+len)} (ptr unsigned, len non-negative) lies inside {@code memory}. */
  static boolean inside(Memory memory, int ptr, int len) {
    return len >= 0 && Integer.toUnsignedLong(ptr) + len <= memory.bytes().length;
  }
}
