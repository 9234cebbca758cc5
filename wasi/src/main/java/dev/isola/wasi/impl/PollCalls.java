package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff}. Descriptors are always reported ready, with the bytes available for reading: files and
 * output streams never block here, and standard input reports what {@link java.io.InputStream#available()}
 * says (0 at its end, where a read returns at once too). If any descriptor subscription is ready (or fails),
 * the call returns those at once; otherwise it sleeps until the earliest clock subscription is due and returns
 * the clocks that are.
 */
public final class PollCalls {
  /** {@code subscription}: userdata u64 @0, tag u8 @8, union @16. */
  static final int SUBSCRIPTION_SIZE = 48;

  /** {@code event}: userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24. */
  static final int EVENT_SIZE = 32;

  static final int EVENTTYPE_CLOCK = 0;
  static final int EVENTTYPE_FD_READ = 1;
  static final int EVENTTYPE_FD_WRITE = 2;
  static final int SUBCLOCKFLAGS_ABSTIME = 1;

  private final WasiContext ctx;
  private final ProcCalls clocks;

  public PollCalls(WasiContext ctx, ProcCalls clocks) {
    this.ctx = ctx;
    this.clocks = clocks;
  }

  private record Event(long userdata, Errno error, int type, long nbytes) {}

  public int poll_oneoff(Caller c, int in, int out, int nsubscriptions, int neventsPtr) throws IOException {
    GuestMemory m = GuestMemory.of(c);
    long n = Integer.toUnsignedLong(nsubscriptions);
    m.verify(in, n * SUBSCRIPTION_SIZE);
    m.verify(out, n * EVENT_SIZE);
    m.verify(neventsPtr, 4);
    if (n == 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    List<Event> ready = new ArrayList<>();
    long earliest = Long.MAX_VALUE; // monotonic deadline, ns
    List<long[]> timers = new ArrayList<>(); // {userdata, deadline}
    for (int i = 0; i < n; i++) {
      int s = in + i * SUBSCRIPTION_SIZE;
      long userdata = m.readI64(s);
      int tag = m.readI32(s + 8) & 0xff;
      switch (tag) {
        case EVENTTYPE_CLOCK -> {
          int id = m.readI32(s + 16);
          long timeout = m.readI64(s + 24);
          int flags = m.readI32(s + 40) & 0xffff;
          long deadline;
          try {
            long now = clocks.now(id);
            long relative = (flags & SUBCLOCKFLAGS_ABSTIME) != 0 ? timeout - now : timeout;
            deadline = clocks.now(ProcCalls.CLOCK_MONOTONIC) + Math.max(relative, 0);
          } catch (ErrnoException e) {
            ready.add(new Event(userdata, e.errno(), EVENTTYPE_CLOCK, 0));
            continue;
          }
          timers.add(new long[] {userdata, deadline});
          earliest = Math.min(earliest, deadline);
        }
        case EVENTTYPE_FD_READ, EVENTTYPE_FD_WRITE -> ready.add(fdEvent(userdata, tag, m.readI32(s + 16)));
        default -> throw new ErrnoException(Errno.INVAL);
      }
    }
    if (ready.isEmpty() && !timers.isEmpty()) {
      long wait = earliest - clocks.now(ProcCalls.CLOCK_MONOTONIC);
      if (wait > 0) {
        try {
          Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ErrnoException(Errno.INTR);
        }
      }
      long now = clocks.now(ProcCalls.CLOCK_MONOTONIC);
      for (long[] t : timers) {
        if (t[1] <= now) {
          ready.add(new Event(t[0], Errno.SUCCESS, EVENTTYPE_CLOCK, 0));
        }
      }
    }
    for (int i = 0; i < ready.size(); i++) {
      Event e = ready.get(i);
      int at = out + i * EVENT_SIZE;
      m.writeI64(at, e.userdata());
      m.writeI64(at + 8, 0);
      m.writeI16(at + 8, e.error().code());
      m.writeI8(at + 10, e.type());
      m.writeI64(at + 16, e.nbytes());
      m.writeI64(at + 24, 0);
    }
    m.writeI32(neventsPtr, ready.size());
    return 0;
  }

  private Event fdEvent(long userdata, int type, int fd) throws IOException {
    Descriptor d;
    try {
      d = ctx.fds().get(fd);
      d.require(Rights.POLL_FD_READWRITE, Errno.BADF);
    } catch (ErrnoException e) {
      return new Event(userdata, e.errno(), type, 0);
    }
    long nbytes =
        switch (d) {
          case StreamDescriptor s when type == EVENTTYPE_FD_READ && s.in() != null -> s.in().available();
          case FileDescriptor f when type == EVENTTYPE_FD_READ ->
              Math.max(0, f.channel().size() - f.channel().position());
          default -> 0;
        };
    return new Event(userdata, Errno.SUCCESS, type, nbytes);
  }
}
