/**
 * Portals: named services one container exports and others import, called as ordinary Wasm imports
 * ({@code portal:NAME.FN}) and passed by value.
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Call by value, never a reference: a buffer parameter is {@code (ptr, len)} on both sides; the kernel
 *       copies {@code in}/{@code inout} bytes from the caller's memory onto the exporter's portal stack (a region
 *       the containers package reserves in the exporter's memory, used top-down like C's stack, with
 *       {@code __stack_pointer} moved below the buffers for the call), passes the exporter that address, and copies
 *       {@code out}/{@code inout} bytes back afterwards. {@code out} buffers reach the exporter zeroed.
 *   <li>Verify, then act: the caller's buffers are checked against its memory before the exporter is touched;
 *       a bad one answers {@code ISOLA_EFAULT}.
 *   <li>The call runs on the caller's thread, inside the caller's scheduler task: at the caller's priority and
 *       charged to its budget. Exclusive use of the exporter's instance and the portal stack is the
 *       {@link dev.isola.kernel.container.PortalExporter}'s job (containers implements it); this package only
 *       builds the importer's host functions on it.
 *   <li>Failures never trap the caller: an exporter that is down, restarting or traps makes the call answer
 *       {@code ISOLA_EUNAVAILABLE} in its first result (integers; NaN for a float first result).
 *   <li>Access control is by linking: only containers that list the portal in {@code portals.import} get its
 *       host functions; for any other, the import is undefined, and {@code isola check} refuses it first.
 * </ul>
 */
package dev.isola.kernel.portal;
