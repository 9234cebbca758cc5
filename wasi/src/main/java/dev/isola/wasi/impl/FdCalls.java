package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The {@code fd_*} calls that manage descriptors and their metadata; reading, writing and seeking are in
 * {@link FdIoCalls}, {@code fd_readdir} in {@link ReaddirCalls}. Each verifies its pointers, then checks the
 * descriptor and its rights, then acts.
 */
public final class FdCalls {
  public static final int FDFLAGS_APPEND = 1;
  public static final int FDFLAGS_DSYNC = 2;
  public static final int FDFLAGS_NONBLOCK = 4;
  public static final int FDFLAGS_RSYNC = 8;
  public static final int FDFLAGS_SYNC = 16;

  /** {@code fdstat}: filetype u8 @0, flags u16 @2, rights_base u64 @8, rights_inheriting u64 @16. */
  static final int FDSTAT_SIZE = 24;

  /** {@code prestat}: tag u8 @0 (0 = dir), pr_name_len u32 @4. */
  static final int PRESTAT_SIZE = 8;

  private final WasiContext ctx;

  public FdCalls(WasiContext ctx) {
    this.ctx = ctx;
  }

  private FdTable fds() {
    return ctx.fds();
  }

  public int fd_advise(Caller c, int fd, long offset, long len, int advice) {
    Descriptor d = fds().get(fd);
    if (advice < 0 || advice > 5) {
      throw new ErrnoException(Errno.INVAL);
    }
    if (d instanceof DirectoryDescriptor) {
      throw new ErrnoException(Errno.BADF);
    }
    d.require(Rights.FD_ADVISE, Errno.BADF);
    if (offset < 0 || len < 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    // Advice is a hint; the JDK offers no posix_fadvise, and ignoring it is always correct.
    return 0;
  }

  public int fd_allocate(Caller c, int fd, long offset, long len) throws IOException {
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_ALLOCATE, Errno.BADF);
    FileDescriptor f = fds().file(fd);
    if (offset < 0 || len <= 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    long end = offset + len;
    if (end < 0) {
      throw new ErrnoException(Errno.FBIG);
    }
    FileChannel ch = f.channel();
    if (ch.size() < end) {
      // Extend without moving the position: a one-byte positional write of zero at the new end.
      ch.write(ByteBuffer.wrap(new byte[1]), end - 1);
    }
    return 0;
  }

  public int fd_close(Caller c, int fd) throws IOException {
    fds().close(fd);
    return 0;
  }

  public int fd_datasync(Caller c, int fd) throws IOException {
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_DATASYNC, Errno.BADF);
    if (d instanceof FileDescriptor f) {
      f.channel().force(false);
    }
    return 0;
  }

  public int fd_sync(Caller c, int fd) throws IOException {
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_SYNC, Errno.BADF);
    if (d instanceof FileDescriptor f) {
      f.channel().force(true);
    }
    return 0;
  }

  public int fd_fdstat_get(Caller c, int fd, int statPtr) {
    GuestMemory m = GuestMemory.of(c);
    m.verify(statPtr, FDSTAT_SIZE);
    Descriptor d = fds().get(fd);
    m.writeI64(statPtr, 0);
    m.writeI8(statPtr, d.fileType().code());
    m.writeI16(statPtr + 2, d.fdflags());
    m.writeI64(statPtr + 8, d.rightsBase());
    m.writeI64(statPtr + 16, d.rightsInheriting());
    return 0;
  }

  public int fd_fdstat_set_flags(Caller c, int fd, int flags) {
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_FDSTAT_SET_FLAGS, Errno.BADF);
    if ((flags & ~(FDFLAGS_APPEND | FDFLAGS_DSYNC | FDFLAGS_NONBLOCK | FDFLAGS_RSYNC | FDFLAGS_SYNC)) != 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    switch (d) {
      case FileDescriptor f -> f.setFdflags(flags);
      case DirectoryDescriptor dir -> dir.setFdflags(flags & FDFLAGS_NONBLOCK);
      case StreamDescriptor s -> s.setFdflags(flags & (FDFLAGS_APPEND | FDFLAGS_NONBLOCK));
    }
    return 0;
  }

  public int fd_fdstat_set_rights(Caller c, int fd, long base, long inheriting) {
    fds().get(fd).dropRights(base, inheriting);
    return 0;
  }

  public int fd_filestat_get(Caller c, int fd, int statPtr) throws IOException {
    GuestMemory m = GuestMemory.of(c);
    m.verify(statPtr, Filestat.SIZE);
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_FILESTAT_GET, Errno.BADF);
    Filestat stat =
        switch (d) {
          case StreamDescriptor s -> Filestat.stream();
          case DirectoryDescriptor dir -> Filestat.of(dir.checkedHost());
          case FileDescriptor f -> fileStat(f);
        };
    stat.write(m, statPtr);
    return 0;
  }

  /** A file's status by its path, with the size from the open channel (the path may have been replaced). */
  private static Filestat fileStat(FileDescriptor f) throws IOException {
    long size = f.channel().size();
    try {
      Filestat s = Filestat.of(f.path());
      return new Filestat(s.dev(), s.ino(), FileType.REGULAR_FILE, s.nlink(), size, s.atim(), s.mtim(), s.ctim());
    } catch (java.nio.file.NoSuchFileException e) {
      // Unlinked while open: the data is still there; there is no path left to ask for the rest.
      return new Filestat(0, 0, FileType.REGULAR_FILE, 0, size, 0, 0, 0);
    }
  }

  public int fd_filestat_set_size(Caller c, int fd, long size) throws IOException {
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_FILESTAT_SET_SIZE, Errno.BADF);
    FileDescriptor f = fds().file(fd);
    if (size < 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    FileChannel ch = f.channel();
    long current = ch.size();
    if (size < current) {
      long pos = ch.position();
      ch.truncate(size);
      ch.position(pos);
    } else if (size > current) {
      ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
    }
    return 0;
  }

  public int fd_filestat_set_times(Caller c, int fd, long atim, long mtim, int fstflags) throws IOException {
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_FILESTAT_SET_TIMES, Errno.BADF);
    Filestat.checkFstflags(fstflags);
    switch (d) {
      // Never follow: the file's path may have been replaced by a link since it was opened.
      case FileDescriptor f -> Filestat.setTimes(f.path(), atim, mtim, fstflags, false);
      case DirectoryDescriptor dir -> Filestat.setTimes(dir.checkedHost(), atim, mtim, fstflags, false);
      case StreamDescriptor s -> {}
    }
    return 0;
  }

  public int fd_prestat_get(Caller c, int fd, int prestatPtr) {
    GuestMemory m = GuestMemory.of(c);
    m.verify(prestatPtr, PRESTAT_SIZE);
    String name = preopenName(fd);
    m.writeI64(prestatPtr, 0);
    m.writeI32(prestatPtr + 4, name.getBytes(StandardCharsets.UTF_8).length);
    return 0;
  }

  public int fd_prestat_dir_name(Caller c, int fd, int path, int pathLen) {
    GuestMemory m = GuestMemory.of(c);
    m.verify(path, Integer.toUnsignedLong(pathLen));
    byte[] name = preopenName(fd).getBytes(StandardCharsets.UTF_8);
    if (Integer.toUnsignedLong(pathLen) < name.length) {
      throw new ErrnoException(Errno.NAMETOOLONG);
    }
    m.write(Integer.toUnsignedLong(path), name, 0, name.length);
    return 0;
  }

  /** The guest name of preopen {@code fd}; {@code EBADF} if it is not a preopen. */
  private String preopenName(int fd) {
    if (fds().get(fd) instanceof DirectoryDescriptor d && d.preopenName() != null) {
      return d.preopenName();
    }
    throw new ErrnoException(Errno.BADF);
  }

  public int fd_renumber(Caller c, int from, int to) throws IOException {
    fds().renumber(from, to);
    return 0;
  }
}
