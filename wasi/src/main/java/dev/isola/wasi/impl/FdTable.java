package dev.isola.wasi.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The guest's file descriptors. New descriptors take the lowest free number, as POSIX does. */
public final class FdTable {
  private final TreeMap<Integer, Descriptor> fds = new TreeMap<>();

  /** The descriptor {@code fd}; {@code EBADF} if it is not open. */
  public Descriptor get(int fd) {
    Descriptor d = fds.get(fd);
    if (d == null) {
      throw new ErrnoException(Errno.BADF);
    }
    return d;
  }

  public FileDescriptor file(int fd) {
    return switch (get(fd)) {
      case FileDescriptor f -> f;
      case DirectoryDescriptor d -> throw new ErrnoException(Errno.ISDIR);
      case StreamDescriptor s -> throw new ErrnoException(Errno.BADF);
    };
  }

  /** The directory {@code fd}: {@code EBADF} if not open, {@code ENOTDIR} if not a directory. */
  public DirectoryDescriptor directory(int fd) {
    return switch (get(fd)) {
      case DirectoryDescriptor d -> d;
      case FileDescriptor f -> throw new ErrnoException(Errno.NOTDIR);
      case StreamDescriptor s -> throw new ErrnoException(Errno.NOTDIR);
    };
  }

  public int add(Descriptor d) {
    int fd = 0;
    for (int used : fds.keySet()) {
      if (used != fd) {
        break;
      }
      fd++;
    }
    if (fd < 0) {
      throw new ErrnoException(Errno.MFILE);
    }
    fds.put(fd, d);
    return fd;
  }

  public void put(int fd, Descriptor d) {
    fds.put(fd, d);
  }

  /** Removes and closes {@code fd}; {@code EBADF} if it is not open. */
  public void close(int fd) throws IOException {
    Descriptor d = get(fd);
    fds.remove(fd);
    d.close();
  }

  /** Moves {@code from} to {@code to}, closing what {@code to} held; both must be open. */
  public void renumber(int from, int to) throws IOException {
    Descriptor d = get(from);
    Descriptor old = get(to);
    if (from == to) {
      return;
    }
    fds.remove(from);
    fds.put(to, d);
    old.close();
  }

  /** Closes every descriptor, reporting the first failure after trying all. */
  public void closeAll() throws IOException {
    IOException first = null;
    List<Descriptor> all = new ArrayList<>(fds.values());
    fds.clear();
    for (Descriptor d : all) {
      try {
        d.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
