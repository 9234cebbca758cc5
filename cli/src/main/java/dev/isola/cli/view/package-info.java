/**
 * What {@code isola run} shows while a system runs: every quarter of a second a {@link dev.isola.cli.view.Snapshot}
 * (the kernel's {@code SystemSummary}, the board's live readings, each container's interrupt events, the latest
 * log lines) is taken by a {@link dev.isola.cli.view.Monitor} from its {@link dev.isola.cli.view.Monitor.Source}
 * ({@code isola run} gives one over its kernel) and drawn by a {@link dev.isola.cli.view.View}: {@link
 * dev.isola.cli.view.LiveScreen} redraws one screen in place with ANSI escapes when standard output is a
 * terminal, {@link dev.isola.cli.view.StatusLines} prints one plain line per second otherwise (a log file, a
 * pipe, a test).
 *
 * <p>Design decisions:
 * <ul>
 *   <li>The view only reads, through {@code Monitor.Source}: {@code Kernel.summary()}, {@code Board.readings()}
 *       and the interrupt lines' figures, snapshots safe from any thread; it holds no lock of the kernel's and
 *       knows nothing of its types beyond the summary records. Drawing is a pure function of a snapshot (and the
 *       one before it, for CPU shares over the last interval), so tests compare text, not timing.</li>
 *   <li>CPU share is per interval ({@code cpu time delta / wall time delta}, in percent of one CPU), not since
 *       start: a container that storms now must show it now.</li>
 *   <li>On a terminal the guests' log lines are kept in a short tail drawn under the table; writing them as they
 *       come would scroll the screen the view redraws. So is what the process's standard output receives
 *       meanwhile (a simulated UART whose other end is the terminal writes there): {@link
 *       dev.isola.cli.view.Monitor#lines}.</li>
 * </ul>
 */
package dev.isola.cli.view;
