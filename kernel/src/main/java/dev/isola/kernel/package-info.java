/**
 * The kernel's API: build a running system from a checked system file ({@link dev.isola.kernel.Kernel}), run
 * it, swap a module ({@link dev.isola.kernel.SwapOutcome}), read its figures ({@link
 * dev.isola.kernel.SystemSummary}), and serve the control socket ({@link dev.isola.kernel.ControlSocket}).
 *
 * <pre>{@code
 * SystemSpec spec = SystemCheck.load(Path.of("system.toml"));
 * try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults());
 *      ControlSocket socket = ControlSocket.open(kernel, ControlSocket.defaultPath(spec.name()))) {
 *   kernel.start();
 *   kernel.awaitStopped(Duration.ofSeconds(10));
 *   System.out.println(kernel.summary());
 * }
 * }</pre>
 *
 * <p>Design decisions: modules are compiled once per system (restarts reuse them; a swap compiles the new one
 * before anything stops); the control plane is a Unix domain socket with JSON lines (local only, file-system
 * permissions, no port to bind); a user's mistake is a one-line {@link dev.isola.kernel.KernelException} or a
 * {@link dev.isola.kernel.SwapOutcome.Refused}, never a stack trace; the first {@code start} of a JVM runs a
 * short built-in rehearsal system first ({@code Rehearsal}), because a cold JVM cannot keep a tight budget's first
 * deadline.
 */
package dev.isola.kernel;
