package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import dev.isola.runtime.GuestExit;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Arguments, environment, clocks, randomness, process control and the socket calls (this host has no sockets:
 * they only tell an open non-socket descriptor, {@code ENOTSOCK}, from a closed one, {@code EBADF}).
 * {@code poll_oneoff} lives in {@link PollCalls}.
 */
public final class ProcCalls {
  static final int CLOCK_REALTIME = 0;
  static final int CLOCK_MONOTONIC = 1;
  static final int CLOCK_PROCESS_CPUTIME = 2;
  static final int CLOCK_THREAD_CPUTIME = 3;

  private final WasiContext ctx;
  private final List<byte[]> args;
  private final List<byte[]> env;
  private final SecureRandom random = new SecureRandom();
  // Monotonic time is System.nanoTime() shifted so that it starts at one second: positive, never decreasing.
  private final long monotonicOrigin = System.nanoTime() - 1_000_000_000L;

  public ProcCalls(WasiContext ctx) {
    this.ctx = ctx;
    this.args = new ArrayList<>();
    for (String a : ctx.config().args()) {
      args.add(cString(a));
    }
    this.env = new ArrayList<>();
    for (Map.Entry<String, String> e : ctx.config().env().entrySet()) {
      env.add(cString(e.getKey() + "=" + e.getValue()));
    }
  }

  private static byte[] cString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, out, 0, utf8.length);
    return out;
  }

  public int args_get(Caller c, int argv, int argvBuf) {
    return writeStrings(GuestMemory.of(c), args, argv, argvBuf);
  }

  public int args_sizes_get(Caller c, int argcPtr, int bufSizePtr) {
    return writeSizes(GuestMemory.of(c), args, argcPtr, bufSizePtr);
  }

  public int environ_get(Caller c, int environ, int environBuf) {
    return writeStrings(GuestMemory.of(c), env, environ, environBuf);
  }

  public int environ_sizes_get(Caller c, int countPtr, int bufSizePtr) {
    return writeSizes(GuestMemory.of(c), env, countPtr, bufSizePtr);
  }

  private static int writeStrings(GuestMemory m, List<byte[]> strings, int pointers, int buf) {
    long total = 0;
    for (byte[] s : strings) {
      total += s.length;
    }
    m.verify(pointers, 4L * strings.size());
    m.verify(buf, total);
    int at = buf;
    for (int i = 0; i < strings.size(); i++) {
      byte[] s = strings.get(i);
      m.writeI32(pointers + 4 * i, at);
      m.write(Integer.toUnsignedLong(at), s, 0, s.length);
      at += s.length;
    }
    return 0;
  }

  private static int writeSizes(GuestMemory m, List<byte[]> strings, int countPtr, int bufSizePtr) {
    m.verify(countPtr, 4);
    m.verify(bufSizePtr, 4);
    int total = 0;
    for (byte[] s : strings) {
      total += s.length;
    }
    m.writeI32(countPtr, strings.size());
    m.writeI32(bufSizePtr, total);
    return 0;
  }

  public int clock_res_get(Caller c, int id, int resPtr) {
    GuestMemory m = GuestMemory.of(c);
    m.verify(resPtr, 8);
    long res =
        switch (id) {
          case CLOCK_REALTIME -> 1_000L;
          case CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> 1L;
          default -> throw new ErrnoException(Errno.INVAL);
        };
    m.writeI64(resPtr, res);
    return 0;
  }

  public int clock_time_get(Caller c, int id, long precision, int timePtr) {
    GuestMemory m = GuestMemory.of(c);
    m.verify(timePtr, 8);
    m.writeI64(timePtr, now(id));
    return 0;
  }

  /** The time of clock {@code id} in nanoseconds; {@code EINVAL} for an unknown clock. */
  long now(int id) {
    return switch (id) {
      case CLOCK_REALTIME -> {
        Instant t = Instant.now();
        yield t.getEpochSecond() * 1_000_000_000L + t.getNano();
      }
      // CPU time of the guest is not tracked; elapsed time is an upper bound that keeps its properties.
      case CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> System.nanoTime() - monotonicOrigin;
      default -> throw new ErrnoException(Errno.INVAL);
    };
  }

  public int random_get(Caller c, int buf, int len) {
    GuestMemory m = GuestMemory.of(c);
    m.verify(buf, Integer.toUnsignedLong(len));
    byte[] chunk = new byte[(int) Math.min(Integer.toUnsignedLong(len), 65536)];
    long done = 0;
    long total = Integer.toUnsignedLong(len);
    while (done < total) {
      int n = (int) Math.min(chunk.length, total - done);
      random.nextBytes(chunk);
      m.write(Integer.toUnsignedLong(buf) + done, chunk, 0, n);
      done += n;
    }
    return 0;
  }

  public void proc_exit(Caller c, int status) {
    throw new GuestExit(status);
  }

  public int proc_raise(Caller c, int signal) {
    return Errno.NOSYS.code();
  }

  public int sched_yield(Caller c) {
    Thread.yield();
    return 0;
  }

  public int sock_accept(Caller c, int fd, int flags, int fdPtr) {
    return notSocket(fd);
  }

  public int sock_recv(Caller c, int fd, int riData, int riDataLen, int riFlags, int roDatalenPtr, int roFlagsPtr) {
    return notSocket(fd);
  }

  public int sock_send(Caller c, int fd, int siData, int siDataLen, int siFlags, int soDatalenPtr) {
    return notSocket(fd);
  }

  public int sock_shutdown(Caller c, int fd, int how) {
    return notSocket(fd);
  }

  private int notSocket(int fd) {
    ctx.fds().get(fd);
    return Errno.NOTSOCK.code();
  }
}
