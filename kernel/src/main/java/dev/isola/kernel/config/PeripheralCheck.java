package dev.isola.kernel.config;

import dev.isola.hal.Boards;
import dev.isola.hal.Kind;
import dev.isola.hal.Resource;
import dev.isola.hal.board.BoardFileException;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.need.Binding;
import dev.isola.hal.need.Need;
import dev.isola.hal.need.Needs;
import dev.isola.toml.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The peripherals of a system: every container's needs (its module's {@code isola.peripherals}) against its
 * bindings ({@code [containers.X.peripherals]}) and the board's resources, and its interrupt priorities against
 * the needs that can interrupt. Each problem is placed at the binding's key, so its line names container and label.
 *
 * <p>The board is read ({@link Boards#read}), never opened: a check starts no backend. A system that neither names
 * a board nor binds or needs a peripheral does not read one at all, so a system without peripherals does not need
 * hal-sim installed.
 */
final class PeripheralCheck {
  /** One container's module needs, or why they could not be read (already reported). */
  record ContainerNeeds(ContainerSpec container, String shown, Optional<Needs> needs) {}

  /** Who holds a claim first: the binding the second one is compared with. */
  private record Owner(String container, String label, String resource) {}

  private final SystemFile file;
  private final SystemSpec spec;
  private final List<Problem> problems;
  private final List<Problem> boardProblems = new ArrayList<>();

  private PeripheralCheck(SystemFile file, List<Problem> problems) {
    this.file = file;
    this.spec = file.spec();
    this.problems = problems;
  }

  /**
   * Checks {@code containers}, adding problems about the system file to {@code problems}; returns those of the
   * board file itself (another file: listed after the system file's).
   */
  static List<Problem> run(SystemFile file, List<ContainerNeeds> containers, List<Problem> problems) {
    PeripheralCheck check = new PeripheralCheck(file, problems);
    check.check(containers);
    return check.boardProblems;
  }

  private void problem(String key, String message) {
    problems.add(file.problem(key, message));
  }

  private static String key(ContainerSpec c, String rest) {
    return "containers." + c.name() + "." + rest;
  }

  private void check(List<ContainerNeeds> containers) {
    // A module that declares needs the system does not bind is checked against the board too (its labels are
    // missing, and the message names the resources it could use).
    boolean used = spec.usesBoard() || containers.stream().anyMatch(c -> c.needs().map(n -> !n.isEmpty()).orElse(false));
    Optional<BoardSpec> board = used ? board() : Optional.empty();
    Map<String, Owner> owners = new LinkedHashMap<>();
    for (ContainerNeeds cn : containers) {
      ContainerSpec c = cn.container();
      cn.needs().ifPresent(needs -> labels(c, cn.shown(), needs));
      board.ifPresent(b -> bindings(c, cn.needs(), b, owners));
      cn.needs().ifPresent(needs -> interrupts(c, cn.shown(), needs));
    }
  }

  private Optional<BoardSpec> board() {
    Optional<Path> path = spec.board();
    if (path.isPresent() && !Files.isRegularFile(path.get())) {
      // One line at the key that names it, as for a missing module, rather than the board reader's own.
      Path dir = spec.file().getParent();
      Path shown = path.get().startsWith(dir) ? dir.relativize(path.get()) : path.get();
      problem("system.board", Files.isDirectory(path.get()) ? shown + " is a directory, not a board file"
          : "no such file: " + shown);
      return Optional.empty();
    }
    try {
      return Optional.of(Boards.read(spec.board()));
    } catch (BoardFileException e) {
      boardProblems.addAll(e.problems());
      if (spec.board().isPresent()) {
        problem("system.board", "the board file has " + e.problems().size() + " problem"
            + (e.problems().size() == 1 ? "" : "s") + " (listed below)");
      }
      return Optional.empty();
    }
  }

  /** Every need is bound and every binding is needed. */
  private void labels(ContainerSpec c, String shown, Needs needs) {
    for (Need n : needs.all()) {
      if (!c.peripherals().containsKey(n.label())) {
        problem(key(c, "peripherals." + n.label()), shown + " needs " + n.text() + " but label " + n.label()
            + " is not bound (add " + n.label() + " = \"RESOURCE\" to [containers." + c.name() + ".peripherals])");
      }
    }
    for (String label : c.peripherals().keySet()) {
      if (needs.label(label).isEmpty()) {
        problem(key(c, "peripherals." + label), shown + " declares no need labelled " + label
            + declared(needs));
      }
    }
  }

  private static String declared(Needs needs) {
    return needs.isEmpty() ? " (it declares none: see ISOLA_NEED in sdk/isola.h)"
        : " (it declares " + needs.all().stream().map(Need::label).collect(Collectors.joining(", ")) + ")";
  }

  /** Every binding names a bindable resource of the board that meets the need, owned by no one else. */
  private void bindings(ContainerSpec c, Optional<Needs> needs, BoardSpec board, Map<String, Owner> owners) {
    c.peripherals().forEach((label, name) -> {
      String k = key(c, "peripherals." + label);
      Optional<Need> need = needs.flatMap(n -> n.label(label));
      Resource r = board.resources().get(name);
      if (r == null) {
        problem(k, "no resource " + name + " on board " + board.name() + need.map(n -> candidates(board, n.kind()))
            .orElse(""));
        return;
      }
      String reserved = board.reserved().get(name);
      if (reserved != null) {
        problem(k, name + " is used by board " + board.name() + " itself (" + reserved + ")");
        return;
      }
      Owner first = owners.putIfAbsent(r.claim(), new Owner(c.name(), label, name));
      if (first != null) {
        problem(k, name + " is already bound to " + first.container() + "." + first.label()
            + (first.resource().equals(name) ? "" : " (as " + first.resource() + ", the same hardware)")
            + ": a resource has one owner");
      }
      need.ifPresent(n -> {
        for (String why : new Binding(n, r).mismatches()) {
          problem(k, name + " does not meet " + n.kind().keyword() + " " + label + ": " + why);
        }
      });
    });
  }

  /** The resources of {@code kind} on the board, as a hint: " (i2c resources: tmp102)". */
  private static String candidates(BoardSpec board, Kind kind) {
    List<String> names = board.resources().values().stream()
        .filter(r -> r.kinds().contains(kind) && !board.reserved().containsKey(r.name()))
        .map(Resource::name).toList();
    if (names.isEmpty()) {
      return " (it has no " + kind.keyword() + " resource)";
    }
    String shown = names.size() <= 8 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more";
    return " (" + kind.keyword() + " resources: " + shown + ")";
  }

  /** Only labels that can interrupt get a priority. Ranges and the container's own priority: the reader. */
  private void interrupts(ContainerSpec c, String shown, Needs needs) {
    for (String label : c.interrupts().keySet()) {
      String k = key(c, "interrupts." + label);
      Optional<Need> need = needs.label(label);
      if (need.isEmpty()) {
        problem(k, shown + " declares no need labelled " + label + declared(needs));
      } else if (!need.get().canInterrupt()) {
        Need n = need.get();
        problem(k, label + " is " + n.kind().keyword() + (n.kind() == Kind.GPIO_IN ? " without an edge" : "")
            + ", which raises no interrupts (a gpio-in with edge=rising|falling|both, a uart or a timer does)");
      }
    }
  }
}
