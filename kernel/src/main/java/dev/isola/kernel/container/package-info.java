/**
 * Containers: one module's instances over the system's life, their contexts, stacks, restarts, watchdog and
 * hot swaps (docs/kernel.md is the user's view).
 *
 * <h2>Shape</h2>
 *
 * A {@link dev.isola.kernel.container.Container} lives as long as the system and owns one scheduler group, so
 * its figures span restarts. Each life of it is an {@code Incarnation}: one store, one instance, one WASI
 * context, its tasks (a boot task, then {@code _start} or one task per context), ended by the first {@link
 * dev.isola.kernel.container.Outcome}. One supervisor (a virtual thread that runs no guest code) per container
 * applies the restart policy and carries out swaps and stops, one event at a time, so they never race.
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li><b>First outcome wins.</b> When a context traps, the incarnation's outcome is set once (a CAS) and the
 *       group's other tasks are killed at their next safepoint; their own ends (kill traps) are ignored. The
 *       supervisor waits for every task to end before anything else starts, so two incarnations of a container
 *       never run at once.
 *   <li><b>Stack switching at the host calls that switch.</b> The scheduler hands the group's exclusion from one
 *       context to another only inside sleep, yield and block, all reached through {@code isola:sys}; the
 *       {@code __stack_pointer} is saved before such a call and restored after it. Extra contexts' stacks and
 *       the portal stack are grown at boot, above the module's initial memory, so C's allocator (which grows
 *       memory for more) never hands them out.
 *   <li><b>Two watchdogs, one limit.</b> The scheduler's fires on a task that holds a permit without a
 *       safepoint or host-call boundary (host functions are wrapped by {@code HostCalls} to mark boundaries);
 *       the container's {@code RunClock} fires on a guest that runs that long without a host call (a loop,
 *       which reaches safepoints at every back-edge). Both kill the task; the container fails.
 *   <li><b>Host functions are built off the watchdog.</b> Making a store's few dozen host functions spins method
 *       handles, slow on a cold JVM; it runs on the supervisor before the boot task, so it never counts as a
 *       guest's silence.
 *   <li><b>Portals</b> call into a container through {@link dev.isola.kernel.container.PortalExporter}: the
 *       caller's task enters the exporter's group (its exclusion), the kernel points {@code __stack_pointer}
 *       at the portal stack and restores it after; an exporter's trap fails the exporter (by its policy) and
 *       answers the caller {@link dev.isola.kernel.container.ExporterUnavailableException}, never a trap.
 *   <li><b>Interrupts</b> ({@code dev.isola.kernel.irq}): each incarnation has an {@code InterruptController}
 *       (closed with it, so an old incarnation's lines never fire), and a module that imports {@code isola:irq}
 *       gets an interrupt task (on a platform thread, see {@code Group.spawnInterruptTask}), spawned before the
 *       contexts, with a stack region of its own grown at boot: it runs the handlers when no context holds the
 *       instance, {@code __stack_pointer} switched to its region and back. A handler's trap ends the
 *       incarnation naming the handler and its line. Every host function's normal return is an interrupt point
 *       ({@code HostCalls}), so a guest that calls the host in a tight loop still runs a pending handler at once.
 *       A handler runs the C function itself, not wasm-ld's command export wrapper around it ({@code
 *       CommandExport}): the wrapper's libc exit work (a {@code stdout} flush) would land in the middle of the
 *       code the handler interrupts.
 *   <li><b>Swaps are checked against the real imports</b> the container would be linked with ({@code
 *       ModuleFit}), so the check and the link cannot disagree. A swap's new incarnation is on trial for the
 *       grace period: a failure then brings the old module back instead of the restart policy.
 * </ul>
 */
package dev.isola.kernel.container;
