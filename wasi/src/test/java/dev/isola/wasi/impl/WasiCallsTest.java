package dev.isola.wasi.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.runtime.GuestExit;
import dev.isola.wasi.Preopen;
import dev.isola.wasi.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WASI calls against a real memory, without Wasm code: pointers, descriptors, rights and the sandbox. */
class WasiCallsTest {
  static final int ROOT = 3;
  static final long RW = Rights.FD_READ | Rights.FD_WRITE;

  @TempDir Path tmp;
  Path root;
  Path outside;
  ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  Guest g;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(tmp.resolve("root"));
    outside = Files.writeString(tmp.resolve("secret"), "top secret");
    Files.writeString(root.resolve("file"), "Hello World!");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("A", "1");
    env.put("B", "x y");
    g =
        new Guest(
            WasiConfig.builder()
                .args(List.of("prog", "arg"))
                .env(env)
                .preopen(new Preopen(root, "/"))
                .stdout(stdout)
                .build());
  }

  @Test
  void definesAllFortySixFunctions() {
    assertEquals(46, g.functions().size());
    assertEquals("wasi_snapshot_preview1", g.functions().get("fd_write").module());
  }

  @Test
  void writesToStdout() {
    int[] s = g.string("hello");
    int nw = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("fd_write", 1, g.iovec(s[0], s[1]), 1, nw));
    assertEquals(5, g.memory.readI32(nw));
    assertEquals("hello", stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badPointersFailWithEfaultBeforeAnyEffect() {
    int nw = g.alloc(4);
    int[] s = g.string("hello");
    // iovec array past the end of memory
    assertEquals(Errno.FAULT, g.call("fd_write", 1, 65536 - 4, 1, nw));
    // buffer past the end
    assertEquals(Errno.FAULT, g.call("fd_write", 1, g.iovec(65530, 100), 1, nw));
    // result pointer out of range: nothing written to stdout
    assertEquals(Errno.FAULT, g.call("fd_write", 1, g.iovec(s[0], s[1]), 1, -4));
    assertEquals(0, stdout.size());
    assertEquals(Errno.FAULT, g.call("args_sizes_get", 65535, nw));
  }

  @Test
  void argsAndEnvironment() {
    int count = g.alloc(4);
    int size = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("args_sizes_get", count, size));
    assertEquals(2, g.memory.readI32(count));
    assertEquals("prog\0arg\0".length(), g.memory.readI32(size));
    int argv = g.alloc(8);
    int buf = g.alloc(16);
    assertEquals(Errno.SUCCESS, g.call("args_get", argv, buf));
    assertEquals("arg", g.read(g.memory.readI32(argv + 4), 3));
    assertEquals(Errno.SUCCESS, g.call("environ_sizes_get", count, size));
    assertEquals(2, g.memory.readI32(count));
    int env = g.alloc(8);
    int envBuf = g.alloc(16);
    assertEquals(Errno.SUCCESS, g.call("environ_get", env, envBuf));
    assertEquals("B=x y", g.read(g.memory.readI32(env + 4), 5));
  }

  @Test
  void preopenIsNamedAndOthersAreNot() {
    int prestat = g.alloc(8);
    assertEquals(Errno.SUCCESS, g.call("fd_prestat_get", ROOT, prestat));
    assertEquals(1, g.memory.readI32(prestat + 4));
    int name = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("fd_prestat_dir_name", ROOT, name, 1));
    assertEquals("/", g.read(name, 1));
    assertEquals(Errno.NAMETOOLONG, g.call("fd_prestat_dir_name", ROOT, name, 0));
    assertEquals(Errno.BADF, g.call("fd_prestat_get", 1, prestat));
    assertEquals(Errno.BADF, g.call("fd_prestat_get", 4, prestat));
  }

  @Test
  void readsAndWritesFiles() {
    int fd = g.open(ROOT, 0, "file", 0, Rights.FD_READ, 0);
    int buf = g.alloc(64);
    int nr = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("fd_read", fd, g.iovec(buf, 64), 1, nr));
    assertEquals("Hello World!", g.read(buf, g.memory.readI32(nr)));
    // opened for reading only
    assertEquals(Errno.BADF, g.call("fd_write", fd, g.iovec(buf, 1), 1, nr));
    assertEquals(Errno.SUCCESS, g.call("fd_close", fd));
    assertEquals(Errno.BADF, g.call("fd_close", fd));

    int out = g.open(ROOT, 0, "new.txt", PathCalls.OFLAGS_CREAT, RW, 0);
    int[] s = g.string("data");
    assertEquals(Errno.SUCCESS, g.call("fd_write", out, g.iovec(s[0], s[1]), 1, nr));
    assertEquals(Errno.SUCCESS, g.call("fd_close", out));
    assertTrue(Files.exists(root.resolve("new.txt")));
  }

  @Test
  void appendModeWritesAtTheEnd() throws IOException {
    int fd = g.open(ROOT, 0, "file", 0, RW | Rights.FD_SEEK, FdCalls.FDFLAGS_APPEND);
    int[] s = g.string("!!");
    int nr = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("fd_write", fd, g.iovec(s[0], s[1]), 1, nr));
    assertEquals("Hello World!!!", Files.readString(root.resolve("file")));
  }

  @Test
  void escapesThroughPathsFail() throws IOException {
    Files.createDirectory(root.resolve("sub"));
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, 0, "../secret", 0));
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, 0, "/file", 0));
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, 0, "sub/../../secret", 0));
    assertEquals(Errno.NOTCAPABLE, g.path("path_create_directory", ROOT, "../escaped"));
    assertFalse(Files.exists(tmp.resolve("escaped")));
    assertEquals(Errno.NOTCAPABLE, g.path("path_unlink_file", ROOT, "../secret"));
    assertTrue(Files.exists(outside));
  }

  @Test
  void escapesThroughSymlinksFail() throws IOException {
    Files.createSymbolicLink(root.resolve("abs"), outside);
    Files.createSymbolicLink(root.resolve("rel"), Path.of("../secret"));
    Files.createSymbolicLink(root.resolve("up"), Path.of(".."));
    int follow = PathCalls.LOOKUP_SYMLINK_FOLLOW;
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, follow, "abs", 0));
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, follow, "rel", 0));
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, 0, "up/secret", 0));
    assertEquals(Errno.LOOP, g.openErrno(ROOT, 0, "abs", 0));
    int stat = g.alloc(64);
    int[] p = g.string("rel");
    assertEquals(Errno.NOTCAPABLE, g.call("path_filestat_get", ROOT, follow, p[0], p[1], stat));
    // A guest cannot plant a link to an absolute path either.
    int[] target = g.string("/etc/passwd");
    int[] link = g.string("mine");
    assertEquals(Errno.NOTCAPABLE, g.call("path_symlink", target[0], target[1], ROOT, link[0], link[1]));
    // A relative link that climbs out can be created, but never followed.
    int[] climb = g.string("../secret");
    assertEquals(Errno.SUCCESS, g.call("path_symlink", climb[0], climb[1], ROOT, link[0], link[1]));
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, follow, "mine", 0));
    // Removing the links removes only the links.
    assertEquals(Errno.SUCCESS, g.path("path_unlink_file", ROOT, "abs"));
    assertTrue(Files.exists(outside));
  }

  @Test
  void directoryDescriptorsCannotClimbAboveThemselves() throws IOException {
    Files.createDirectory(root.resolve("sub"));
    int sub = g.open(ROOT, 0, "sub", PathCalls.OFLAGS_DIRECTORY, 0, 0);
    assertEquals(Errno.NOTCAPABLE, g.openErrno(sub, 0, "../file", 0));
    assertEquals(Errno.SUCCESS, g.openErrno(ROOT, 0, "sub/../file", 0));
  }

  @Test
  void directoryReplacedByALinkDoesNotLeadOut() throws IOException {
    Files.createDirectory(root.resolve("sub"));
    int sub = g.open(ROOT, 0, "sub", PathCalls.OFLAGS_DIRECTORY, 0, 0);
    int[] from = g.string("sub");
    int[] to = g.string("moved");
    assertEquals(Errno.SUCCESS, g.call("path_rename", ROOT, from[0], from[1], ROOT, to[0], to[1]));
    // "sub" -> ".." is inside the sandbox as a link, but through sub's descriptor it would be the parent of root.
    int[] up = g.string("..");
    assertEquals(Errno.SUCCESS, g.call("path_symlink", up[0], up[1], ROOT, from[0], from[1]));
    assertEquals(Errno.NOENT, g.openErrno(sub, 0, "secret", 0));
    int buf = g.alloc(256);
    int used = g.alloc(4);
    assertEquals(Errno.NOENT, g.call("fd_readdir", sub, buf, 256, 0L, used));
  }

  @Test
  void pathCallsFollowPosixRules() throws IOException {
    Files.createDirectory(root.resolve("dir"));
    Files.createSymbolicLink(root.resolve("link"), Path.of("file"));
    int creat = PathCalls.OFLAGS_CREAT;
    assertEquals(Errno.EXIST, g.openErrno(ROOT, 0, "file", creat | PathCalls.OFLAGS_EXCL));
    assertEquals(Errno.NOTDIR, g.openErrno(ROOT, 0, "file", PathCalls.OFLAGS_DIRECTORY));
    assertEquals(Errno.NOTDIR, g.openErrno(ROOT, 0, "file/", 0));
    assertEquals(Errno.NOENT, g.openErrno(ROOT, 0, "missing", 0));
    assertEquals(Errno.LOOP, g.openErrno(ROOT, 0, "link", 0));
    assertEquals(Errno.SUCCESS, g.openErrno(ROOT, PathCalls.LOOKUP_SYMLINK_FOLLOW, "link", 0));
    assertEquals(Errno.ISDIR, g.path("path_unlink_file", ROOT, "dir"));
    assertEquals(Errno.NOTDIR, g.path("path_remove_directory", ROOT, "file"));
    assertEquals(Errno.EXIST, g.path("path_create_directory", ROOT, "dir"));
    int[] file = g.string("file");
    int[] dir = g.string("dir");
    assertEquals(Errno.ISDIR, g.call("path_rename", ROOT, file[0], file[1], ROOT, dir[0], dir[1]));
    assertTrue(Files.isRegularFile(root.resolve("file")));
    int[] out = g.string("../moved");
    assertEquals(Errno.NOTCAPABLE, g.call("path_rename", ROOT, file[0], file[1], ROOT, out[0], out[1]));
    assertEquals(Errno.NOTCAPABLE, g.call("path_link", ROOT, 0, file[0], file[1], ROOT, out[0], out[1]));
    assertFalse(Files.exists(tmp.resolve("moved")));
    // A path pointer out of range is EFAULT, checked before anything else.
    assertEquals(Errno.FAULT, g.call("path_create_directory", ROOT, 65530, 100));
    assertEquals(Errno.FAULT, g.call("path_create_directory", 99, 65530, 100));
  }

  @Test
  void emptyStdinReadsZeroBytes() {
    int buf = g.alloc(16);
    int nr = g.alloc(4);
    g.memory.writeI32(nr, -1);
    assertEquals(Errno.SUCCESS, g.call("fd_read", 0, g.iovec(buf, 16), 1, nr));
    assertEquals(0, g.memory.readI32(nr));
  }

  @Test
  void rightsOnlyShrink() {
    int fd = g.open(ROOT, 0, "file", 0, RW, 0);
    int stat = g.alloc(24);
    assertEquals(Errno.SUCCESS, g.call("fd_fdstat_get", fd, stat));
    long base = g.memory.readI64(stat + 8);
    assertTrue((base & Rights.FD_READ) != 0);
    assertEquals(Errno.SUCCESS, g.call("fd_fdstat_set_rights", fd, base & ~Rights.FD_READ, 0L));
    int buf = g.alloc(8);
    int nr = g.alloc(4);
    assertEquals(Errno.BADF, g.call("fd_read", fd, g.iovec(buf, 8), 1, nr));
    assertEquals(Errno.NOTCAPABLE, g.call("fd_fdstat_set_rights", fd, base, 0L));
    assertEquals(Errno.SUCCESS, g.call("fd_fdstat_set_rights", ROOT, Rights.DIRECTORY & ~Rights.PATH_OPEN, 0L));
    assertEquals(Errno.NOTCAPABLE, g.openErrno(ROOT, 0, "file", 0));
  }

  @Test
  void socketsAndUnknownFunctionsAnswerWithErrno() {
    assertEquals(Errno.BADF, g.call("sock_shutdown", 9, 0));
    assertEquals(Errno.NOTSOCK, g.call("sock_shutdown", 1, 0));
    assertEquals(Errno.NOSYS, g.call("proc_raise", 2));
    assertEquals(Errno.BADF, g.call("fd_write", -31337, g.alloc(8), 0, g.alloc(4)));
  }

  @Test
  void procExitThrowsGuestExit() {
    GuestExit e = assertThrows(GuestExit.class, () -> g.call("proc_exit", 33));
    assertEquals(33, e.status());
  }

  @Test
  void readdirListsDotEntriesAndFilesWithInodes() throws IOException {
    int buf = g.alloc(1024);
    int used = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("fd_readdir", ROOT, buf, 1024, 0L, used));
    int n = g.memory.readI32(used);
    // ".", "..", "file": three 24-byte headers plus 1 + 2 + 4 name bytes
    assertEquals(3 * 24 + 7, n);
    int third = buf + 24 + 1 + 24 + 2;
    assertEquals("file", g.read(third + 24, 4));
    assertEquals(FileType.REGULAR_FILE.code(), g.memory.readI8(third + 20));
    int stat = g.alloc(64);
    int[] p = g.string("file");
    assertEquals(Errno.SUCCESS, g.call("path_filestat_get", ROOT, 0, p[0], p[1], stat));
    assertEquals(g.memory.readI64(stat + 8), g.memory.readI64(third + 8));
    // from cookie 2, only "file"
    assertEquals(Errno.SUCCESS, g.call("fd_readdir", ROOT, buf, 1024, 2L, used));
    assertEquals(24 + 4, g.memory.readI32(used));
  }

  @Test
  void readdirDoesNotRevealTheParentOfTheSandbox() {
    int dot = g.open(ROOT, 0, ".", PathCalls.OFLAGS_DIRECTORY, 0, 0);
    int buf = g.alloc(256);
    int used = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("fd_readdir", dot, buf, 256, 0L, used));
    assertEquals("..", g.read(buf + 24 + 1 + 24, 2));
    // ".." of the sandbox root reports the root itself
    assertEquals(g.memory.readI64(buf + 8), g.memory.readI64(buf + 24 + 1 + 8));
  }

  @Test
  void pollReportsClockAfterTimeout() {
    int in = g.alloc(48);
    g.memory.writeI64(in, 42);
    g.memory.writeI8(in + 8, (byte) 0);
    g.memory.writeI32(in + 16, 1);
    g.memory.writeI64(in + 24, 1_000_000L);
    int out = g.alloc(32);
    int n = g.alloc(4);
    assertEquals(Errno.SUCCESS, g.call("poll_oneoff", in, out, 1, n));
    assertEquals(1, g.memory.readI32(n));
    assertEquals(42, g.memory.readI64(out));
    assertEquals(Errno.INVAL, g.call("poll_oneoff", in, out, 0, n));
  }
}
