package dev.isola.wasi.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's path resolution, without Wasm: every way out of the base must fail. */
class PathResolverTest {
  @TempDir Path tmp;
  Path base;
  Path outside;

  @BeforeEach
  void setUp() throws IOException {
    outside = Files.writeString(tmp.resolve("secret"), "outside");
    base = Files.createDirectory(tmp.resolve("root")).toRealPath();
    Files.createDirectories(base.resolve("dir/nested"));
    Files.writeString(base.resolve("dir/nested/file"), "x");
    Files.writeString(base.resolve("file"), "hello");
  }

  private PathResolver.Resolved resolve(String path, boolean follow) throws IOException {
    return PathResolver.resolve(base, path, follow);
  }

  private Errno errno(String path, boolean follow) {
    return assertThrows(ErrnoException.class, () -> resolve(path, follow)).errno();
  }

  @Test
  void resolvesPlainAndDottedPaths() throws IOException {
    assertEquals(base.resolve("dir/nested/file"), resolve("dir/nested/file", false).path());
    assertEquals(
        base.resolve("dir/nested/file"),
        resolve("dir/.//nested/../../dir/nested/../nested///./file", false).path());
    PathResolver.Resolved dot = resolve(".", false);
    assertTrue(dot.isBase());
    assertEquals(base, dot.path());
    assertTrue(resolve("dir/..", false).isBase());
  }

  @Test
  void missingLastComponentIsReportedNotFailed() throws IOException {
    PathResolver.Resolved r = resolve("dir/new", false);
    assertFalse(r.exists());
    assertEquals(base.resolve("dir/new"), r.path());
    assertEquals(Errno.NOENT, errno("missing/new", false));
  }

  @Test
  void refusesAbsolutePathsAndClimbingAboveTheBase() {
    assertEquals(Errno.NOTCAPABLE, errno("/file", false));
    assertEquals(Errno.NOTCAPABLE, errno("..", false));
    assertEquals(Errno.NOTCAPABLE, errno("../secret", false));
    assertEquals(Errno.NOTCAPABLE, errno("dir/nested/../../../root/file", false));
  }

  @Test
  void refusesLinksThatLeadOut() throws IOException {
    Files.createSymbolicLink(base.resolve("abs"), outside);
    Files.createSymbolicLink(base.resolve("up"), Path.of("../secret"));
    Files.createSymbolicLink(base.resolve("dir/upup"), Path.of("../../secret"));
    Files.createSymbolicLink(base.resolve("updir"), Path.of(".."));
    assertEquals(Errno.NOTCAPABLE, errno("abs", true));
    assertEquals(Errno.NOTCAPABLE, errno("up", true));
    assertEquals(Errno.NOTCAPABLE, errno("dir/upup", true));
    assertEquals(Errno.NOTCAPABLE, errno("updir/secret", false));
    assertEquals(Errno.NOTCAPABLE, errno("abs/", false));
    // Not following the last link is fine: the link itself is inside.
    assertTrue(resolve("abs", false).isSymbolicLink());
  }

  @Test
  void followsLinksThatStayInside() throws IOException {
    Files.createSymbolicLink(base.resolve("dir/link"), Path.of("nested/file"));
    Files.createSymbolicLink(base.resolve("todir"), Path.of("dir/nested"));
    Files.createSymbolicLink(base.resolve("dir/nested/back"), Path.of("../../file"));
    assertEquals(base.resolve("dir/nested/file"), resolve("dir/link", true).path());
    assertEquals(base.resolve("dir/nested/file"), resolve("todir/file", false).path());
    assertEquals(base.resolve("file"), resolve("todir/back", true).path());
    assertTrue(resolve("dir/link", false).isSymbolicLink());
  }

  @Test
  void symlinkLoopsEndInEloop() throws IOException {
    Files.createSymbolicLink(base.resolve("loop"), Path.of("loop"));
    Files.createSymbolicLink(base.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(base.resolve("b"), Path.of("a"));
    assertEquals(Errno.LOOP, errno("loop", true));
    assertEquals(Errno.LOOP, errno("a/x", false));
  }

  @Test
  void trailingSlashNeedsADirectory() throws IOException {
    assertEquals(Errno.NOTDIR, errno("file/", false));
    assertEquals(Errno.NOTDIR, errno("file///", false));
    assertEquals(Errno.NOTDIR, errno("file/x", false));
    assertTrue(resolve("dir/nested/", false).isDirectory());
    PathResolver.Resolved missing = resolve("newdir/", false);
    assertFalse(missing.exists());
    assertTrue(missing.trailingSlash());
  }

  @Test
  void rejectsEmptyPathsAndNul() {
    assertEquals(Errno.NOENT, errno("", false));
    assertEquals(Errno.INVAL, errno("file\0", false));
  }
}
