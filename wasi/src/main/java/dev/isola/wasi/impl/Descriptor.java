package dev.isola.wasi.impl;

import java.io.IOException;

/**
 * An open file descriptor: a standard stream, a file or a directory. Its rights may only shrink ({@link
 * #dropRights}); calls check them with {@link #require}.
 */
public abstract sealed class Descriptor permits StreamDescriptor, FileDescriptor, DirectoryDescriptor {
  private long rightsBase;
  private long rightsInheriting;
  private int fdflags;

  protected Descriptor(long rightsBase, long rightsInheriting) {
    this.rightsBase = rightsBase;
    this.rightsInheriting = rightsInheriting;
  }

  public abstract FileType fileType();

  /** The {@code fdflags} reported by {@code fd_fdstat_get}. */
  public int fdflags() {
    return fdflags;
  }

  /** Set by {@code fd_fdstat_set_flags}, masked to what this kind of descriptor honours. */
  public void setFdflags(int fdflags) {
    this.fdflags = fdflags;
  }

  public long rightsBase() {
    return rightsBase;
  }

  public long rightsInheriting() {
    return rightsInheriting;
  }

  /** {@code errno} (EBADF for fd calls, ENOTCAPABLE for path calls) unless every bit of {@code rights} is held. */
  public void require(long rights, Errno errno) {
    if ((rightsBase & rights) != rights) {
      throw new ErrnoException(errno);
    }
  }

  /** Sets the rights to a subset of the current ones; {@code ENOTCAPABLE} if that would add any. */
  public void dropRights(long base, long inheriting) {
    if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
      throw new ErrnoException(Errno.NOTCAPABLE);
    }
    rightsBase = base;
    rightsInheriting = inheriting;
  }

  /** Releases host resources; the standard streams stay open (they belong to the embedder). */
  public abstract void close() throws IOException;
}
