/**
 * The {@code isola} command line. One picocli class per command ({@link dev.isola.cli.ExecCommand}, {@link
 * dev.isola.cli.WastCommand}, {@link dev.isola.cli.ValidateCommand}, {@link dev.isola.cli.InspectCommand}),
 * assembled by {@link dev.isola.cli.IsolaCommand#commandLine}. Commands do the work and let exceptions escape;
 * {@link dev.isola.cli.ErrorReporter} is the one place that turns an exception into a one-line message and an
 * {@link dev.isola.cli.ExitCode}, so a user's mistake never shows a Java stack trace.
 *
 * <p>Tests run the whole command line in-process with captured streams:
 *
 * <pre>{@code
 * var out = new ByteArrayOutputStream();
 * var err = new ByteArrayOutputStream();
 * int status = IsolaCommand.commandLine(new Terminal(InputStream.nullInputStream(), out, err))
 *     .execute("validate", "hello.wasm");
 * }</pre>
 */
package dev.isola.cli;
