package dev.isola.cli;

import dev.isola.compiler.CompileReport;
import dev.isola.compiler.CompileReport.Fallback;
import dev.isola.compiler.CompileReport.Method;
import java.io.PrintStream;

/**
 * The text of {@code isola inspect --compile}: the {@link CompileReport} as aligned tables in {@code inspect}'s
 * style, the methods with their bytecode sizes (those over HotSpot's 8,000-byte limit marked, since HotSpot leaves
 * them interpreted), then the functions that fell back to the interpreter and why.
 */
final class CompileReportText {
  private final CompileReport report;
  private final FunctionNames names;

  CompileReportText(CompileReport report, FunctionNames names) {
    this.report = report;
    this.names = names;
  }

  void print(PrintStream out, String title) {
    out.println(title);
    out.println((report.interpreted() ? "tier: interp (the compiler fell back)" : "tier: compiled") + ", "
        + report.functionsCompiled() + " functions compiled, " + report.methodsEmitted() + " methods emitted, "
        + report.hugeMethods().size() + " over " + CompileReport.HUGE_METHOD_LIMIT + " bytes");

    TextTable t = new TextTable(2);
    t.row("method", "function", "bytecode", "");
    long total = 0;
    for (Method m : report.methods()) {
      total += m.bytecodeSize();
      t.row(m.name(), function(m.functionIndex(), null), Integer.toString(m.bytecodeSize()),
          m.huge() ? "over " + CompileReport.HUGE_METHOD_LIMIT + ": not JIT-compiled" : "");
    }
    out.println();
    out.println("methods: " + report.methods().size() + " (" + total + " bytes of bytecode)");
    t.print(out, "  ");

    t = new TextTable();
    for (Fallback f : report.fallbacks()) {
      t.row(function(f.functionIndex(), f.name()), f.reason());
    }
    out.println();
    out.println("fallbacks: " + report.fallbacks().size());
    t.print(out, "  ");
  }

  /** {@code func[3] main}: the index, then the name the compiler gave or the name section's, if any. */
  private String function(int index, String name) {
    if (index < 0) {
      return "-";
    }
    String n = name != null ? name : names.name(index);
    return "func[" + index + "]" + (n == null ? "" : " " + n);
  }
}
