package dev.isola.wasi.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path against a directory descriptor without ever leaving it: the sandbox.
 *
 * <p>The host never resolves a guest path by itself. The resolver walks it one component at a time from the
 * directory's real host path, keeping the stack of names it has descended through: {@code .} is skipped, {@code
 * ..} pops a name and fails with {@code ENOTCAPABLE} when there is none left (it would climb above the
 * directory), an absolute path fails the same way, and a symbolic link is read and its target's components are
 * put in place of the link, under the same rules (so an absolute or climbing target fails too). Every name left
 * on the stack is a real directory, so the resolved path has no link in its parents and lies under the base;
 * callers act on it with {@link LinkOption#NOFOLLOW_LINKS}. The host could race us by swapping a directory for a
 * link between the check and the use; the guest cannot, as it runs one call at a time.
 */
public final class PathResolver {
  /** Expansions of symbolic links in one resolution before {@code ELOOP} (Linux allows 40). */
  static final int MAX_SYMLINKS = 40;

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private PathResolver() {}

  /**
   * What a path resolved to.
   *
   * @param path the host path (parents are real directories under the base)
   * @param attrs its attributes read without following a link, or null if nothing is there
   * @param trailingSlash the guest path ended with {@code /}, so it must name a directory
   * @param isBase it is the base directory itself ({@code "."}, {@code "a/.."})
   */
  public record Resolved(Path path, BasicFileAttributes attrs, boolean trailingSlash, boolean isBase) {
    public boolean exists() {
      return attrs != null;
    }

    public boolean isDirectory() {
      return attrs != null && attrs.isDirectory();
    }

    public boolean isSymbolicLink() {
      return attrs != null && attrs.isSymbolicLink();
    }

    /** The last component's name; not meaningful for the base itself. */
    public String name() {
      return path.getFileName().toString();
    }
  }

  /**
   * Resolves {@code guestPath} against {@code base}.
   *
   * @param followFinal whether a link in the last component is followed too (the {@code symlink_follow}
   *     lookup flag); a trailing slash always follows it, as in POSIX
   */
  public static Resolved resolve(Path base, String guestPath, boolean followFinal) throws IOException {
    if (guestPath.isEmpty()) {
      throw new ErrnoException(Errno.NOENT);
    }
    if (guestPath.indexOf('\0') >= 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    if (guestPath.startsWith("/")) {
      throw new ErrnoException(Errno.NOTCAPABLE);
    }
    Deque<String> todo = new ArrayDeque<>(components(guestPath));
    boolean trailing = guestPath.endsWith("/");
    List<String> stack = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      boolean last = todo.isEmpty();
      if (c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (stack.isEmpty()) {
          throw new ErrnoException(Errno.NOTCAPABLE);
        }
        stack.removeLast();
        continue;
      }
      Path p = join(base, stack).resolve(c);
      BasicFileAttributes attrs = attributes(p);
      if (attrs == null) {
        if (!last) {
          throw new ErrnoException(Errno.NOENT);
        }
        return new Resolved(p, null, trailing, false);
      }
      if (attrs.isSymbolicLink() && (!last || followFinal || trailing)) {
        if (++links > MAX_SYMLINKS) {
          throw new ErrnoException(Errno.LOOP);
        }
        String target = Files.readSymbolicLink(p).toString();
        if (target.isEmpty()) {
          throw new ErrnoException(Errno.NOENT);
        }
        if (target.startsWith("/")) {
          throw new ErrnoException(Errno.NOTCAPABLE);
        }
        if (last && target.endsWith("/")) {
          trailing = true;
        }
        List<String> expansion = components(target);
        for (int i = expansion.size() - 1; i >= 0; i--) {
          todo.addFirst(expansion.get(i));
        }
        continue;
      }
      if (!last && !attrs.isDirectory()) {
        throw new ErrnoException(Errno.NOTDIR);
      }
      if (last) {
        if (trailing && !attrs.isDirectory()) {
          throw new ErrnoException(Errno.NOTDIR);
        }
        return new Resolved(p, attrs, trailing, false);
      }
      stack.add(c);
    }
    // The path ended on "." or ".." (or a link to one): it names a directory on the stack.
    Path p = join(base, stack);
    return new Resolved(p, attributes(p), trailing, stack.isEmpty());
  }

  /** The non-empty components of a path ({@code a//b/} has two). */
  static List<String> components(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  private static Path join(Path base, List<String> stack) {
    Path p = base;
    for (String s : stack) {
      p = p.resolve(s);
    }
    return p;
  }

  /** Attributes of {@code p} itself (not a link's target), or null if nothing is there. */
  static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
