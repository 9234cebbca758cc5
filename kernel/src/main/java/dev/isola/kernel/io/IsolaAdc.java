package dev.isola.kernel.io;

import dev.isola.hal.AdcChannel;
import dev.isola.hal.HalException;
import dev.isola.hal.Kind;
import dev.isola.runtime.Caller;
import dev.isola.runtime.HostFunction;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Set;

/**
 * {@code isola:adc}: one channel; {@code read} samples it (0 .. 2^bits - 1), {@code bits} and {@code
 * reference_mv} say how to turn a sample into millivolts. A channel of an ADC that sits on an SPI part (the
 * MCP3008 under adc0) is sampled by the board's driver, which speaks the part's SPI protocol.
 */
final class IsolaAdc extends IoModule {
  static final String MODULE = "isola:adc";

  private static final MethodHandle READ = find(IsolaAdc.class, "read", int.class);
  private static final MethodHandle BITS = find(IsolaAdc.class, "bits", int.class);
  private static final MethodHandle REFERENCE_MV = find(IsolaAdc.class, "referenceMv", int.class);

  IsolaAdc(Handles handles) {
    super(MODULE, handles, Set.of(Kind.ADC), AdcChannel.class);
  }

  @Override
  List<HostFunction> functions() {
    return with(
        fn("read", READ),
        fn("bits", BITS),
        fn("reference_mv", REFERENCE_MV));
  }

  int read(Caller caller, int h) {
    Handle handle = handle(h);
    if (handle == null) {
      return IoError.EBADF.code();
    }
    try {
      return handle.as(AdcChannel.class).sample();
    } catch (HalException e) {
      return error(e);
    }
  }

  int bits(Caller caller, int h) {
    Handle handle = handle(h);
    return handle == null ? IoError.EBADF.code() : handle.as(AdcChannel.class).bits();
  }

  int referenceMv(Caller caller, int h) {
    Handle handle = handle(h);
    return handle == null ? IoError.EBADF.code() : handle.as(AdcChannel.class).referenceMv();
  }
}
