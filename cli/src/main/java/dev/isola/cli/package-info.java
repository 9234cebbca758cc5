/**
 * The {@code isola} command line. One picocli class per command ({@link dev.isola.cli.ExecCommand}, {@link
 * dev.isola.cli.WastCommand}, {@link dev.isola.cli.ValidateCommand}, {@link dev.isola.cli.InspectCommand}, {@link
 * dev.isola.cli.CompileCommand}, {@link dev.isola.cli.BenchCommand}),
 * assembled by {@link dev.isola.cli.IsolaCommand#commandLine}. Commands do the work and let exceptions escape;
 * {@link dev.isola.cli.ErrorReporter} is the one place that turns an exception into a one-line message and an
 * {@link dev.isola.cli.ExitCode}, so a user's mistake never shows a Java stack trace. The choice of execution tier
 * ({@code --tier}, {@code --aot}) is shared by the commands that run code through two mixins ({@link
 * dev.isola.cli.TierOption}, {@link dev.isola.cli.AotOption}) over {@code dev.isola.compiler.aot.ModuleLoader},
 * which the kernel uses too.
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
