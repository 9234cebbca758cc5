/**
 * Reading a TOML file into records, the way every Isola file is read (the kernel's system file, hal's board
 * files): tomlj parses, a {@link dev.isola.toml.Section} per table reads typed values, and every problem is
 * collected as a {@link dev.isola.toml.Problem} {@code file:line:col: key: message}.
 *
 * <pre>{@code
 * TomlParseResult toml = Toml.parse(text);
 * List<Problem> problems = new ArrayList<>(Problem.syntax(file, toml));
 * if (problems.isEmpty()) {
 *   Section root = new Section(toml, "", new Locator(file), problems);
 *   long cpus = root.table("system").flatMap(s -> s.integer("cpus")).orElse(1L);
 *   root.finish(); // every key nobody read: "unknown key"
 * }
 * }</pre>
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Every problem at once: an accessor that meets a wrong type or a bad value reports it and answers empty, so
 *       the reader goes on with its default and one run lists everything. A syntax error is the exception: a
 *       half-parsed file would only add noise.
 *   <li>Positions are kept by dotted key in a {@link dev.isola.toml.Locator} while reading, so a later check (a
 *       module's missing export) still points at the line that named it; a key the file leaves out is placed at its
 *       nearest ancestor.
 *   <li>Unknown keys are problems ({@link dev.isola.toml.Section#finish()}): a typo in a key would otherwise be a
 *       silent default.
 *   <li>What a value means (durations, sizes, pins, ranges) belongs to each file's reader, not here; this module
 *       sits below hal and the kernel so both read with one copy, and knows nothing of either.
 * </ul>
 */
package dev.isola.toml;
