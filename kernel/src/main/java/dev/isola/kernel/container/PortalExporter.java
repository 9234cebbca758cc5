package dev.isola.kernel.container;

/**
 * A running container seen by a portal: the one way to run an exporter's code on behalf of another container.
 * The kernel implements it; {@code dev.isola.kernel.portal} builds the importer's host functions on it.
 *
 * <p>A call runs on the <em>caller's</em> thread, inside the caller's scheduler task (so at the caller's
 * priority, charged to the caller's budget, preempted and killed like the caller), while holding the
 * exporter's guest lock, so exactly one piece of code runs in the exporter's instance at a time (design.md
 * section 2). Waiting for that lock releases the caller's run permit.
 */
public interface PortalExporter {
  /** The exporting container's name. */
  String name();

  /**
   * Runs {@code call} with exclusive use of this container's instance and a fresh portal stack frame: the
   * kernel saves {@code __stack_pointer}, lets {@code call} push buffers onto the portal stack region ({@link
   * PortalFrame#push}), points {@code __stack_pointer} below the last one before each guest call, and restores it
   * afterwards, whatever happens.
   *
   * <p>If the exporter traps inside {@code call}, the kernel hands the trap to the exporter's restart policy
   * (the exporter fails; the caller does not) and this method throws {@link ExporterUnavailableException}. A
   * trap meant for the caller (its kill, swap or watchdog, which arrive at safepoints of the exporter's code run
   * on the caller's thread) passes through unchanged.
   *
   * @throws ExporterUnavailableException if the exporter is not running (stopped, restarting, being swapped)
   *     or trapped during the call
   */
  <R> R call(PortalCall<R> call);
}
