package dev.isola.kernel.io;

import dev.isola.hal.HalException;
import dev.isola.hal.Kind;
import dev.isola.hal.PwmChannel;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Set;

/**
 * {@code isola:pwm}: one channel; {@code set} gives period and pulse width in ns (the facade checks the period
 * against the channel's frequency range and {@code 0 <= pulse <= period}), {@code enable} starts and stops the
 * output. Closing the handle (or the end of the incarnation) leaves the output as it is (the HAL's rule for every
 * output): a fan keeps turning across a swap of its controller.
 */
final class IsolaPwm extends IoModule {
  static final String MODULE = "isola:pwm";

  private static final MethodHandle SET = find(IsolaPwm.class, "set", int.class, long.class, long.class);
  private static final MethodHandle ENABLE = find(IsolaPwm.class, "enable", int.class, int.class);

  IsolaPwm(Handles handles) {
    super(MODULE, handles, Set.of(Kind.PWM), PwmChannel.class);
  }

  @Override
  List<HostFunction> functions() {
    return with(
        fn("set", SET),
        fn("enable", ENABLE));
  }

  int set(Caller caller, int h, long periodNs, long pulseNs) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    try {
      handle.as(PwmChannel.class).set(periodNs, pulseNs);
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }

  int enable(Caller caller, int h, int on) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    if (on != 0 && on != 1) {
      return IoError.EINVAL.code();
    }
    try {
      handle.as(PwmChannel.class).enable(on == 1);
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }
}
