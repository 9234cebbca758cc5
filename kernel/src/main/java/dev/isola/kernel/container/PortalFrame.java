package dev.isola.kernel.container;

import dev.isola.runtime.Function;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Memory;

/**
 * One portal call's view of the exporter, valid only inside {@link PortalCall#run}. Buffers go on the portal
 * stack: a region of the exporter's memory the kernel reserved (grown at start, counted against its memory
 * limit), used from its top down like C's stack; {@code __stack_pointer} sits below the pushed buffers while the
 * exporter's code runs, so its own stack frames do not overwrite them.
 */
public interface PortalFrame {
  /** The exporter's instance. */
  Instance instance();

  /** The exporter's memory 0 (where buffers are copied), or null if it has none. */
  Memory memory();

  /**
   * The exporter's export {@code name} as a function.
   *
   * @throws IllegalArgumentException if there is none (the checker ruled that out before start)
   */
  Function export(String name);

  /**
   * Reserves {@code length} bytes (16-byte aligned) below the previous push and returns their address in
   * {@link #memory()}. The bytes are not cleared.
   *
   * @throws PortalStackOverflowException if the portal stack has no room for them (the caller gets
   *     {@code ISOLA_ENOSPC})
   */
  int push(int length);
}
