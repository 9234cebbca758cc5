package dev.isola.kernel.io;

import dev.isola.hal.GpioPin;
import dev.isola.hal.HalException;
import dev.isola.hal.Kind;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Set;

/**
 * {@code isola:gpio}, after wasi:gpio: a label is acquired by name ({@code open}); its direction, pull, edge and
 * initial level come from the module's need, so a guest cannot make an input an output. A {@code gpio-out}
 * handle reads (its driven level), writes and toggles; a {@code gpio-in} handle only reads ({@code EACCES}).
 */
final class IsolaGpio extends IoModule {
  static final String MODULE = "isola:gpio";

  private static final MethodHandle READ = find(IsolaGpio.class, "read", int.class);
  private static final MethodHandle WRITE = find(IsolaGpio.class, "write", int.class, int.class);
  private static final MethodHandle TOGGLE = find(IsolaGpio.class, "toggle", int.class);

  IsolaGpio(Handles handles) {
    super(MODULE, handles, Set.of(Kind.GPIO_IN, Kind.GPIO_OUT), GpioPin.class);
  }

  @Override
  List<HostFunction> functions() {
    return with(
        fn("read", READ),
        fn("write", WRITE),
        fn("toggle", TOGGLE));
  }

  int read(Caller caller, int h) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    try {
      return handle.as(GpioPin.class).read() ? 1 : 0;
    } catch (HalException e) {
      return error(e);
    }
  }

  int write(Caller caller, int h, int level) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    if (handle.need().kind() != Kind.GPIO_OUT) {
      return IoError.EACCES.code();
    }
    if (level != 0 && level != 1) {
      return IoError.EINVAL.code();
    }
    try {
      handle.as(GpioPin.class).write(level == 1);
      return 0;
    } catch (HalException e) {
      return error(e);
    }
  }

  int toggle(Caller caller, int h) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    if (handle.need().kind() != Kind.GPIO_OUT) {
      return IoError.EACCES.code();
    }
    try {
      return handle.as(GpioPin.class).toggle() ? 1 : 0;
    } catch (HalException e) {
      return error(e);
    }
  }
}
