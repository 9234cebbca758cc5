package dev.isola.cli;

import dev.isola.runtime.GuestExit;
import dev.isola.runtime.Trap;
import dev.isola.runtime.UnlinkableException;
import dev.isola.wasi.NotACommandException;
import dev.isola.wasm.binary.MalformedModuleException;
import dev.isola.wasm.validate.InvalidModuleException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where exceptions become messages and exit statuses. Every message about a module is one line
 * that starts with the file's name and ends with the spec's reason; a trap adds its Wasm stack trace. Only an
 * exception Isola did not expect (a bug) prints a Java stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** How the validator names a function in {@link InvalidModuleException#where()}. */
  private static final Pattern FUNC = Pattern.compile("func (\\d+)");

  private final Terminal terminal;

  ErrorReporter(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintStream err = terminal.messages();
    err.println("isola: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    ModuleCommand command = commandLine.getCommand() instanceof ModuleCommand mc ? mc : null;
    String file = command == null ? "isola" : command.moduleFile().displayName();
    FunctionNames names = command == null ? FunctionNames.NONE : command.names();
    PrintStream err = terminal.messages();
    return switch (ex) {
      // wasi.run turns proc_exit into a status; this covers an exit that escapes it (e.g. from a start function).
      case GuestExit exit -> exit.status();
      case MalformedModuleException m -> {
        err.println(file + ": malformed module at byte " + at(m.offset())
            + (m.section() == null ? "" : " in the " + m.section() + " section") + ": " + m.reason());
        yield ExitCode.BAD_MODULE.code();
      }
      case InvalidModuleException i -> {
        String where = i.where() == null ? "" : " in " + describe(i.where(), names);
        String offset = i.offset() < 0 ? "" : " at byte " + at(i.offset());
        err.println(file + ": invalid module" + where + offset + ": " + i.reason());
        yield ExitCode.BAD_MODULE.code();
      }
      case UnlinkableException u -> {
        err.println(file + ": unlinkable module: " + u.getMessage());
        yield ExitCode.BAD_MODULE.code();
      }
      case NotACommandException n -> {
        err.println(file + ": " + n.getMessage());
        yield ExitCode.BAD_MODULE.code();
      }
      case Trap t -> {
        err.println("trap: " + t.getMessage());
        printStack(err, t.wasmStackTrace(), names);
        yield ExitCode.TRAP.code();
      }
      case UncheckedIOException u -> {
        // A file system error names its file; anything else (say, a JSON syntax error) needs the wrapper's words.
        err.println(u.getCause() instanceof FileSystemException f
            ? ioMessage(f) : "isola: " + u.getMessage() + ": " + firstLine(u.getCause().getMessage()));
        yield ExitCode.IO_ERROR.code();
      }
      case IOException io -> {
        err.println(ioMessage(io));
        yield ExitCode.IO_ERROR.code();
      }
      case UnsupportedOperationException u -> {
        err.println(file + ": not supported yet: " + u.getMessage());
        yield ExitCode.UNSUPPORTED.code();
      }
      default -> {
        err.println("isola: internal error: " + ex);
        ex.printStackTrace(err);
        yield ExitCode.INTERNAL_ERROR.code();
      }
    };
  }

  /**
   * The Wasm stack, innermost first. A runaway recursion has thousands of frames (up to the engine's call depth
   * limit): the innermost ones show the loop, the outermost ones how it was entered, the middle adds nothing.
   */
  private static void printStack(PrintStream err, List<Trap.Frame> frames, FunctionNames names) {
    int inner = 20;
    int outer = 10;
    for (int i = 0; i < frames.size(); i++) {
      if (frames.size() > inner + outer + 1 && i == inner) {
        err.println("  ... " + (frames.size() - inner - outer) + " more frames");
        i = frames.size() - outer;
      }
      err.println("  at " + frame(frames.get(i), names));
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** A byte offset in decimal and hex: hex matches disassemblers and {@code xxd}, decimal matches {@code dd}. */
  private static String at(long offset) {
    return offset + " (0x" + Long.toHexString(offset) + ")";
  }

  /** {@code func 3} becomes {@code func 3 ($main)} when the name section names it. */
  private static String describe(String where, FunctionNames names) {
    Matcher m = FUNC.matcher(where);
    if (m.matches()) {
      String name = names.name(Integer.parseInt(m.group(1)));
      if (name != null) {
        return where + " ($" + name + ")";
      }
    }
    return where;
  }

  /**
   * One stack frame, {@code name @0xoffset}, with the name from the name section if the tier had none. The
   * module's name is left out: every frame {@code exec} shows belongs to the one module it runs.
   */
  private static String frame(Trap.Frame f, FunctionNames names) {
    String name = f.functionName();
    if (name == null) {
      name = names.name(f.functionIndex());
    }
    if (name == null) {
      name = "func[" + f.functionIndex() + "]";
    }
    return name + (f.offset() >= 0 ? " @0x" + Integer.toHexString(f.offset()) : "");
  }

  private static String ioMessage(IOException e) {
    return switch (e) {
      case NoSuchFileException n -> "isola: " + n.getFile() + ": no such file";
      case AccessDeniedException a -> "isola: " + a.getFile() + ": permission denied";
      case FileSystemException f -> "isola: " + f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f);
      default -> "isola: " + firstLine(e.getMessage());
    };
  }
}
