/**
 * Interrupts in Wasm (design.md section 3): interrupt lines, the {@code isola:irq} import module, and how a
 * recorded event becomes a nested call of a guest's handler at the line's priority.
 *
 * <h2>Shape</h2>
 *
 * An event source (a handle of the I/O API that can interrupt: {@code dev.isola.kernel.io.EventSource},
 * seen here as a {@link dev.isola.kernel.irq.LineSource} so that this package depends on the scheduler only) gets
 * a handler with {@code isola:irq attach(h, "on_alert")}: the pair is a {@code Line} of the incarnation's
 * {@link dev.isola.kernel.irq.InterruptController}, at the priority the system file gives its label
 * ({@code [containers.NAME.interrupts]}, default the container's priority + 1).
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li><b>The host only records.</b> The source's listener (any thread) bumps a saturating count (pending
 *       while above zero; events past 65535 are counted as overflows instead) and, if the line just became
 *       pending and is unmasked, tells the scheduler ({@link dev.isola.kernel.sched.Group#interrupt}). No queue
 *       grows with a storm, and no guest code runs on the source's thread.
 *   <li><b>One priority space.</b> The scheduler raises the task that owns the container's exclusion to the
 *       line's priority and asks it for a safepoint; at its checkpoint the lines above its running level run
 *       as nested calls, highest first, with the level raised to each line's priority while its handler runs
 *       (so only higher lines nest inside). When no task of the container owns the exclusion, the container's
 *       interrupt task takes it (ahead of the contexts waiting for it) and runs the handlers on its own stack
 *       region, {@code __stack_pointer} switched as for a context. Either way the handler runs on a task of the
 *       container's group: charged to its budget, held while the group is throttled or shed, and never above
 *       its line's priority, so it cannot delay work of a higher priority.
 *   <li><b>A handler that traps fails the container</b> like any trap ({@code TrapListener} names the
 *       handler); other containers are untouched.
 *   <li><b>Masking is bounded.</b> A masked line still counts; after the container's {@code mask-limit} the
 *       kernel unmasks it (logged, counted in {@link dev.isola.kernel.irq.InterruptController#maskExpiries()}).
 *       The watch is one platform daemon thread that runs only when a mask outlives its limit.
 *   <li><b>Inside a portal call</b> (the task holds another container's exclusion) no handler runs: it would
 *       run in the middle of the exporter's code and keep the exporter held. It runs at the first checkpoint
 *       back in the container's own code; a portal caller running this container's code holds its lines off
 *       until the call returns.
 * </ul>
 *
 * <p>Known limit: on the compiler tier, a handler that grows the memory ({@code memory.grow}, e.g. a
 * {@code malloc} that needs more) while nested in compiled code traps the interrupted code (the compiled code
 * keeps the memory's array across polls for speed; see the compiler's {@code checkMemoryKept}). Handlers should
 * not allocate.
 */
package dev.isola.kernel.irq;
