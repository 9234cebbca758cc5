/**
 * The system file: one TOML file describing a system's containers, regions and portals, read into immutable
 * records ({@link dev.isola.kernel.config.SystemSpec} and below) and checked before anything starts.
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Two stages. {@link dev.isola.kernel.config.SystemFile} reads the file alone (TOML syntax through tomlj,
 *       types, unknown keys at any level, durations, sizes, ranges) and applies defaults, so every record field is
 *       set and other packages never see a missing value. {@link dev.isola.kernel.config.SystemCheck} then checks
 *       what needs the whole system or the modules: cross-references (portals, regions), budgets that fit the
 *       CPUs, exports and imports of every module.
 *   <li>Every problem at once: readers report a problem and go on with the default, so one run of
 *       {@code isola check} lists everything. A TOML syntax error is the exception: tomlj's own errors are
 *       reported and reading stops, because a half-parsed file would only add noise.
 *   <li>Positions are kept by dotted key in a {@link dev.isola.toml.Locator} while reading, so a later check about
 *       a module (a missing export) still points at the line that named it; a key the file leaves out is placed at
 *       its nearest ancestor. That machinery ({@code Section}, {@code Locator}, {@code Problem}) is
 *       {@code dev.isola.toml}, shared with hal's board files; what the system file's values mean stays here.
 *   <li>Units are part of values ({@code "2ms"}, {@code "64KiB"}): a bare number for a duration is refused because
 *       it is ambiguous. Sizes are binary units only, since memory comes in 64 KiB pages.
 *   <li>Names of containers, regions and portals are restricted to {@code [A-Za-z_][A-Za-z0-9_-]*}: they appear in
 *       import module names ({@code portal:NAME}) and in log prefixes.
 *   <li>Peripherals: the module says what it needs (its {@code isola.peripherals} section, parsed by
 *       {@code dev.isola.hal.need} through {@link dev.isola.kernel.config.ModuleNeeds}), the file binds labels to
 *       board resources, and the check matches the two against the board ({@code PeripheralCheck}). The board is
 *       read, never opened, by the check; a system with no peripheral at all reads none, so it needs no backend
 *       installed. Problems sit at the binding's key ({@code containers.thermo.peripherals.sensor}), so each line
 *       names container and label; the board file's own problems follow the system file's.
 *   <li>An interrupt line's default priority is its container's + 1 (capped at 99), computed on demand by
 *       {@link dev.isola.kernel.config.ContainerSpec#interruptPriority}: the reader cannot know which labels are
 *       lines (only the module can), so the record keeps only what the file wrote.
 * </ul>
 */
package dev.isola.kernel.config;
