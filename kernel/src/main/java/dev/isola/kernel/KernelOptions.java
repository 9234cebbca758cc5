package dev.isola.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Kernel} runs, beyond what the system file says.
 *
 * @param log where guests' output and the kernel's events go
 * @param swapGrace how long a swapped-in module must run without failing before the swap counts (default 2s);
 *     if it fails sooner, the old module comes back
 */
public record KernelOptions(LogSink log, Duration swapGrace) {
  public static final Duration DEFAULT_SWAP_GRACE = Duration.ofSeconds(2);

  public KernelOptions {
    Objects.requireNonNull(log, "log");
    if (swapGrace.isNegative()) {
      throw new IllegalArgumentException("swapGrace must not be negative: " + swapGrace);
    }
  }

  /** Lines to standard error as {@code container | text}; the default grace. */
  public static KernelOptions defaults() {
    return new KernelOptions((container, text) -> System.err.println(container + " | " + text), DEFAULT_SWAP_GRACE);
  }

  public KernelOptions withLog(LogSink log) {
    return new KernelOptions(log, swapGrace);
  }

  public KernelOptions withSwapGrace(Duration grace) {
    return new KernelOptions(log, grace);
  }
}
