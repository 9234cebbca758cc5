package dev.isola.fuzz;

import dev.isola.runtime.TrapKind;
import java.util.List;
import java.util.stream.Collectors;

/** How one call (or the module's compilation, or its instantiation) ended. */
sealed interface Outcome {
  /** The call returned these values. */
  record Returned(List<Observed> values) implements Outcome {
    @Override
    public String toString() {
      return "returned [" + values.stream().map(Observed::toString).collect(Collectors.joining(", ")) + "]";
    }
  }

  /** The call trapped; the kind is compared, the detail (which may name tier internals) is not. */
  record Trapped(TrapKind kind) implements Outcome {
    @Override
    public String toString() {
      return "trapped: " + kind.message();
    }
  }

  /** Isola refused the module (decoding or validation): a shared-front-end finding, not a tier's. */
  record Rejected(String message) implements Outcome {
    @Override
    public String toString() {
      return "rejected: " + message;
    }
  }

  /**
   * Anything else escaped (an internal error of a tier, a JVM error). Compared by exception class only, so
   * that two tiers failing the same way still agree; the message is for the report.
   */
  record Crashed(String exceptionClass, String message) implements Outcome {
    @Override
    public boolean equals(Object o) {
      return o instanceof Crashed c && c.exceptionClass.equals(exceptionClass);
    }

    @Override
    public int hashCode() {
      return exceptionClass.hashCode();
    }

    @Override
    public String toString() {
      return "crashed: " + exceptionClass;
    }
  }
}
