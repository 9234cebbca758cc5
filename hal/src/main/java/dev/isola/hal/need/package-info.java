/**
 * A module's peripheral needs and their binding to a board: the {@code isola.peripherals} custom section parsed into
 * {@link dev.isola.hal.need.Need} records ({@link dev.isola.hal.need.Needs#parse}), and a need matched against the
 * {@link dev.isola.hal.Resource} a system file binds its label to ({@link dev.isola.hal.need.Binding}).
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>The section is text, one NUL-terminated UTF-8 record per need, {@code KIND LABEL[ KEY=VALUE]*}: C string
 *       literals concatenate into a record, and wasm-ld concatenates sections of one name from every object file,
 *       so needs declared in several translation units arrive as one section with no tool of ours in between.
 *       Empty records are skipped, since an object file may pad. The words are hal's ({@link dev.isola.hal.Kind},
 *       {@link dev.isola.hal.Pull}, {@link dev.isola.hal.Edge}), so the section, the system file and the board
 *       speak one vocabulary.
 *   <li>Strict syntax: one space between fields, decimal or {@code 0x} numbers without leading zeros, each key at
 *       most once. The section is written by macros, so strictness costs nothing and leaves no two readings.
 *   <li>Parsing stops at the first mistake, like the module decoder, and names its byte offset in the section:
 *       a broken section is a build mistake, found by {@code isola inspect} or {@code isola check}.
 *   <li>Constraints are typed records under one sealed interface; matching is one exhaustive switch
 *       ({@link dev.isola.hal.need.Binding#mismatches}) that gives one reason per failed constraint, so adding a
 *       key fails to compile until it is matched.
 *   <li>Constraints state what the driver was written for: an exact I2C address, the bus speeds it works at (one
 *       must be available), the SPI mode and clock, a baud rate, the fewest ADC bits, a PWM frequency, an input's
 *       bias and edges. A constraint not written is no constraint.
 *   <li>hal knows nothing of Wasm: the kernel extracts the section's payload from the module and hands it here.
 * </ul>
 */
package dev.isola.hal.need;
