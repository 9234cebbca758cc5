package dev.isola.wasi.impl;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A directory: the base that relative guest paths are resolved against. {@link #host()} is a real path (no
 * symbolic link in it), inside a preopen. {@link #preopenName()} is the guest path of a preopen, null for a
 * directory the guest opened itself.
 */
public final class DirectoryDescriptor extends Descriptor {
  private final Path host;
  private final Path sandboxRoot;
  private final String preopenName;

  public DirectoryDescriptor(
      Path host, Path sandboxRoot, String preopenName, long rightsBase, long rightsInheriting) {
    super(rightsBase, rightsInheriting);
    this.host = host;
    this.sandboxRoot = sandboxRoot;
    this.preopenName = preopenName;
  }

  public Path host() {
    return host;
  }

  /**
   * The host path, checked to still be a real path. The guest may rename this directory away and put a link
   * in its place (say to {@code ../..}); the host would then follow that link through this descriptor's path.
   * So every use re-checks that no component of the path has become a link. The guest runs one call at a time,
   * so it cannot change the path between this check and the use.
   *
   * @throws ErrnoException {@code ENOENT} if the directory is no longer at its path
   */
  public Path checkedHost() throws IOException {
    Path real;
    try {
      real = host.toRealPath();
    } catch (NoSuchFileException e) {
      throw new ErrnoException(Errno.NOENT);
    }
    if (!real.equals(host)) {
      throw new ErrnoException(Errno.NOENT);
    }
    return host;
  }

  /** The host path of the preopen this directory was reached through. */
  public Path sandboxRoot() {
    return sandboxRoot;
  }

  public String preopenName() {
    return preopenName;
  }

  @Override
  public FileType fileType() {
    return FileType.DIRECTORY;
  }

  @Override
  public void close() {}
}
