package dev.isola.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import dev.isola.kernel.config.Budget;
import dev.isola.kernel.config.ContainerSpec;
import dev.isola.kernel.config.ContextSpec;
import dev.isola.kernel.config.Criticality;
import dev.isola.kernel.config.PortalSpec;
import dev.isola.kernel.config.RegionAccess;
import dev.isola.kernel.config.RegionSpec;
import dev.isola.kernel.config.RestartPolicy;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.config.TierChoice;
import dev.isola.kernel.config.SystemCheck;
import dev.isola.wasm.binary.ModuleEncoder;
import dev.isola.wasm.text.TextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Systems for the kernel's tests, built as records (the file format has its own tests), guests from WAT. */
public final class TestSystems {
  private TestSystems() {}

  /** Parses {@code wat} and writes the binary module to {@code dir/name.wasm}. */
  public static Path wat(Path dir, String name, String wat) {
    try {
      Path file = dir.resolve(name + ".wasm");
      Files.write(file, ModuleEncoder.encode(TextParser.parseModule(wat, SystemCheck.FEATURES)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tier the kernel tests run on: {@code -Disola.test.tier=compiled} (or auto) for the compiler tier. */
  static final TierChoice TIER = TierChoice.valueOf(System.getProperty("isola.test.tier", "interp")
      .toUpperCase(java.util.Locale.ROOT));

  /** A system of {@code containers} on 2 CPUs, a 5ms slice, the interpreter. */
  public static SystemSpec system(Path dir, ContainerSpec... containers) {
    return system(dir, Map.of(), containers);
  }

  public static SystemSpec system(Path dir, Map<String, RegionSpec> regions, ContainerSpec... containers) {
    Map<String, ContainerSpec> byName = new LinkedHashMap<>();
    for (ContainerSpec c : containers) {
      byName.put(c.name(), c);
    }
    return new SystemSpec(dir.resolve("test.toml"), "test", 2, Duration.ofMillis(5), TIER, regions, byName);
  }

  public static ContainerBuilder container(String name, Path module) {
    return new ContainerBuilder(name, module);
  }

  /** A {@link ContainerSpec} builder with the file's defaults (priority 10 here, so tests read shorter). */
  public static final class ContainerBuilder {
    private final String name;
    private final Path module;
    private int priority = 10;
    private Criticality criticality = Criticality.MEDIUM;
    private Optional<Budget> budget = Optional.empty();
    private long memory = ContainerSpec.DEFAULT_MEMORY_LIMIT;
    private RestartPolicy restart = RestartPolicy.NEVER;
    private Duration watchdog = ContainerSpec.DEFAULT_WATCHDOG;
    private long stack = ContainerSpec.DEFAULT_STACK;
    private final Map<String, RegionAccess> regions = new LinkedHashMap<>();
    private final List<String> portalImports = new ArrayList<>();
    private final Map<String, PortalSpec> portalExports = new LinkedHashMap<>();
    private final List<ContextSpec> contexts = new ArrayList<>();

    ContainerBuilder(String name, Path module) {
      this.name = name;
      this.module = module;
    }

    public ContainerBuilder priority(int p) {
      priority = p;
      return this;
    }

    public ContainerBuilder budget(Duration time, Duration period) {
      budget = Optional.of(new Budget(time, period));
      return this;
    }

    public ContainerBuilder memory(long bytes) {
      memory = bytes;
      return this;
    }

    public ContainerBuilder restart(RestartPolicy.Kind kind, Duration backoff, Duration max) {
      restart = new RestartPolicy(kind, backoff, max);
      return this;
    }

    public ContainerBuilder watchdog(Duration d) {
      watchdog = d;
      return this;
    }

    public ContainerBuilder context(String export) {
      contexts.add(new ContextSpec(export, Optional.empty()));
      return this;
    }

    public ContainerBuilder periodic(String export, Duration period) {
      contexts.add(new ContextSpec(export, Optional.of(period)));
      return this;
    }

    public ContainerBuilder region(String region, RegionAccess access) {
      regions.put(region, access);
      return this;
    }

    public ContainerSpec build() {
      return new ContainerSpec(name, module, priority, criticality, budget, memory, restart, watchdog, stack,
          regions, portalImports, portalExports, contexts, List.of(), Map.of());
    }
  }

  /** The kernel's log, kept for assertions. */
  public static final class Log implements LogSink {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final boolean echo;

    public Log() {
      this(Boolean.getBoolean("isola.test.echo"));
    }

    public Log(boolean echo) {
      this.echo = echo;
    }

    @Override
    public void line(String container, String text) {
      lines.add(container + " | " + text);
      if (echo) {
        System.err.println(container + " | " + text);
      }
    }

    public List<String> lines() {
      return List.copyOf(lines);
    }

    /** The lines of {@code container}, without the prefix. */
    public List<String> of(String container) {
      String prefix = container + " | ";
      return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    /** How many lines of {@code container} contain {@code text}. */
    public long count(String container, String text) {
      return of(container).stream().filter(l -> l.contains(text)).count();
    }

    /** Waits (generously) until a line of {@code container} contains {@code text}. */
    public void await(String container, String text) {
      awaitTrue(() -> count(container, text) > 0, "a line of " + container + " containing \"" + text + "\"; the log: "
          + lines);
    }
  }

  /** Polls {@code condition} for up to 20 s: a generous margin, never a timing assertion. */
  public static void awaitTrue(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }
}
