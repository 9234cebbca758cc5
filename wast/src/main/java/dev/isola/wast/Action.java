package dev.isola.wast;

import dev.isola.runtime.Value;
import java.util.List;

/**
 * An {@code invoke} of an exported function or a {@code get} of an exported global, on the module named {@code
 * module} or (when null) the current module.
 */
record Action(Kind kind, String module, String field, List<Value> args) {
  enum Kind {
    INVOKE,
    GET
  }

  Action {
    args = List.copyOf(args);
  }

  @Override
  public String toString() {
    String target = (module == null ? "" : module + ".") + "\"" + field + "\"";
    return switch (kind) {
      case INVOKE -> "invoke " + target + ValueText.showAll(args);
      case GET -> "get " + target;
    };
  }
}
