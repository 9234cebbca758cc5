package dev.isola.compiler.aot;

import dev.isola.compiler.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which Isola wrote an artifact: the release version, then {@code +} and a fingerprint of the code that generated
 * the class files and that they call (the compiler, runtime, interpreter and model), e.g. {@code
 * 0.1.0-SNAPSHOT+5d41402abc4b2a76}.
 *
 * <p>Why a fingerprint and not the version alone: between two releases the version stays the same
 * (a {@code -SNAPSHOT}) while the compiler changes, and class files of an older compiler may call runtime methods
 * that no longer exist, or exist with other semantics. Hashing the code itself rejects those artifacts; the cost
 * is that a rebuild of Isola (even an identical one: jars carry timestamps) makes artifacts stale, which only
 * means they are recompiled.
 */
public final class IsolaVersion {
  /** One class of each module whose code the generated classes depend on. */
  private static final List<Class<?>> ANCHORS = List.of(Compiler.class, dev.isola.runtime.Engine.class,
      dev.isola.interp.Interpreter.class, dev.isola.wasm.WasmModule.class);

  private IsolaVersion() {}

  /** This Isola's version string, computed once per process (hashing a few jars takes milliseconds). */
  public static String current() {
    return Holder.CURRENT;
  }

  private static final class Holder {
    static final String CURRENT = release() + "+" + fingerprint();
  }

  /** The version Maven wrote into the compiler's jar; {@code dev} when running from class folders. */
  private static String release() {
    try (InputStream in = Compiler.class.getResourceAsStream(
        "/META-INF/maven/dev.isola/isola-compiler/pom.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fingerprint() {
    MessageDigest sha = sha256();
    Set<Path> sources = new LinkedHashSet<>();
    for (Class<?> c : ANCHORS) {
      Path p = location(c);
      if (p == null) {
        // A jlink image or a custom loader: no file to hash, so the release version has to do.
        return "unknown";
      }
      sources.add(p);
    }
    try {
      for (Path p : sources) {
        if (Files.isDirectory(p)) {
          // Class folders (tests, IDEs): their files in a fixed order, each path with its bytes.
          try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
              sha.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
              sha.update(Files.readAllBytes(f));
            }
          }
        } else {
          sha.update(Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  private static Path location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every JDK has SHA-256 (a required algorithm of java.security.MessageDigest).
      throw new AssertionError(e);
    }
  }
}
