package dev.isola.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the run of a candidate tier with the oracle's (the interpreter's), step by step, and describes the
 * first disagreement only: later steps run on state that has already diverged.
 */
final class Comparison {
  private Comparison() {}

  /** The first disagreement, minimised to one step and one aspect, or empty if the runs agree. */
  static Optional<Disagreement> firstDisagreement(List<Call> oracle, List<Call> candidate, FuelMode fuel,
      String oracleTier, String candidateTier) {
    for (int i = 0; i < Math.min(oracle.size(), candidate.size()); i++) {
      Call a = oracle.get(i);
      Call b = candidate.get(i);
      if (!a.name().equals(b.name())) {
        return Optional.of(new Disagreement("steps", "step " + i + " is " + a.name() + " on " + oracleTier
            + " but " + b.name() + " on " + candidateTier));
      }
      boolean stopAfter = false;
      for (Outcome o : List.of(a.outcome(), b.outcome())) {
        if (o instanceof Outcome.Trapped(var kind) && !fuel.comparableAfter(kind)) {
          stopAfter = true;
        }
      }
      if (stopAfter && fuel == FuelMode.BOUND) {
        // The step itself is cut short at a tier-specific point: neither it nor anything after it compares.
        return Optional.empty();
      }
      String where = "export " + a.name();
      if (!a.outcome().equals(b.outcome())) {
        return Optional.of(new Disagreement("outcome " + kind(a.outcome()) + " " + kind(b.outcome()),
            where + ": " + oracleTier + " " + a.outcome() + detail(a.outcome()) + "; " + candidateTier + " "
            + b.outcome() + detail(b.outcome())));
      }
      if (stopAfter) {
        return Optional.empty();
      }
      Optional<String> logs = logs(a.logs(), b.logs(), oracleTier, candidateTier);
      if (logs.isPresent()) {
        return Optional.of(new Disagreement("log", where + ": " + logs.get()));
      }
      if (fuel == FuelMode.EXACT && a.fuelUsed() != b.fuelUsed()) {
        return Optional.of(new Disagreement("fuel", where + ": fuel used " + oracleTier + " " + a.fuelUsed() + ", "
            + candidateTier + " " + b.fuelUsed() + " (outcome " + a.outcome() + ")"));
      }
      String state = "after " + where + " (" + a.outcome() + "): ";
      Optional<String> differs = state("memory", a.memories(), b.memories(), oracleTier, candidateTier)
          .or(() -> state("global", a.globals(), b.globals(), oracleTier, candidateTier))
          .or(() -> state("table", a.tables(), b.tables(), oracleTier, candidateTier));
      if (differs.isPresent()) {
        return Optional.of(new Disagreement(differs.get().split(" ")[0], state + differs.get()));
      }
    }
    if (oracle.size() != candidate.size()) {
      return Optional.of(new Disagreement("steps", oracleTier + " ran " + oracle.size() + " steps, "
          + candidateTier + " " + candidate.size()));
    }
    return Optional.empty();
  }

  private static Optional<String> state(String kind, Map<String, ?> a, Map<String, ?> b, String oracleTier,
      String candidateTier) {
    for (var name : a.keySet()) {
      if (!Objects.equals(a.get(name), b.get(name))) {
        return Optional.of(kind + " " + name + " is " + a.get(name) + " on " + oracleTier + ", " + b.get(name)
            + " on " + candidateTier);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> logs(List<Observed> a, List<Observed> b, String oracleTier,
      String candidateTier) {
    for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
      if (!a.get(k).equals(b.get(k))) {
        return Optional.of("log #" + k + " is " + a.get(k) + " (" + a.get(k).raw() + ") on " + oracleTier + ", "
            + b.get(k) + " (" + b.get(k).raw() + ") on " + candidateTier);
      }
    }
    if (a.size() != b.size()) {
      return Optional.of(a.size() + " values logged on " + oracleTier + ", " + b.size() + " on " + candidateTier);
    }
    return Optional.empty();
  }

  private static String kind(Outcome o) {
    return switch (o) {
      case Outcome.Returned r -> "returned";
      case Outcome.Trapped t -> "trapped";
      case Outcome.Rejected r -> "rejected";
      case Outcome.Crashed c -> "crashed";
    };
  }

  private static String detail(Outcome o) {
    return o instanceof Outcome.Crashed(var cls, var message) ? " (" + message + ")" : "";
  }
}
