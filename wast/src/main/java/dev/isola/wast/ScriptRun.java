package dev.isola.wast;

import com.fasterxml.jackson.databind.JsonNode;
import dev.isola.runtime.Engine;
import dev.isola.runtime.Imports;
import dev.isola.runtime.Instance;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import dev.isola.runtime.Trap;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.UnlinkableException;
import dev.isola.runtime.Value;
import dev.isola.wasm.Feature;
import dev.isola.wasm.binary.MalformedModuleException;
import dev.isola.wasm.text.TextFormatException;
import dev.isola.wasm.text.TextParser;
import dev.isola.wasm.binary.ModuleDecoder;
import dev.isola.wasm.validate.InvalidModuleException;
import dev.isola.wasm.validate.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state of one script while it runs: its store, the imports ({@code spectest} plus every {@code register}),
 * its {@link ScriptInstances}, and the counts. Every command is counted exactly once: passed, failed
 * or skipped.
 *
 * <p>When {@code execute} is false (SIMD scripts on a tier without SIMD execution), a {@code module} command is
 * only decoded and validated, without the tier, and counts as passed if that succeeds; commands that need an
 * instance are skipped. Text modules ({@code .wat}) of {@code assert_malformed} go to the text parser, which must
 * reject them.
 */
final class ScriptRun {
  private static final System.Logger LOG = System.getLogger(WastRunner.class.getName());

  private enum Outcome {
    PASSED,
    SKIPPED
  }

  private final String source;
  private final Path dir;
  private final Supplier<Engine> engines;
  private final Set<Feature> features;
  private final boolean execute;
  private final PrintStream log;
  private final ValueParser values = new ValueParser();

  private Store store;
  private Imports imports;
  private final ScriptInstances instances = new ScriptInstances();

  private int passed;
  private int failed;
  private int skipped;
  private final List<String> failures = new ArrayList<>();

  ScriptRun(String source, Path dir, Supplier<Engine> engines, Set<Feature> features, boolean execute,
      PrintStream log) {
    this.source = source;
    this.dir = dir;
    this.engines = engines;
    this.features = features;
    this.execute = execute;
    this.log = log;
  }

  Summary summary() {
    return new Summary(passed, failed, skipped, failures);
  }

  /** Parses and runs one command, recording its outcome; never throws for a failing command. */
  void run(JsonNode node) {
    int line = node.path("line").asInt();
    String type = node.path("type").asText();
    Command command;
    try {
      command = Command.parse(node, values);
    } catch (RuntimeException e) {
      fail(line, type, "", "cannot read the command: " + e);
      return;
    }
    try {
      switch (run(command)) {
        case PASSED -> passed++;
        case SKIPPED -> skipped++;
      }
    } catch (CommandFailed f) {
      fail(line, type, CommandFailed.subject(command), CommandFailed.expectation(command) + ", " + f.getMessage());
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      // Anything else is a bug somewhere below the harness (a stub, a crash): report it against the command.
      fail(line, type, CommandFailed.subject(command),
          CommandFailed.expectation(command) + ", got " + CommandFailed.describe(e));
    }
  }

  private Outcome run(Command command) {
    if (!execute && needsInstance(command)) {
      return Outcome.SKIPPED;
    }
    return switch (command) {
      case Command.ModuleCommand c -> module(c);
      case Command.Register c -> register(c);
      case Command.Perform c -> perform(c);
      case Command.AssertReturn c -> assertReturn(c);
      case Command.AssertTrap c -> assertTrap(c);
      case Command.AssertExhaustion c -> assertExhaustion(c);
      case Command.AssertModule c -> switch (c.rejection()) {
        case MALFORMED, INVALID -> assertRejected(c);
        case UNLINKABLE, UNINSTANTIABLE -> assertNotInstantiated(c);
      };
    };
  }

  /** The commands that run only with execution: all but module, assert_malformed and assert_invalid. */
  private static boolean needsInstance(Command command) {
    return switch (command) {
      case Command.ModuleCommand c -> false;
      case Command.Register c -> true;
      case Command.Perform c -> true;
      case Command.AssertReturn c -> true;
      case Command.AssertTrap c -> true;
      case Command.AssertExhaustion c -> true;
      case Command.AssertModule c -> switch (c.rejection()) {
        case MALFORMED, INVALID -> false;
        case UNLINKABLE, UNINSTANTIABLE -> true;
      };
    };
  }

  private Outcome module(Command.ModuleCommand c) {
    instances.starting(c.line(), c.name());
    byte[] bytes = read(c.filename());
    Instance instance;
    if (!execute) {
      try {
        decodeAndValidate(bytes);
      } catch (MalformedModuleException | InvalidModuleException e) {
        throw new CommandFailed("got " + CommandFailed.describe(e));
      }
      return Outcome.PASSED;
    }
    Module module;
    try {
      module = engine().compile(bytes);
    } catch (MalformedModuleException | InvalidModuleException e) {
      throw new CommandFailed("got " + CommandFailed.describe(e));
    }
    try {
      instance = store().instantiate(module, imports());
    } catch (Trap | UnlinkableException e) {
      throw new CommandFailed("got " + CommandFailed.describe(e));
    }
    instances.instantiated(instance, c.name());
    return Outcome.PASSED;
  }

  private Outcome register(Command.Register c) {
    imports().defineInstance(c.as(), instances.get(c.name()));
    return Outcome.PASSED;
  }

  private Outcome perform(Command.Perform c) {
    try {
      instances.perform(c.action());
    } catch (Trap | StackOverflowError e) {
      throw new CommandFailed("got " + CommandFailed.describe(e));
    }
    return Outcome.PASSED;
  }

  private Outcome assertReturn(Command.AssertReturn c) {
    List<Expected> expected = c.expected();
    Value[] actual;
    try {
      actual = instances.perform(c.action());
    } catch (Trap | StackOverflowError e) {
      throw new CommandFailed("got " + CommandFailed.describe(e));
    }
    boolean ok = actual != null && actual.length == expected.size();
    for (int i = 0; ok && i < actual.length; i++) {
      ok = actual[i] != null && expected.get(i).matches(actual[i]);
    }
    if (!ok) {
      throw new CommandFailed("got " + CommandFailed.showResults(actual, expected));
    }
    return Outcome.PASSED;
  }

  private Outcome assertTrap(Command.AssertTrap c) {
    Value[] actual;
    try {
      actual = instances.perform(c.action());
    } catch (Trap t) {
      if (!trapMatches(t.kind(), c.text())) {
        throw new CommandFailed("got " + CommandFailed.describe(t));
      }
      return Outcome.PASSED;
    } catch (StackOverflowError e) {
      throw new CommandFailed("got " + CommandFailed.describe(e));
    }
    throw new CommandFailed("got result " + CommandFailed.showResults(actual, List.of()));
  }

  private Outcome assertExhaustion(Command.AssertExhaustion c) {
    Value[] actual;
    try {
      actual = instances.perform(c.action());
    } catch (StackOverflowError e) {
      return Outcome.PASSED; // the JVM's stack ran out before the tier's call-depth limit: the same outcome
    } catch (Trap t) {
      if (t.kind() != TrapKind.CALL_STACK_EXHAUSTED) {
        throw new CommandFailed("got " + CommandFailed.describe(t));
      }
      return Outcome.PASSED;
    }
    throw new CommandFailed("got result " + CommandFailed.showResults(actual, List.of()));
  }

  /** assert_malformed and assert_invalid: decoding, resp. validation, must reject the module. */
  private Outcome assertRejected(Command.AssertModule c) {
    if (!c.binary()) {
      return assertTextRejected(c);
    }
    boolean malformed = c.rejection() == Command.Rejection.MALFORMED;
    byte[] bytes = read(c.filename());
    try {
      if (execute) {
        engine().compile(bytes);
      } else {
        decodeAndValidate(bytes);
      }
    } catch (MalformedModuleException e) {
      if (!malformed) {
        throw new CommandFailed("got " + CommandFailed.describe(e));
      }
      logReason(c, e.reason());
      return Outcome.PASSED;
    } catch (InvalidModuleException e) {
      if (malformed) {
        throw new CommandFailed("got " + CommandFailed.describe(e));
      }
      logReason(c, e.reason());
      return Outcome.PASSED;
    }
    throw new CommandFailed("got a valid module");
  }

  /**
   * assert_malformed of a text module: the text parser must reject it. wast2json writes only module fields for
   * most of them, which the parser reads as the body of a module; a {@code (module binary ...)} inside one is
   * decoded, so a malformed binary there counts as well.
   */
  private Outcome assertTextRejected(Command.AssertModule c) {
    if (c.rejection() != Command.Rejection.MALFORMED) {
      throw new CommandFailed("text modules are only expected in assert_malformed");
    }
    try {
      TextParser.parseModule(read(c.filename()), features);
    } catch (TextFormatException e) {
      logReason(c, e.reason());
      return Outcome.PASSED;
    } catch (MalformedModuleException e) {
      logReason(c, e.reason());
      return Outcome.PASSED;
    }
    throw new CommandFailed("got a well-formed text module");
  }

  /** assert_unlinkable and assert_uninstantiable: the module compiles, its instantiation must fail. */
  private Outcome assertNotInstantiated(Command.AssertModule c) {
    boolean unlinkable = c.rejection() == Command.Rejection.UNLINKABLE;
    byte[] bytes = read(c.filename());
    Module module;
    try {
      module = engine().compile(bytes);
    } catch (MalformedModuleException | InvalidModuleException e) {
      throw new CommandFailed("got " + CommandFailed.describe(e));
    }
    try {
      store().instantiate(module, imports());
    } catch (UnlinkableException e) {
      if (!unlinkable) {
        throw new CommandFailed("got " + CommandFailed.describe(e));
      }
      logReason(c, e.reason());
      return Outcome.PASSED;
    } catch (Trap t) {
      if (unlinkable || !trapMatches(t.kind(), c.text())) {
        throw new CommandFailed("got " + CommandFailed.describe(t));
      }
      return Outcome.PASSED;
    }
    throw new CommandFailed("got an instance");
  }

  /**
   * The reference interpreter checks that the expected text is a prefix of its message; our kinds carry the
   * spec's words without details, so the text may also extend the kind's words ("uninitialized element 2").
   */
  static boolean trapMatches(TrapKind kind, String text) {
    return text == null || kind.message().startsWith(text) || text.startsWith(kind.message());
  }

  private void decodeAndValidate(byte[] bytes) {
    Validator.validate(ModuleDecoder.decode(bytes, features), features);
  }

  private Engine engine() {
    return engines.get();
  }

  private Store store() {
    if (store == null) {
      store = new Store(engine());
    }
    return store;
  }

  private Imports imports() {
    if (imports == null) {
      imports = Spectest.define(new Imports());
    }
    return imports;
  }

  private byte[] read(String filename) {
    try {
      return Files.readAllBytes(dir.resolve(filename));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void logReason(Command.AssertModule c, String reason) {
    if (c.text() != null && (reason == null || !reason.startsWith(c.text()))) {
      LOG.log(Level.DEBUG, "{0}:{1}: {2}: expected reason \"{3}\", got \"{4}\"",
          source, c.line(), c.type(), c.text(), reason);
    }
  }

  private void fail(int line, String type, String subject, String message) {
    failed++;
    String text = source + ":" + line + ": " + type + (subject.isEmpty() ? "" : " " + subject) + ": " + message;
    failures.add(text);
    log.println(text);
  }
}
