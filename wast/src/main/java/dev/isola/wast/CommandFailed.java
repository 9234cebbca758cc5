package dev.isola.wast;

import dev.isola.runtime.Extern;
import dev.isola.runtime.Trap;
import dev.isola.runtime.Value;
import dev.isola.wasm.WasmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A command did not do what the script expects. The message says what happened ("got ..." or "but ..."); the
 * runner puts the command's {@link #expectation} in front. Also how failure lines show commands, results and
 * exceptions, so that an engineer can tell from one line which component is at fault:
 *
 * <pre>
 * i32.wast:37: assert_return invoke "add"(i32:0x1(1), i32:0x1(1)): expected (i32:0x2(2)), got (i32:0x3(3))
 * </pre>
 */
final class CommandFailed extends RuntimeException {
  CommandFailed(String message) {
    super(message, null, false, false);
  }

  /** What a command expects: the first half of each of its failure lines. */
  static String expectation(Command command) {
    return switch (command) {
      case Command.ModuleCommand c -> "expected a valid module that instantiates";
      case Command.Register c -> "expected the module to register";
      case Command.Perform c -> "expected no trap";
      case Command.AssertReturn c ->
          "expected " + c.expected().stream().map(Expected::toString).collect(Collectors.joining(", ", "(", ")"));
      case Command.AssertTrap c -> "expected trap \"" + c.text() + "\"";
      case Command.AssertExhaustion c -> "expected trap \"" + c.text() + "\"";
      case Command.AssertModule c -> "expected " + switch (c.rejection()) {
        case MALFORMED -> "MalformedModuleException";
        case INVALID -> "InvalidModuleException";
        case UNLINKABLE -> "UnlinkableException";
        case UNINSTANTIABLE -> "trap";
      } + " \"" + c.text() + "\"";
    };
  }

  /** What a command acts on: its action with arguments, or its module file. */
  static String subject(Command command) {
    return switch (command) {
      case Command.ModuleCommand c -> c.filename() + (c.name() == null ? "" : " " + c.name());
      case Command.Register c -> (c.name() == null ? "" : c.name() + " ") + "as \"" + c.as() + "\"";
      case Command.Perform c -> c.action().toString();
      case Command.AssertReturn c -> c.action().toString();
      case Command.AssertTrap c -> c.action().toString();
      case Command.AssertExhaustion c -> c.action().toString();
      case Command.AssertModule c -> c.filename();
    };
  }

  static String showResults(Value[] actual, List<Expected> expected) {
    if (actual == null) {
      return "null (no result array)";
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < actual.length; i++) {
      shown.add(i < expected.size() ? ValueText.show(actual[i], expected.get(i)) : ValueText.show(actual[i]));
    }
    return shown.stream().collect(Collectors.joining(", ", "(", ")"));
  }

  static String kindOf(Extern extern) {
    return extern == null ? "null" : extern.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** An exception as failure messages show it: a trap by its kind and message, anything else with where it came from. */
  static String describe(Throwable e) {
    return switch (e) {
      case Trap t -> "trap " + t.kind() + " (\"" + t.getMessage() + "\")"
          + (t.wasmStackTrace().isEmpty() ? "" : " at " + t.wasmStackTrace().getFirst());
      case WasmException w -> w.getClass().getSimpleName() + ": " + w.getMessage();
      case StackOverflowError s -> "StackOverflowError (the JVM stack ran out)";
      default -> e.getClass().getName() + ": " + e.getMessage()
          + (e.getStackTrace().length == 0 ? "" : " at " + e.getStackTrace()[0])
          + (e.getCause() == null ? "" : " caused by " + e.getCause());
    };
  }
}
