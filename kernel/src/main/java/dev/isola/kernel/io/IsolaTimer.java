package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.hal.Kind;
import dev.isola.hal.TimerChannel;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Set;

/**
 * {@code isola:timer}: one channel; {@code start} arms it (first expiry after {@code delay_ns > 0}, then every
 * {@code period_ns}, 0: once), {@code stop} disarms it. An expiry does nothing by itself: it is an event source
 * that {@code isola:irq} attaches a handler to.
 */
final class IsolaTimer extends IoModule {
  static final String MODULE = "isola:timer";

  private static final MethodHandle START = find(IsolaTimer.class, "start", int.class, long.class, long.class);
  private static final MethodHandle STOP = find(IsolaTimer.class, "stop", int.class);

  IsolaTimer(Handles handles) {
    super(MODULE, handles, Set.of(Kind.TIMER), TimerChannel.class);
  }

  @Override
  List<HostFunction> functions() {
    return with(
        fn("start", START),
        fn("stop", STOP));
  }

  int start(Caller caller, int h, long delayNs, long periodNs) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    try {
      handle.as(TimerChannel.class).start(delayNs, periodNs);
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }

  int stop(Caller caller, int h) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    try {
      handle.as(TimerChannel.class).stop();
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }
}
