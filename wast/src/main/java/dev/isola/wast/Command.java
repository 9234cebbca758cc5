package dev.isola.wast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One command of a wast2json script, in the words of its {@code "type"}. */
sealed interface Command {
  /** The 1-based line in the {@code .wast} where the command starts. */
  int line();

  /** The command's {@code "type"} as the script writes it. */
  String type();

  /** {@code module}: decode, validate and instantiate; it becomes the current module, and named if {@code name}. */
  record ModuleCommand(int line, String filename, String name) implements Command {
    public String type() {
      return "module";
    }
  }

  /** {@code register}: make the exports of module {@code name} (or the current one) importable as {@code as}. */
  record Register(int line, String name, String as) implements Command {
    public String type() {
      return "register";
    }
  }

  /** {@code action}: perform, must not trap; results ignored. */
  record Perform(int line, Action action) implements Command {
    public String type() {
      return "action";
    }
  }

  record AssertReturn(int line, Action action, List<Expected> expected) implements Command {
    public AssertReturn {
      expected = List.copyOf(expected);
    }

    public String type() {
      return "assert_return";
    }
  }

  record AssertTrap(int line, Action action, String text) implements Command {
    public String type() {
      return "assert_trap";
    }
  }

  record AssertExhaustion(int line, Action action, String text) implements Command {
    public String type() {
      return "assert_exhaustion";
    }
  }

  /** The four assertions about a module file; {@code binary} is false for a {@code .wat} ("text") module. */
  record AssertModule(int line, Rejection rejection, String filename, String text, boolean binary)
      implements Command {
    public String type() {
      return rejection.commandType();
    }
  }

  /** How an {@link AssertModule}'s module must fail. */
  enum Rejection {
    MALFORMED("assert_malformed"),
    INVALID("assert_invalid"),
    UNLINKABLE("assert_unlinkable"),
    UNINSTANTIABLE("assert_uninstantiable");

    private final String commandType;

    Rejection(String commandType) {
      this.commandType = commandType;
    }

    String commandType() {
      return commandType;
    }
  }

  /** Reads one command; values go through {@code values} (so host references are shared across the script). */
  static Command parse(JsonNode node, ValueParser values) {
    String type = node.path("type").asText();
    int line = node.path("line").asInt();
    return switch (type) {
      case "module" -> new ModuleCommand(line, text(node, "filename"), text(node, "name"));
      case "register" -> new Register(line, text(node, "name"), text(node, "as"));
      case "action" -> new Perform(line, action(node.get("action"), values));
      case "assert_return" -> {
        List<Expected> expected = new ArrayList<>();
        for (JsonNode e : node.path("expected")) {
          expected.add(values.expected(e));
        }
        yield new AssertReturn(line, action(node.get("action"), values), expected);
      }
      case "assert_trap" -> new AssertTrap(line, action(node.get("action"), values), text(node, "text"));
      case "assert_exhaustion" -> new AssertExhaustion(line, action(node.get("action"), values), text(node, "text"));
      case "assert_malformed" -> assertModule(node, line, Rejection.MALFORMED);
      case "assert_invalid" -> assertModule(node, line, Rejection.INVALID);
      case "assert_unlinkable" -> assertModule(node, line, Rejection.UNLINKABLE);
      case "assert_uninstantiable" -> assertModule(node, line, Rejection.UNINSTANTIABLE);
      default -> throw new IllegalArgumentException("line " + line + ": unknown command type \"" + type + "\"");
    };
  }

  private static AssertModule assertModule(JsonNode node, int line, Rejection rejection) {
    String moduleType = node.path("module_type").asText("binary");
    return new AssertModule(line, rejection, text(node, "filename"), text(node, "text"), !moduleType.equals("text"));
  }

  private static Action action(JsonNode node, ValueParser values) {
    if (node == null) {
      throw new IllegalArgumentException("command without action");
    }
    Action.Kind kind = switch (node.path("type").asText()) {
      case "invoke" -> Action.Kind.INVOKE;
      case "get" -> Action.Kind.GET;
      default -> throw new IllegalArgumentException("unknown action type: " + node);
    };
    List<dev.isola.runtime.Value> args = new ArrayList<>();
    for (JsonNode a : node.path("args")) {
      args.add(values.arg(a));
    }
    return new Action(kind, text(node, "module"), text(node, "field"), args);
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
