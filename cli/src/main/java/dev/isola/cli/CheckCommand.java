package dev.isola.cli;

import dev.isola.hal.Boards;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.ContextSpec;
import dev.isola.kernel.config.DurationText;
import dev.isola.kernel.config.PortalSpec;
import dev.isola.kernel.config.RegionSpec;
import dev.isola.kernel.config.SizeText;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.kernel.config.SystemFile;
import dev.isola.kernel.config.SystemFileException;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.toml.Problem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code isola check}: everything about a system that can be known before it starts. Problems go to standard
 * error, one {@code file:line:col: key: message} line each, all of them; a good system gets a short summary.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Checks a system file and every module it names, without starting anything (docs/system-file.md):",
        "also each module's peripheral needs against its bindings and the board (docs/peripherals.md).",
        "Prints every problem as 'file:line:col: key: message' and exits with 7, or prints a summary."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SYSTEM", converter = SystemFileConverter.class,
      description = "The system file, or a directory holding system.toml.")
  Path system;

  private final Terminal terminal;

  CheckCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    List<Problem> problems;
    SystemSpec spec = null;
    try {
      SystemFile file = SystemFile.read(system);
      problems = SystemCheck.check(file);
      spec = file.spec();
    } catch (SystemFileException e) {
      problems = e.problems();
    }
    if (!problems.isEmpty()) {
      PrintStream err = terminal.messages();
      problems.forEach(err::println);
      err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      return ExitCode.SYSTEM_FILE.code();
    }
    summary(spec, terminal.report());
    return ExitCode.OK.code();
  }

  private void summary(SystemSpec s, PrintStream out) {
    double reserved = s.containers().values().stream()
        .mapToDouble(c -> c.budget().map(b -> b.share()).orElse(0.0)).sum();
    out.printf(Locale.ROOT, "%s: ok: system %s, %d %s, slice %s, tier %s, %.2f CPU reserved by budgets%n", system,
        s.name(), s.cpus(), s.cpus() == 1 ? "CPU" : "CPUs", DurationText.format(s.slice()),
        s.tier().keyword(), reserved);
    TextTable table = new TextTable().row("container", "prio", "crit", "budget", "memory", "restart", "runs");
    for (ContainerSpec c : s.containers().values()) {
      table.row(c.name(), Integer.toString(c.priority()), c.criticality().keyword(),
          c.budget().map(b -> DurationText.format(b.time()) + "/" + DurationText.format(b.period()))
              .orElse("unlimited"),
          SizeText.format(c.memoryLimitBytes()), c.restart().kind().keyword(), runs(c));
    }
    table.print(out, "  ");
    if (s.usesBoard()) {
      out.println("  board: " + s.board().map(this::shown).orElse(Boards.DEFAULT + " (built in)"));
    }
    for (ContainerSpec c : s.containers().values()) {
      if (!c.peripherals().isEmpty()) {
        List<String> bindings = new ArrayList<>();
        c.peripherals().forEach((label, resource) -> bindings.add(label + " = " + resource
            + (c.interrupts().containsKey(label) ? " (interrupt at " + c.interrupts().get(label) + ")" : "")));
        out.println("  peripherals of " + c.name() + ": " + String.join(", ", bindings));
      }
    }
    for (RegionSpec r : s.regions().values()) {
      String mappers = s.containers().values().stream().filter(c -> c.regions().containsKey(r.name()))
          .map(c -> c.name() + " " + c.regions().get(r.name()).keyword()).collect(Collectors.joining(", "));
      out.println("  region " + r.name() + ": " + SizeText.format(r.sizeBytes())
          + (mappers.isEmpty() ? ", mapped by none" : ", mapped by " + mappers));
    }
    for (PortalSpec p : s.portals().values()) {
      List<String> importers = new ArrayList<>();
      s.containers().values().stream().filter(c -> c.portalImports().contains(p.name()))
          .forEach(c -> importers.add(c.name()));
      out.println("  portal " + p.name() + ": exported by " + p.exporter() + " ("
          + String.join(", ", p.functions().keySet()) + "), imported by "
          + (importers.isEmpty() ? "none" : String.join(", ", importers)));
    }
  }

  /** {@code board} as the user would name it: relative to the working directory when it is below it. */
  private String shown(Path board) {
    Path here = Path.of("").toAbsolutePath();
    return board.startsWith(here) ? here.relativize(board).toString() : board.toString();
  }

  private static String runs(ContainerSpec c) {
    if (c.isCommand()) {
      return "_start" + (c.args().isEmpty() ? "" : " " + String.join(" ", c.args()));
    }
    List<String> contexts = new ArrayList<>();
    for (ContextSpec x : c.contexts()) {
      contexts.add(x.export() + x.period().map(p -> " every " + DurationText.format(p)).orElse(""));
    }
    return String.join(", ", contexts);
  }
}
