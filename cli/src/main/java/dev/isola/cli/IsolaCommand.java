package dev.isola.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code isola}: the top-level command, which only chooses a subcommand. */
@Command(
    name = "isola",
    mixinStandardHelpOptions = true,
    versionProvider = IsolaCommand.Version.class,
    description = "Runs and inspects WebAssembly modules.",
    subcommands = CommandLine.HelpCommand.class,
    footerHeading = "%nExit status (exec: the program's own status when it exits):%n")
public final class IsolaCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /**
   * The whole command line, wired to {@code terminal}: the commands, their help and usage text, and the error
   * reporting. {@code main} and the tests both run exactly this.
   */
  public static CommandLine commandLine(Terminal terminal) {
    CommandLine cl = new CommandLine(new IsolaCommand())
        .addSubcommand(new ExecCommand(terminal))
        .addSubcommand(new WastCommand(terminal))
        .addSubcommand(new ValidateCommand(terminal))
        .addSubcommand(new InspectCommand(terminal))
        .addSubcommand(new CompileCommand(terminal))
        .addSubcommand(new BenchCommand(terminal))
        .addSubcommand(new CheckCommand(terminal))
        .addSubcommand(new RunCommand(terminal))
        .addSubcommand(new SwapCommand(terminal));
    cl.getCommandSpec().usageMessage().footer(Arrays.stream(ExitCode.values())
        .map(c -> String.format("  %-3d %s", c.code(), c.meaning()))
        .toArray(String[]::new));
    // Everything after the module's name belongs to the guest, options included: `isola exec m.wasm -v`.
    cl.getSubcommands().get("exec").setStopAtPositional(true);
    cl.getSubcommands().get("bench").setStopAtPositional(true);
    // These setters reach the subcommands added above, so they come last.
    ErrorReporter reporter = new ErrorReporter(terminal);
    return cl
        .setOut(new PrintWriter(terminal.report(), true))
        .setErr(new PrintWriter(terminal.messages(), true))
        .setParameterExceptionHandler(reporter)
        .setExecutionExceptionHandler(reporter);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: exec, bench, compile, wast, validate, inspect, check, run or swap");
  }

  /** The version Maven wrote into {@code version.properties} at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = IsolaCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
      }
      return new String[] {"isola " + p.getProperty("version", "unknown")};
    }
  }
}
