package dev.isola.wasi.impl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A regular file open on the host. {@code O_APPEND} is kept here, not in the channel, because the guest may
 * switch it with {@code fd_fdstat_set_flags} and Java cannot change a channel's mode: writes seek to the end
 * themselves when it is set, and {@code fd_pwrite} writes at the offset it is given (POSIX placement).
 */
public final class FileDescriptor extends Descriptor {
  private final Path path;
  private final FileChannel channel;

  public FileDescriptor(Path path, FileChannel channel, int fdflags, long rightsBase, long rightsInheriting) {
    super(rightsBase, rightsInheriting);
    this.path = path;
    this.channel = channel;
    setFdflags(fdflags);
  }

  /** The host path the file was opened by (for times and attributes; it may since have been renamed). */
  public Path path() {
    return path;
  }

  public FileChannel channel() {
    return channel;
  }

  @Override
  public FileType fileType() {
    return FileType.REGULAR_FILE;
  }

  public boolean append() {
    return (fdflags() & FdCalls.FDFLAGS_APPEND) != 0;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
