package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.hal.Kind;
import dev.isola.hal.Parity;
import dev.isola.hal.UartConfig;
import dev.isola.hal.UartPort;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Set;

/**
 * {@code isola:uart}: a byte stream. {@code read} returns what is there at once; with nothing there it waits (up
 * to the timeout; negative: without limit) through the scheduler's block, so only the calling context waits and
 * a stop of the container ends the wait. The baud from the need is applied at open; {@code configure} changes the
 * line later.
 */
final class IsolaUart extends IoModule {
  static final String MODULE = "isola:uart";

  private static final MethodHandle WRITE = find(IsolaUart.class, "write", int.class, int.class, int.class);
  private static final MethodHandle READ = find(IsolaUart.class, "read", int.class, int.class, int.class, long.class);
  private static final MethodHandle CONFIGURE = find(IsolaUart.class, "configure", int.class, int.class, int.class,
      int.class, int.class);

  IsolaUart(Handles handles) {
    super(MODULE, handles, Set.of(Kind.UART), UartPort.class);
  }

  @Override
  List<HostFunction> functions() {
    return with(
        fn("write", WRITE),
        fn("read", READ),
        fn("configure", CONFIGURE));
  }

  int write(Caller caller, int h, int buf, int len) {
    GuestMemory memory = GuestMemory.of(caller);
    int bad = checkBuffer(memory, buf, len, 0, MAX_UART_BYTES);
    if (bad < 0) {
      return bad;
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    UartPort port = handle.as(UartPort.class);
    byte[] data = memory.read(buf, len);
    try {
      // Ten bits a byte (start, 8 data, stop): a long line at a slow baud gives the CPU away while it drains.
      return SlowCall.transfer(caller, 10L * len, port.config().baud(), () -> port.write(data, 0, len));
    } catch (HalException e) {
      return error(e);
    }
  }

  int read(Caller caller, int h, int buf, int len, long timeoutNs) {
    GuestMemory memory = GuestMemory.of(caller);
    int bad = checkBuffer(memory, buf, len, 0, MAX_UART_BYTES);
    if (bad < 0) {
      return bad;
    }
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    if (len == 0) {
      return 0;
    }
    UartPort port = handle.as(UartPort.class);
    byte[] into = new byte[len];
    try {
      // What is there already is taken without giving the CPU away: the common case of a line arriving.
      int n = port.read(into, 0, len, 0);
      if (n == 0 && timeoutNs != 0) {
        long wait = timeoutNs < 0 ? Long.MAX_VALUE : timeoutNs;
        n = SlowCall.run(caller, () -> port.read(into, 0, len, wait));
        if (n == 0) {
          return IoError.ETIMEDOUT.code();
        }
      }
      if (n == 0) {
        return IoError.EAGAIN.code();
      }
      memory.write(buf, into, n);
      return n;
    } catch (HalException e) {
      return error(e);
    }
  }

  int configure(Caller caller, int h, int baud, int dataBits, int parity, int stopBits) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    Parity p = switch (parity) {
      case 0 -> Parity.NONE;
      case 1 -> Parity.ODD;
      case 2 -> Parity.EVEN;
      default -> null;
    };
    if (p == null) {
      return IoError.EINVAL.code();
    }
    try {
      handle.as(UartPort.class).configure(new UartConfig(baud, dataBits, p, stopBits));
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }
}
