package dev.isola.wasi.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The preview-1 {@code filestat} (64 bytes). Device and inode numbers come from the host's {@code unix:dev} and
 * {@code unix:ino}, so they are stable and unique per file and agree with {@code fd_readdir}'s {@code d_ino}.
 */
public record Filestat(long dev, long ino, FileType type, long nlink, long size, long atim, long mtim, long ctim) {
  public static final int SIZE = 64;

  /** {@code fstflags} bits of {@code *_set_times}. */
  public static final int ATIM = 1;

  public static final int ATIM_NOW = 2;
  public static final int MTIM = 4;
  public static final int MTIM_NOW = 8;

  /** The status of {@code path} itself (a link is not followed). */
  public static Filestat of(Path path) throws IOException {
    BasicFileAttributes basic =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    long dev = 0;
    long ino = 0;
    long nlink = 1;
    long ctim = nanos(basic.lastModifiedTime());
    try {
      Map<String, Object> unix = Files.readAttributes(path, "unix:dev,ino,nlink,ctime", LinkOption.NOFOLLOW_LINKS);
      dev = (Long) unix.get("dev");
      ino = (Long) unix.get("ino");
      nlink = ((Number) unix.get("nlink")).longValue();
      ctim = nanos((FileTime) unix.get("ctime"));
    } catch (UnsupportedOperationException e) {
      // Not a Unix host: the file key, when there is one, still tells files apart.
      Object key = basic.fileKey();
      ino = key != null ? key.hashCode() & 0xffffffffL : path.toAbsolutePath().hashCode() & 0xffffffffL;
    }
    return new Filestat(
        dev,
        ino,
        FileType.of(basic),
        nlink,
        basic.size(),
        nanos(basic.lastAccessTime()),
        nanos(basic.lastModifiedTime()),
        ctim);
  }

  /** The inode number of {@code path} itself, as {@link #of} reports it. */
  public static long inode(Path path) throws IOException {
    return of(path).ino();
  }

  /** A standard stream: a character device with no times. */
  public static Filestat stream() {
    return new Filestat(0, 0, FileType.CHARACTER_DEVICE, 1, 0, 0, 0, 0);
  }

  /** Writes it at {@code ptr}, which the caller verified for {@link #SIZE} bytes. */
  public void write(GuestMemory m, int ptr) {
    m.writeI64(ptr, dev);
    m.writeI64(ptr + 8, ino);
    m.writeI64(ptr + 16, 0);
    m.writeI8(ptr + 16, type.code());
    m.writeI64(ptr + 24, nlink);
    m.writeI64(ptr + 32, size);
    m.writeI64(ptr + 40, atim);
    m.writeI64(ptr + 48, mtim);
    m.writeI64(ptr + 56, ctim);
  }

  /**
   * Sets the access and modification times of {@code path} (itself, or the link's target if {@code follow}) as
   * {@code fstflags} says; {@code EINVAL} if a time is both given and "now", or flags are unknown.
   */
  public static void setTimes(Path path, long atim, long mtim, int fstflags, boolean follow) throws IOException {
    checkFstflags(fstflags);
    FileTime now = FileTime.from(java.time.Instant.now());
    FileTime a = time(fstflags, ATIM, ATIM_NOW, atim, now);
    FileTime m = time(fstflags, MTIM, MTIM_NOW, mtim, now);
    LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    Files.getFileAttributeView(path, BasicFileAttributeView.class, options).setTimes(m, a, null);
  }

  /** The time to set, or null to leave it unchanged. */
  private static FileTime time(int fstflags, int given, int current, long nanos, FileTime now) {
    if ((fstflags & current) != 0) {
      return now;
    }
    return (fstflags & given) != 0 ? FileTime.from(nanos, TimeUnit.NANOSECONDS) : null;
  }

  public static void checkFstflags(int fstflags) {
    if ((fstflags & ~(ATIM | ATIM_NOW | MTIM | MTIM_NOW)) != 0
        || (fstflags & (ATIM | ATIM_NOW)) == (ATIM | ATIM_NOW)
        || (fstflags & (MTIM | MTIM_NOW)) == (MTIM | MTIM_NOW)) {
      throw new ErrnoException(Errno.INVAL);
    }
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }
}
