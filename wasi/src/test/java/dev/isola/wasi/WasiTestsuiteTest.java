package dev.isola.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.interp.Interpreter;
import dev.isola.runtime.Engine;
import dev.isola.runtime.EngineConfig;
import dev.isola.runtime.Module;
import dev.isola.runtime.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The official WASI preview 1 testsuite ({@code ../shared/wasi-testsuite}), one dynamic test per program, run as
 * its README says: {@code argv[0]} is the module's file name, the environment is exactly the JSON's, {@code root}
 * is preopened as {@code /} on a fresh copy of the fixture, stdin is empty, stdout and stderr are prefix-checked,
 * and each program gets 5 seconds.
 */
class WasiTestsuiteTest {
  private static final long TIMEOUT_SECONDS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Engine ENGINE = Engine.of(EngineConfig.of(new Interpreter()));
  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();
  private static final AtomicInteger SKIPPED = new AtomicInteger();

  private static Path suiteRoot() {
    return Path.of(System.getProperty("isola.shared", "../../shared"), "wasi-testsuite", "tests");
  }

  @TestFactory
  Stream<DynamicTest> testsuite() throws IOException {
    List<Path> wasm = new ArrayList<>();
    try (Stream<Path> files = Files.walk(suiteRoot())) {
      files.filter(p -> p.toString().endsWith(".wasm")).sorted().forEach(wasm::add);
    }
    assertEquals(72, wasm.size(), "test programs in " + suiteRoot());
    return wasm.stream().map(p -> DynamicTest.dynamicTest(name(p), () -> runCounted(p)));
  }

  private static String name(Path wasm) {
    Path suite = wasm.getParent().getParent().getParent(); // <lang>/testsuite/wasm32-wasip1/<name>.wasm
    return suite.getFileName() + "/" + wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
  }

  private static void runCounted(Path wasm) throws Exception {
    try {
      run(wasm);
      PASSED.incrementAndGet();
    } catch (org.opentest4j.TestAbortedException e) {
      SKIPPED.incrementAndGet();
      throw e;
    } catch (Exception | AssertionError e) {
      FAILED.incrementAndGet();
      throw e;
    }
  }

  private static void run(Path wasm) throws Exception {
    // A suite for another WASI version is skipped, as upstream's harness does.
    Path manifest = wasm.resolveSibling("manifest.json");
    if (Files.exists(manifest)) {
      String version = JSON.readTree(manifest.toFile()).path("version").asText("wasm32-wasip1");
      Assumptions.assumeTrue(version.equals("wasm32-wasip1"), "suite is " + version + ", not preview 1");
    }
    String base = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
    Path jsonFile = wasm.resolveSibling(base + ".json");
    JsonNode spec = Files.exists(jsonFile) ? JSON.readTree(jsonFile.toFile()) : JSON.createObjectNode();

    List<String> args = new ArrayList<>();
    args.add(wasm.getFileName().toString());
    spec.path("args").forEach(a -> args.add(a.asText()));
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : spec.path("env").properties()) {
      env.put(e.getKey(), e.getValue().asText());
    }
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    WasiConfig.Builder config = WasiConfig.builder().args(args).env(env).stdout(stdout).stderr(stderr);

    Path scratch = null;
    JsonNode root = spec.path("root");
    if (root.isTextual()) {
      scratch = Files.createTempDirectory("wasi-" + base + "-");
      copyTree(wasm.resolveSibling(root.asText()), scratch);
      config.preopen(new Preopen(scratch, "/"));
    }
    try {
      Module module = ENGINE.compile(Files.readAllBytes(wasm));
      int status;
      try {
        status = runWithTimeout(module, config.build());
      } catch (RuntimeException e) {
        // A trap (Rust panics and C assertions end in `unreachable`): what the guest printed says why.
        throw new AssertionFailedError(e + detail(stdout, stderr), e);
      }
      String detail = detail(stdout, stderr);
      assertEquals(spec.path("exit_code").asInt(0), status, "exit code" + detail);
      checkPrefix("stdout", spec.path("stdout"), stdout);
      checkPrefix("stderr", spec.path("stderr"), stderr);
    } finally {
      if (scratch != null) {
        deleteTree(scratch);
      }
    }
  }

  private static String detail(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
    return "\nstdout: " + stdout.toString(StandardCharsets.UTF_8)
        + "\nstderr: " + stderr.toString(StandardCharsets.UTF_8);
  }

  private static int runWithTimeout(Module module, WasiConfig config) throws Exception {
    Store store = new Store(ENGINE);
    // The deadline stops the guest at its next safepoint; the future's timeout is the backstop.
    store.setDeadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
    FutureTask<Integer> task =
        new FutureTask<>(
            () -> {
              try (Wasi wasi = new Wasi(config)) {
                return wasi.run(store, module);
              }
            });
    Thread thread = Thread.ofPlatform().name("wasi-guest").daemon().stackSize(64L << 20).start(task);
    try {
      return get(task);
    } finally {
      thread.interrupt();
    }
  }

  private static int get(Future<Integer> task) throws Exception {
    try {
      return task.get(TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionFailedError("timed out after " + TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }

  /** The harness's prefix check: expected text against the start of the output, with CRLF read as LF. */
  private static void checkPrefix(String stream, JsonNode expected, ByteArrayOutputStream actual) {
    if (!expected.isTextual()) {
      return;
    }
    String got = actual.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    String want = expected.asText();
    assertTrue(got.startsWith(want), stream + ": expected prefix <" + want + "> but was <" + got + ">");
  }

  /** Copies a fixture keeping empty directories and dotfiles (Maven resource copying would drop both). */
  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @AfterAll
  static void summary() {
    System.out.println("wasi: " + PASSED.get() + " passed, " + FAILED.get() + " failed, " + SKIPPED.get() + " skipped");
  }
}
