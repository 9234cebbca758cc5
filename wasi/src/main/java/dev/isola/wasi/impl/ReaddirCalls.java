package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code fd_readdir}. The cookie of an entry is its index in the listing {@code ., .., then the names in sorted
 * order}; {@code d_next} is the next index. Sorting makes the order the same on every call, so a cookie stays
 * meaningful while the directory does not change.
 */
public final class ReaddirCalls {
  /** {@code dirent}: d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20; then the name. */
  static final int DIRENT_SIZE = 24;

  private final WasiContext ctx;

  public ReaddirCalls(WasiContext ctx) {
    this.ctx = ctx;
  }

  public int fd_readdir(Caller c, int fd, int buf, int bufLen, long cookie, int bufusedPtr) throws IOException {
    GuestMemory m = GuestMemory.of(c);
    m.verify(buf, Integer.toUnsignedLong(bufLen));
    m.verify(bufusedPtr, 4);
    Descriptor desc = ctx.fds().get(fd);
    desc.require(Rights.FD_READDIR, Errno.BADF);
    if (!(desc instanceof DirectoryDescriptor d)) {
      throw new ErrnoException(Errno.NOTDIR);
    }
    if (cookie < 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    List<String> names = new ArrayList<>();
    names.add(".");
    names.add("..");
    Path host = d.checkedHost();
    try (Stream<Path> s = Files.list(host)) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
    }
    long capacity = Integer.toUnsignedLong(bufLen);
    ByteBuffer out = ByteBuffer.allocate((int) Math.min(capacity, Integer.MAX_VALUE - 8));
    out.order(ByteOrder.LITTLE_ENDIAN);
    for (long i = cookie; i < names.size() && out.hasRemaining(); i++) {
      String name = names.get((int) i);
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      long ino;
      FileType type;
      if (name.equals(".") || name.equals("..")) {
        // ".." of the sandbox's root is outside it: report the directory itself rather than leak its parent.
        Path p = name.equals(".") || host.equals(d.sandboxRoot()) ? host : host.getParent();
        ino = Filestat.inode(p);
        type = FileType.DIRECTORY;
      } else {
        Path p = host.resolve(name);
        BasicFileAttributes attrs = PathResolver.attributes(p);
        if (attrs == null) {
          continue; // removed since the listing
        }
        ino = Filestat.inode(p);
        type = FileType.of(attrs);
      }
      ByteBuffer entry = ByteBuffer.allocate(DIRENT_SIZE + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
      entry.putLong(i + 1).putLong(ino).putInt(nameBytes.length).put(type.code());
      entry.position(DIRENT_SIZE);
      entry.put(nameBytes);
      entry.flip();
      // The last entry is cut off when the buffer is full; the guest sees bufused == buf_len and asks again.
      entry.limit(Math.min(entry.limit(), out.remaining()));
      out.put(entry);
    }
    int used = out.position();
    m.write(Integer.toUnsignedLong(buf), out.array(), 0, used);
    m.writeI32(bufusedPtr, used);
    return 0;
  }
}
