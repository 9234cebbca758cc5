package dev.isola.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Kernel} runs, beyond what the system file says.
 *
 * @param log where guests' output and the kernel's events go
 * @param swapGrace how long a swapped-in module must run without failing before the swap counts (default 2s);
 *     if it fails sooner, the old module comes back
 * @param rehearsal how long the start-up rehearsal runs before the first system of this JVM starts (default
 *     300 ms; zero: none): see docs/kernel.md, "The start-up rehearsal"
 */
public record KernelOptions(LogSink log, Duration swapGrace, Duration rehearsal) {
  public static final Duration DEFAULT_SWAP_GRACE = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REHEARSAL = Duration.ofMillis(300);

  public KernelOptions {
    Objects.requireNonNull(log, "log");
    if (swapGrace.isNegative()) {
      throw new IllegalArgumentException("swapGrace must not be negative: " + swapGrace);
    }
    if (rehearsal.isNegative()) {
      throw new IllegalArgumentException("rehearsal must not be negative: " + rehearsal);
    }
  }

  /** Lines to standard error as {@code container | text}; the default grace and rehearsal. */
  public static KernelOptions defaults() {
    return new KernelOptions((container, text) -> System.err.println(container + " | " + text), DEFAULT_SWAP_GRACE,
        DEFAULT_REHEARSAL);
  }

  public KernelOptions withLog(LogSink log) {
    return new KernelOptions(log, swapGrace, rehearsal);
  }

  public KernelOptions withSwapGrace(Duration grace) {
    return new KernelOptions(log, grace, rehearsal);
  }

  public KernelOptions withRehearsal(Duration length) {
    return new KernelOptions(log, swapGrace, length);
  }
}
