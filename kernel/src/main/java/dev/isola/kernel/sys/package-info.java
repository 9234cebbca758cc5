/**
 * {@code isola:sys}, the kernel's host API for guests ({@code sdk/isola.h}): time, sleep, yield, log, the
 * container's name and limits, exit.
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Split as style.md rule 9 asks: {@link dev.isola.kernel.sys.IsolaSys} verifies (pointers against the
 *       caller's memory, ranges) and answers a negative {@link dev.isola.kernel.sys.SysError} code; the
 *       container's {@link dev.isola.kernel.sys.SysHost} does the trusted work. So the checks are written once
 *       and the container code never sees a raw guest pointer.
 *   <li>The host functions are bound to one container ({@code MethodHandle.bindTo}) rather than looking the
 *       container up from the {@link dev.isola.runtime.Caller}: no map from stores to containers, no lookup
 *       per call.
 *   <li>{@code log} cannot fail (a bad buffer is reported in the log, not to the guest): logging is what a
 *       guest does when something already went wrong.
 *   <li>{@code exit} ends the whole container (every context), not only the calling context: it is the
 *       guest's way to say "I am done" or "I failed" to the restart policy.
 * </ul>
 */
package dev.isola.kernel.sys;
