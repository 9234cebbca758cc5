package dev.isola.kernel;

import dev.isola.kernel.config.SystemCheck;
import dev.isola.kernel.config.SystemFileException;
import dev.isola.kernel.config.SystemSpec;
import dev.isola.kernel.config.TierChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The start-up rehearsal: before the first real system of a JVM starts, a small built-in system runs for a
 * moment on a private simulated board, so that the JVM has loaded, linked and begun to compile the kernel's own
 * paths (host calls, portal copies, interrupts, periodic releases, budgets) before any real deadline counts.
 *
 * <p>Why: on a cold JVM the first activation of a periodic context runs the kernel's paths for the first time,
 * and that costs 10-30 ms of CPU (class loading, method-handle and {@code invokedynamic} linkage, HotSpot's
 * bytecode interpreter), against a few hundred microseconds once warm. Against a budget of 2 ms per 10 ms that
 * first activation took 80-150 ms of wall time and missed its 100 ms deadline (the greenhouse's {@code control}:
 * on 8 starts of 11 without a rehearsal, none of 25 after a 300 ms one; docs/kernel.md). The JIT is the JVM's,
 * shared by every container: warming it once, with code of our own, is the kernel's job, not each guest's.
 *
 * <p>The rehearsal system lives in this package's resources ({@code rehearsal/}: its system file, its board, and
 * two modules built from {@code kernel/src/main/c/rehearsal}). It runs on the tier of the system it prepares,
 * once per JVM and tier: the paths it warms are shared by every later kernel, but each tier has its own (the
 * interpreter's loop, or the compiler's generated code and builtins; measured on the greenhouse with {@code tier =
 * "interp"}: a miss on 4 starts of 6 without a rehearsal, 1 of 5 after one on the compiled tier, none of 6 after
 * one on the interpreter). It needs the simulator's backend (hal-sim); without it, or on any other failure, the
 * kernel starts cold and says why: a rehearsal is an optimisation, never a reason not to start.
 */
final class Rehearsal {
  private static final List<String> FILES = List.of("system.toml", "board.toml", "driver.wasm", "app.wasm");
  /** The tiers rehearsed in this JVM ({@code auto} is the compiled tier: {@code Kernel.engine}). */
  private static final Set<TierChoice> DONE = EnumSet.noneOf(TierChoice.class);

  private Rehearsal() {}

  /**
   * Rehearses for {@code length} on {@code tier} unless a rehearsal already ran on it in this JVM (or {@code
   * length} is zero).
   *
   * @return why the rehearsal could not run, if it could not
   */
  static synchronized Optional<String> once(Duration length, TierChoice tier) {
    TierChoice engine = tier == TierChoice.AUTO ? TierChoice.COMPILED : tier;
    if (length.isZero() || !DONE.add(engine)) {
      return Optional.empty();
    }
    try {
      SystemSummary s = run(length, engine);
      return s.containers().stream().filter(c -> c.traps() > 0 || c.activations() == 0)
          .map(c -> "its container " + c.name() + " did not run through (" + c.lastOutcome() + ")").findFirst();
    } catch (KernelException | SystemFileException | IOException | RuntimeException e) {
      return Optional.of(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** One rehearsal of {@code length} on {@code tier}, whatever ran before: its summary. */
  static SystemSummary run(Duration length, TierChoice tier) throws IOException, SystemFileException,
      KernelException, InterruptedException {
    Path dir = Files.createTempDirectory("isola-rehearsal");
    try {
      for (String name : FILES) {
        try (InputStream in = Rehearsal.class.getResourceAsStream("rehearsal/" + name)) {
          if (in == null) {
            throw new IOException("the kernel's resource rehearsal/" + name + " is missing");
          }
          Files.copy(in, dir.resolve(name));
        }
      }
      Path file = dir.resolve("system.toml");
      Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8)
          .replace("[system]\n", "[system]\ntier = \"" + tier.keyword() + "\"\n"), StandardCharsets.UTF_8);
      SystemSpec spec = SystemCheck.load(file);
      if (spec.tier() != tier) {
        throw new IllegalStateException("the rehearsal's system file has no [system] table to set its tier in");
      }
      // Its guests' lines and events are nobody's business: the rehearsal is silent unless it fails.
      try (Kernel kernel = Kernel.create(spec, KernelOptions.defaults().withLog((c, t) -> {})
          .withRehearsal(Duration.ZERO))) {
        kernel.start();
        Thread.sleep(length);
        kernel.stop();
        return kernel.summary();
      }
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder left behind is no reason to fail a start.
    }
  }
}
