package dev.isola.kernel.config;

import dev.isola.hal.need.Need;
import dev.isola.kernel.region.Region;
import dev.isola.toml.Locator;
import dev.isola.toml.Problem;
import dev.isola.toml.Section;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * Turns a parsed TOML document into a {@link SystemSpec}, applying defaults and reporting every problem of type,
 * value or key as it goes; a value with a problem takes its default so reading continues.
 */
final class SystemFileReader {
  /** Names of containers, regions and portals: they appear in import module names and in logs. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** More permits than this is a typo, not a machine. */
  static final int MAX_CPUS = 1024;

  private final Path file;
  private final Locator locator;
  private final List<Problem> problems;

  SystemFileReader(Path file, Locator locator, List<Problem> problems) {
    this.file = file;
    this.locator = locator;
    this.problems = problems;
  }

  SystemSpec read(TomlTable toml) {
    Section root = new Section(toml, "", locator, problems);
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".toml") ? fileName.substring(0, fileName.length() - 5) : fileName;
    int cpus = Runtime.getRuntime().availableProcessors();
    Duration slice = SystemSpec.DEFAULT_SLICE;
    TierChoice tier = TierChoice.AUTO;
    Optional<Path> board = Optional.empty();
    Optional<Section> system = root.table("system");
    if (system.isPresent()) {
      Section s = system.get();
      name = s.string("name").orElse(name);
      cpus = s.integer("cpus", 1, MAX_CPUS).map(Long::intValue).orElse(cpus);
      slice = positive(s, "slice").orElse(slice);
      tier = s.string("tier")
          .flatMap(t -> keyword(s, "tier", t, TierChoice.values(), TierChoice::keyword))
          .orElse(tier);
      board = s.string("board").flatMap(b -> s.parsed("board", () -> resolve(b)));
      s.finish();
    }
    Map<String, RegionSpec> regions = new LinkedHashMap<>();
    root.table("regions").ifPresent(rs -> {
      for (String r : rs.keys()) {
        name(rs, r, "region");
        rs.table(r).ifPresent(region -> {
          Optional<Long> size = region.has("size") ? size(region, "size") : region.missing("size");
          size.ifPresent(bytes -> {
            if (bytes <= 0 || bytes % RegionSpec.PAGE_BYTES != 0) {
              region.problem("size", "must be a positive whole number of 64KiB pages, found " + SizeText.format(bytes));
            } else if (bytes / RegionSpec.PAGE_BYTES > Region.MAX_PAGES) {
              // What a region's memory can hold on this host, not the spec's 4 GiB: refused here, not at start.
              long most = (long) Region.MAX_PAGES * RegionSpec.PAGE_BYTES;
              region.problem("size", "must be at most " + SizeText.format(most) + " (" + Region.MAX_PAGES
                  + " pages, the most a memory holds)");
            } else {
              regions.put(r, new RegionSpec(r, bytes));
            }
          });
          region.finish();
        });
      }
      rs.finish();
    });
    Map<String, ContainerSpec> containers = new LinkedHashMap<>();
    Optional<Section> cs = root.table("containers");
    if (cs.isPresent()) {
      for (String c : cs.get().keys()) {
        name(cs.get(), c, "container");
        cs.get().table(c).flatMap(this::container).ifPresent(spec -> containers.put(c, spec));
      }
      cs.get().finish();
    }
    if (containers.isEmpty() && cs.map(s -> s.keys().isEmpty()).orElse(true)) {
      problems.add(locator.problem("containers", "a system needs at least one container ([containers.NAME])"));
    }
    root.finish();
    return new SystemSpec(file, name, cpus, slice, tier, board, regions, containers);
  }

  private Optional<ContainerSpec> container(Section c) {
    String name = c.path().substring("containers.".length());
    int before = problems.size();
    Optional<Path> module = c.requiredString("module").flatMap(m -> c.parsed("module", () -> resolve(m)));
    int priority = c.integer("priority", ContainerSpec.MIN_PRIORITY, ContainerSpec.MAX_PRIORITY)
        .map(Long::intValue).orElse(ContainerSpec.DEFAULT_PRIORITY);
    Criticality criticality = c.string("criticality")
        .flatMap(s -> keyword(c, "criticality", s, Criticality.values(), Criticality::keyword))
        .orElse(Criticality.MEDIUM);
    Optional<Budget> budget = c.table("budget").flatMap(this::budget);
    long memory = size(c, "memory").flatMap(m -> atLeast(c, "memory", m, 1)).orElse(ContainerSpec.DEFAULT_MEMORY_LIMIT);
    RestartPolicy restart = restart(c);
    Duration watchdog = positive(c, "watchdog").orElse(ContainerSpec.DEFAULT_WATCHDOG);
    long stack = ContainerSpec.DEFAULT_STACK;
    Optional<Long> st = size(c, "stack");
    if (st.isPresent()) {
      if (st.get() < 16 || st.get() % 16 != 0) {
        c.problem("stack", "must be a positive multiple of 16 bytes, found " + SizeText.format(st.get()));
      } else {
        stack = st.get();
      }
    }
    Map<String, RegionAccess> regions = new LinkedHashMap<>();
    c.table("regions").ifPresent(rs -> {
      for (String r : rs.keys()) {
        rs.string(r).flatMap(a -> keyword(rs, r, a, RegionAccess.values(), RegionAccess::keyword))
            .ifPresent(a -> regions.put(r, a));
      }
      rs.finish();
    });
    List<String> imports = List.of();
    Map<String, PortalSpec> exports = new LinkedHashMap<>();
    Optional<Section> portals = c.table("portals");
    if (portals.isPresent()) {
      imports = portals.get().strings("import").orElse(List.of());
      portals.get().table("export").ifPresent(ex -> {
        for (String portal : ex.keys()) {
          name(ex, portal, "portal");
          ex.table(portal).ifPresent(fns -> exports.put(portal, new PortalSpec(portal, name, functions(fns))));
        }
        ex.finish();
      });
      portals.get().finish();
    }
    List<ContextSpec> contexts = c.tables("contexts").stream().map(this::context).flatMap(Optional::stream).toList();
    List<String> args = c.strings("args").orElse(List.of());
    Map<String, String> env = new LinkedHashMap<>();
    c.table("env").ifPresent(e -> {
      for (String k : e.keys()) {
        e.string(k).ifPresent(v -> env.put(k, v));
      }
      e.finish();
    });
    Map<String, String> peripherals = new LinkedHashMap<>();
    c.table("peripherals").ifPresent(ps -> {
      for (String label : ps.keys()) {
        label(ps, label);
        ps.string(label).ifPresent(resource -> {
          if (resource.isBlank()) {
            ps.problem(label, "expected the name of a board resource (e.g. \"gpio0.5\", \"tmp102\"), found \"\"");
          } else {
            peripherals.put(label, resource);
          }
        });
      }
      ps.finish();
    });
    Map<String, Integer> interrupts = new LinkedHashMap<>();
    c.table("interrupts").ifPresent(is -> {
      for (String label : is.keys()) {
        label(is, label);
        is.integer(label, ContainerSpec.MIN_PRIORITY, ContainerSpec.MAX_PRIORITY).ifPresent(prio -> {
          if (prio < priority) {
            // A handler below its own container would wait for the tasks it is meant to interrupt.
            is.problem(label, "priority " + prio + " is below the container's own priority " + priority
                + " (a handler must preempt its container's tasks)");
          } else {
            interrupts.put(label, prio.intValue());
          }
        });
      }
      is.finish();
    });
    Duration maskLimit = positive(c, "mask-limit").orElse(ContainerSpec.DEFAULT_MASK_LIMIT);
    c.finish();
    if (problems.size() > before || module.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ContainerSpec(name, module.get(), priority, criticality, budget, memory, restart,
        watchdog, stack, regions, imports, exports, contexts, args, env, peripherals, interrupts, maskLimit));
  }

  private Optional<Budget> budget(Section b) {
    Optional<Duration> time = b.has("time") ? positive(b, "time") : b.missing("time");
    Optional<Duration> period = b.has("period") ? positive(b, "period") : b.missing("period");
    b.finish();
    if (time.isEmpty() || period.isEmpty()) {
      return Optional.empty();
    }
    if (time.get().compareTo(period.get()) > 0) {
      b.problem("time", "is longer than the period (" + DurationText.format(period.get()) + ")");
      return Optional.empty();
    }
    return Optional.of(new Budget(time.get(), period.get()));
  }

  private RestartPolicy restart(Section c) {
    Optional<Object> v = c.value("restart");
    if (v.isEmpty()) {
      return RestartPolicy.NEVER;
    }
    if (v.get() instanceof String s) {
      return keyword(c, "restart", s, RestartPolicy.Kind.values(), RestartPolicy.Kind::keyword)
          .map(k -> new RestartPolicy(k, RestartPolicy.DEFAULT_BACKOFF, RestartPolicy.DEFAULT_MAX_BACKOFF))
          .orElse(RestartPolicy.NEVER);
    }
    if (!(v.get() instanceof TomlTable)) {
      c.problem("restart", "expected a policy (\"never\", \"on-failure\", \"always\") or a table, found "
          + Section.describe(v.get()));
      return RestartPolicy.NEVER;
    }
    Section r = c.table("restart").orElseThrow();
    Optional<RestartPolicy.Kind> kind = (r.has("policy") ? r.string("policy") : r.<String>missing("policy"))
        .flatMap(s -> keyword(r, "policy", s, RestartPolicy.Kind.values(), RestartPolicy.Kind::keyword));
    Duration backoff = positive(r, "backoff").orElse(RestartPolicy.DEFAULT_BACKOFF);
    Duration max = positive(r, "max-backoff").orElse(RestartPolicy.DEFAULT_MAX_BACKOFF);
    if (max.compareTo(backoff) < 0) {
      if (r.has("max-backoff")) {
        r.problem("max-backoff", "is shorter than the backoff (" + DurationText.format(backoff) + ")");
      } else {
        max = backoff;
      }
    }
    r.finish();
    return new RestartPolicy(kind.orElse(RestartPolicy.Kind.NEVER), backoff, max);
  }

  private Map<String, PortalSignature> functions(Section fns) {
    Map<String, PortalSignature> out = new LinkedHashMap<>();
    for (String fn : fns.keys()) {
      fns.string(fn)
          .flatMap(s -> fns.parsed(fn, () -> PortalSignature.parse(s)))
          .ifPresent(sig -> out.put(fn, sig));
    }
    if (fns.keys().isEmpty()) {
      problems.add(locator.problem(fns.path(),
          "a portal needs at least one function (NAME = \"(params) -> results\")"));
    }
    fns.finish();
    return out;
  }

  private Optional<ContextSpec> context(Section s) {
    Optional<String> export = s.requiredString("export");
    Optional<Duration> period = s.has("period") ? positive(s, "period") : Optional.empty();
    boolean periodBad = s.has("period") && period.isEmpty();
    s.finish();
    return export.isEmpty() || periodBad ? Optional.empty() : Optional.of(new ContextSpec(export.get(), period));
  }

  private Path resolve(String module) {
    try {
      return file.getParent().resolve(module).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("\"" + module + "\" is not a path: " + e.getReason());
    }
  }

  private void name(Section s, String name, String what) {
    if (!NAME.matcher(name).matches()) {
      s.problem(name, "a " + what + " name must be letters, digits, '_' and '-', starting with a letter or '_'");
    }
  }

  /** Peripheral labels are the module's ({@code isola.peripherals}): the same rule as its section's. */
  private static void label(Section s, String label) {
    if (!Need.isLabel(label)) {
      s.problem(label, "a peripheral label must be 1 to 32 of a-z, 0-9, '_' and '-', starting with a letter");
    }
  }

  /** A duration: a string with a unit ({@link DurationText}). */
  private static Optional<Duration> duration(Section s, String key) {
    return s.string(key).flatMap(t -> s.parsed(key, () -> DurationText.parse(t)));
  }

  /** A size: a string with a unit ({@link SizeText}), or an integer number of bytes. */
  private static Optional<Long> size(Section s, String key) {
    Optional<Object> v = s.value(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return switch (v.get()) {
      case Long bytes -> Optional.of(bytes);
      case String t -> s.parsed(key, () -> SizeText.parse(t));
      default -> {
        s.problem(key, "expected a size such as \"64KiB\", found " + Section.describe(v.get()));
        yield Optional.empty();
      }
    };
  }

  private static Optional<Duration> positive(Section s, String key) {
    Optional<Duration> d = duration(s, key);
    if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
      s.problem(key, "must be longer than zero");
      return Optional.empty();
    }
    return d;
  }

  private static Optional<Long> atLeast(Section s, String key, long value, long min) {
    if (value < min) {
      s.problem(key, "must be at least " + SizeText.format(min) + ", found " + SizeText.format(value));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static <E> Optional<E> keyword(
      Section s, String key, String word, E[] values, Function<E, String> keywordOf) {
    for (E e : values) {
      if (keywordOf.apply(e).equals(word.toLowerCase(Locale.ROOT))) {
        return Optional.of(e);
      }
    }
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      expected.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ")
          .append('"').append(keywordOf.apply(values[i])).append('"');
    }
    s.problem(key, "expected " + expected + ", found \"" + word + "\"");
    return Optional.empty();
  }
}
