package dev.isola.kernel.io;

import dev.isola.runtime.HostFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest I/O API of one incarnation: the seven import modules ({@code isola:gpio}, {@code isola:i2c}, {@code
 * isola:spi}, {@code isola:uart}, {@code isola:adc}, {@code isola:pwm}, {@code isola:timer}) bound to its
 * {@link Handles}. {@code sdk/isola.h} declares the same functions; {@code docs/io.md} describes them.
 *
 * <pre>{@code
 * Handles table = services.peripherals().table(spec, true);
 * for (HostFunction f : IsolaIo.functions(table)) {
 *   imports.define(f);
 * }
 * }</pre>
 */
public final class IsolaIo {
  private IsolaIo() {}

  /** Every I/O host function, bound to {@code handles}. */
  public static List<HostFunction> functions(Handles handles) {
    List<HostFunction> all = new ArrayList<>();
    for (IoModule m : List.of(new IsolaGpio(handles), new IsolaI2c(handles), new IsolaSpi(handles),
        new IsolaUart(handles), new IsolaAdc(handles), new IsolaPwm(handles), new IsolaTimer(handles))) {
      all.addAll(m.functions());
    }
    return all;
  }

  /** The functions for their names and types only (the system check's import validation): bound to nothing. */
  public static List<HostFunction> offered() {
    return functions(new Handles(java.util.Optional.empty(), java.util.Map.of()));
  }
}
