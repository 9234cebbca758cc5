package dev.isola.wast;

import dev.isola.runtime.Extern;
import dev.isola.runtime.Function;
import dev.isola.runtime.Global;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * A script's module instances: the current one and the named ones. It remembers which {@code module} command
 * failed, so that the commands that would have used it say so instead of a bare "no module".
 */
final class ScriptInstances {
  private final Map<String, Instance> named = new HashMap<>();
  private final Map<String, Integer> failedNames = new HashMap<>();
  private Instance current;
  private int currentFailedLine = -1;

  /**
   * A {@code module} command at {@code line} starts: until {@link #instantiated}, there is no current module (and
   * no module called {@code name}), and references to it report this line.
   */
  void starting(int line, String name) {
    current = null;
    currentFailedLine = line;
    if (name != null) {
      named.remove(name);
      failedNames.put(name, line);
    }
  }

  void instantiated(Instance instance, String name) {
    current = instance;
    currentFailedLine = -1;
    if (name != null) {
      named.put(name, instance);
      failedNames.remove(name);
    }
  }

  /** The module called {@code name}, or the current one if null. */
  Instance get(String name) {
    if (name == null) {
      if (current == null) {
        throw new CommandFailed(currentFailedLine < 0
            ? "but there is no module yet"
            : "but there is no current module: the module at line " + currentFailedLine + " failed");
      }
      return current;
    }
    Instance instance = named.get(name);
    if (instance == null) {
      Integer line = failedNames.get(name);
      throw new CommandFailed(line == null
          ? "but there is no module named " + name
          : "but there is no module " + name + ": its module command at line " + line + " failed");
    }
    return instance;
  }

  /** Invokes the exported function or reads the exported global; traps propagate. */
  Value[] perform(Action action) {
    Extern extern = get(action.module()).export(action.field())
        .orElseThrow(() -> new CommandFailed("but the module has no export \"" + action.field() + "\""));
    return switch (action.kind()) {
      case INVOKE -> {
        if (!(extern instanceof Function f)) {
          throw new CommandFailed("but export \"" + action.field() + "\" is not a function but " + CommandFailed.kindOf(extern));
        }
        yield f.call(action.args().toArray(Value[]::new));
      }
      case GET -> {
        if (!(extern instanceof Global g)) {
          throw new CommandFailed("but export \"" + action.field() + "\" is not a global but " + CommandFailed.kindOf(extern));
        }
        yield new Value[] {g.get()};
      }
    };
  }
}
