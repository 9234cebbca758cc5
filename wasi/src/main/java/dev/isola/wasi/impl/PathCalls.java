package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code path_*} calls. Each verifies its pointers, checks the directory's rights ({@code ENOTCAPABLE}),
 * resolves the path with {@link PathResolver} (the sandbox), applies POSIX's rules for what is there, and only
 * then touches the host, never following a link at the resolved path.
 */
public final class PathCalls {
  static final int LOOKUP_SYMLINK_FOLLOW = 1;

  static final int OFLAGS_CREAT = 1;
  static final int OFLAGS_DIRECTORY = 2;
  static final int OFLAGS_EXCL = 4;
  static final int OFLAGS_TRUNC = 8;

  /** Rights that make a file open for writing on the host. */
  private static final long WRITE_RIGHTS =
      Rights.FD_WRITE | Rights.FD_DATASYNC | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;

  private final WasiContext ctx;

  public PathCalls(WasiContext ctx) {
    this.ctx = ctx;
  }

  /** The directory {@code fd} holding {@code right}, and the guest path read from memory. */
  private DirectoryDescriptor directory(int fd, long right) {
    DirectoryDescriptor d = ctx.fds().directory(fd);
    d.require(right, Errno.NOTCAPABLE);
    return d;
  }

  private static PathResolver.Resolved resolve(DirectoryDescriptor d, String path, boolean follow)
      throws IOException {
    return PathResolver.resolve(d.checkedHost(), path, follow);
  }

  public int path_create_directory(Caller c, int fd, int path, int pathLen) throws IOException {
    String p = GuestMemory.of(c).string(path, pathLen);
    DirectoryDescriptor d = directory(fd, Rights.PATH_CREATE_DIRECTORY);
    PathResolver.Resolved r = resolve(d, p, false);
    if (r.exists()) {
      throw new ErrnoException(Errno.EXIST);
    }
    Files.createDirectory(r.path());
    return 0;
  }

  public int path_filestat_get(Caller c, int fd, int flags, int path, int pathLen, int statPtr) throws IOException {
    GuestMemory m = GuestMemory.of(c);
    String p = m.string(path, pathLen);
    m.verify(statPtr, Filestat.SIZE);
    DirectoryDescriptor d = directory(fd, Rights.PATH_FILESTAT_GET);
    PathResolver.Resolved r = resolve(d, p, (flags & LOOKUP_SYMLINK_FOLLOW) != 0);
    if (!r.exists()) {
      throw new ErrnoException(Errno.NOENT);
    }
    Filestat.of(r.path()).write(m, statPtr);
    return 0;
  }

  public int path_filestat_set_times(
      Caller c, int fd, int flags, int path, int pathLen, long atim, long mtim, int fstflags) throws IOException {
    String p = GuestMemory.of(c).string(path, pathLen);
    DirectoryDescriptor d = directory(fd, Rights.PATH_FILESTAT_SET_TIMES);
    Filestat.checkFstflags(fstflags);
    PathResolver.Resolved r = resolve(d, p, (flags & LOOKUP_SYMLINK_FOLLOW) != 0);
    if (!r.exists()) {
      throw new ErrnoException(Errno.NOENT);
    }
    // A link left at the resolved path was not to be followed: set the link's own times.
    Filestat.setTimes(r.path(), atim, mtim, fstflags, false);
    return 0;
  }

  public int path_link(
      Caller c, int oldFd, int oldFlags, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen)
      throws IOException {
    GuestMemory m = GuestMemory.of(c);
    String from = m.string(oldPath, oldPathLen);
    String to = m.string(newPath, newPathLen);
    DirectoryDescriptor src = directory(oldFd, Rights.PATH_LINK_SOURCE);
    DirectoryDescriptor dst = directory(newFd, Rights.PATH_LINK_TARGET);
    if ((oldFlags & LOOKUP_SYMLINK_FOLLOW) != 0) {
      // linkat(AT_SYMLINK_FOLLOW) would let the host follow a link; refused, as wasmtime does.
      throw new ErrnoException(Errno.INVAL);
    }
    PathResolver.Resolved existing = resolve(src, from, false);
    if (!existing.exists()) {
      throw new ErrnoException(Errno.NOENT);
    }
    if (existing.isDirectory()) {
      throw new ErrnoException(Errno.PERM);
    }
    PathResolver.Resolved link = resolve(dst, to, false);
    if (link.exists()) {
      throw new ErrnoException(Errno.EXIST);
    }
    if (link.trailingSlash()) {
      throw new ErrnoException(Errno.NOENT);
    }
    // link(2) does not follow a link at `existing`: the new name is a hard link to the link itself.
    Files.createLink(link.path(), existing.path());
    return 0;
  }

  public int path_open(
      Caller c,
      int fd,
      int dirflags,
      int path,
      int pathLen,
      int oflags,
      long rightsBase,
      long rightsInheriting,
      int fdflags,
      int fdPtr)
      throws IOException {
    GuestMemory m = GuestMemory.of(c);
    String p = m.string(path, pathLen);
    m.verify(fdPtr, 4);
    DirectoryDescriptor d = directory(fd, Rights.PATH_OPEN);
    boolean creat = (oflags & OFLAGS_CREAT) != 0;
    boolean directory = (oflags & OFLAGS_DIRECTORY) != 0;
    boolean excl = (oflags & OFLAGS_EXCL) != 0;
    boolean trunc = (oflags & OFLAGS_TRUNC) != 0;
    if (creat) {
      d.require(Rights.PATH_CREATE_FILE, Errno.NOTCAPABLE);
    }
    if (trunc) {
      // Truncating through a path is path_filestat_set_size's power; without it POSIX says EPERM.
      d.require(Rights.PATH_FILESTAT_SET_SIZE, Errno.PERM);
    }
    PathResolver.Resolved r = resolve(d, p, (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0);
    Descriptor opened;
    if (r.exists()) {
      if (creat && excl) {
        throw new ErrnoException(Errno.EXIST);
      }
      if (r.isSymbolicLink()) {
        // The last component is a link and the guest asked not to follow it: O_NOFOLLOW's ELOOP.
        throw new ErrnoException(Errno.LOOP);
      }
      if (r.isDirectory()) {
        if (trunc || creat || (rightsBase & Rights.FD_WRITE) != 0) {
          // A directory cannot be opened for writing (open(2) gives EISDIR).
          throw new ErrnoException(Errno.ISDIR);
        }
        opened =
            new DirectoryDescriptor(
                r.path(),
                d.sandboxRoot(),
                null,
                Rights.DIRECTORY & d.rightsInheriting(),
                Rights.DIRECTORY_INHERITING & d.rightsInheriting());
      } else {
        if (directory) {
          throw new ErrnoException(Errno.NOTDIR);
        }
        opened = openFile(d, r.path(), false, trunc, rightsBase, fdflags);
      }
    } else {
      if (!creat) {
        throw new ErrnoException(Errno.NOENT);
      }
      if (directory) {
        throw new ErrnoException(Errno.INVAL);
      }
      if (r.trailingSlash()) {
        throw new ErrnoException(Errno.ISDIR);
      }
      opened = openFile(d, r.path(), true, false, rightsBase, fdflags);
    }
    int newFd = ctx.fds().add(opened);
    m.writeI32(fdPtr, newFd);
    return 0;
  }

  private static FileDescriptor openFile(
      DirectoryDescriptor d, Path path, boolean create, boolean trunc, long rightsBase, int fdflags)
      throws IOException {
    // As wasmtime does, the requested rights choose the open mode (read unless only write rights are asked).
    boolean write = (rightsBase & WRITE_RIGHTS) != 0 || (fdflags & FdCalls.FDFLAGS_APPEND) != 0;
    boolean read = (rightsBase & (Rights.FD_READ | Rights.FD_READDIR)) != 0 || !write;
    Set<OpenOption> options = new HashSet<>();
    options.add(LinkOption.NOFOLLOW_LINKS);
    options.add(StandardOpenOption.READ);
    if (write || trunc || create) {
      options.add(StandardOpenOption.WRITE);
    }
    if (create) {
      options.add(StandardOpenOption.CREATE_NEW);
    }
    if (trunc) {
      options.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    FileChannel ch = FileChannel.open(path, options);
    long rights = Rights.FILE_COMMON | (read ? Rights.FILE_READ : 0) | (write ? Rights.FILE_WRITE : 0);
    int flags = fdflags & (FdCalls.FDFLAGS_APPEND | FdCalls.FDFLAGS_NONBLOCK | FdCalls.FDFLAGS_DSYNC
        | FdCalls.FDFLAGS_RSYNC | FdCalls.FDFLAGS_SYNC);
    return new FileDescriptor(path, ch, flags, rights & d.rightsInheriting(), 0);
  }

  public int path_readlink(Caller c, int fd, int path, int pathLen, int buf, int bufLen, int bufusedPtr)
      throws IOException {
    GuestMemory m = GuestMemory.of(c);
    String p = m.string(path, pathLen);
    m.verify(buf, Integer.toUnsignedLong(bufLen));
    m.verify(bufusedPtr, 4);
    DirectoryDescriptor d = directory(fd, Rights.PATH_READLINK);
    PathResolver.Resolved r = resolve(d, p, false);
    if (!r.exists()) {
      throw new ErrnoException(Errno.NOENT);
    }
    if (!r.isSymbolicLink()) {
      throw new ErrnoException(Errno.INVAL);
    }
    byte[] target = Files.readSymbolicLink(r.path()).toString().getBytes(StandardCharsets.UTF_8);
    int n = (int) Math.min(target.length, Integer.toUnsignedLong(bufLen));
    m.write(Integer.toUnsignedLong(buf), target, 0, n);
    m.writeI32(bufusedPtr, n);
    return 0;
  }

  public int path_remove_directory(Caller c, int fd, int path, int pathLen) throws IOException {
    String p = GuestMemory.of(c).string(path, pathLen);
    DirectoryDescriptor d = directory(fd, Rights.PATH_REMOVE_DIRECTORY);
    PathResolver.Resolved r = resolve(d, p, false);
    if (!r.exists()) {
      throw new ErrnoException(Errno.NOENT);
    }
    if (r.isBase()) {
      throw new ErrnoException(Errno.BUSY);
    }
    if (!r.isDirectory()) {
      throw new ErrnoException(Errno.NOTDIR);
    }
    Files.delete(r.path());
    return 0;
  }

  public int path_rename(Caller c, int fd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen)
      throws IOException {
    GuestMemory m = GuestMemory.of(c);
    String from = m.string(oldPath, oldPathLen);
    String to = m.string(newPath, newPathLen);
    DirectoryDescriptor src = directory(fd, Rights.PATH_RENAME_SOURCE);
    DirectoryDescriptor dst = directory(newFd, Rights.PATH_RENAME_TARGET);
    PathResolver.Resolved a = resolve(src, from, false);
    if (!a.exists()) {
      throw new ErrnoException(Errno.NOENT);
    }
    PathResolver.Resolved b = resolve(dst, to, false);
    if (a.isBase() || b.isBase()) {
      throw new ErrnoException(Errno.BUSY);
    }
    if (!a.isDirectory() && b.trailingSlash()) {
      throw new ErrnoException(Errno.NOTDIR);
    }
    // ATOMIC_MOVE is rename(2) itself, with its rules (EISDIR, ENOTDIR, ENOTEMPTY); a plain move would first
    // delete an existing target, even a directory, which rename(2) never does for a file.
    Files.move(a.path(), b.path(), StandardCopyOption.ATOMIC_MOVE);
    return 0;
  }

  public int path_symlink(Caller c, int oldPath, int oldPathLen, int fd, int newPath, int newPathLen)
      throws IOException {
    GuestMemory m = GuestMemory.of(c);
    String target = m.string(oldPath, oldPathLen);
    String p = m.string(newPath, newPathLen);
    DirectoryDescriptor d = directory(fd, Rights.PATH_SYMLINK);
    if (target.isEmpty()) {
      throw new ErrnoException(Errno.NOENT);
    }
    if (target.startsWith("/")) {
      // Such a link could never be followed in the sandbox; refusing it keeps host tools from following it too.
      throw new ErrnoException(Errno.NOTCAPABLE);
    }
    PathResolver.Resolved r = resolve(d, p, false);
    if (r.exists()) {
      throw new ErrnoException(Errno.EXIST);
    }
    if (r.trailingSlash()) {
      throw new ErrnoException(Errno.NOENT);
    }
    Files.createSymbolicLink(r.path(), r.path().getFileSystem().getPath(target));
    return 0;
  }

  public int path_unlink_file(Caller c, int fd, int path, int pathLen) throws IOException {
    String p = GuestMemory.of(c).string(path, pathLen);
    DirectoryDescriptor d = directory(fd, Rights.PATH_UNLINK_FILE);
    PathResolver.Resolved r = resolve(d, p, false);
    if (!r.exists()) {
      throw new ErrnoException(Errno.NOENT);
    }
    if (r.isDirectory()) {
      throw new ErrnoException(Errno.ISDIR);
    }
    Files.delete(r.path());
    return 0;
  }
}
