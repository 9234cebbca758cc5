package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reading, writing and seeking: {@code fd_read}, {@code fd_pread}, {@code fd_write}, {@code fd_pwrite}, {@code
 * fd_seek}, {@code fd_tell}. Buffers are verified first ({@link GuestMemory#verifyIovecs}), then the descriptor
 * and its rights; file I/O then goes straight between the channel and guest memory.
 */
public final class FdIoCalls {
  static final int WHENCE_SET = 0;
  static final int WHENCE_CUR = 1;
  static final int WHENCE_END = 2;

  private final WasiContext ctx;

  public FdIoCalls(WasiContext ctx) {
    this.ctx = ctx;
  }

  private FdTable fds() {
    return ctx.fds();
  }

  /** Moves bytes between guest buffers and a descriptor; returns how many moved. */
  @FunctionalInterface
  private interface Transfer {
    long run(GuestMemory m, Descriptor d, long[] iov) throws IOException;
  }

  /**
   * The shape every read and write shares: verify the buffers and the result pointer, find the descriptor and
   * check {@code rights}, then transfer and store the count.
   */
  private int transfer(Caller c, int fd, int iovs, int iovsLen, int countPtr, long rights, Transfer t)
      throws IOException {
    GuestMemory m = GuestMemory.of(c);
    long[] iov = m.verifyIovecs(iovs, iovsLen);
    m.verify(countPtr, 4);
    Descriptor d = fds().get(fd);
    d.require(rights, Errno.BADF);
    m.writeI32(countPtr, (int) t.run(m, d, iov));
    return 0;
  }

  private static void requireOffset(long offset) {
    if (offset < 0) {
      throw new ErrnoException(Errno.INVAL);
    }
  }

  public int fd_read(Caller c, int fd, int iovs, int iovsLen, int nreadPtr) throws IOException {
    return transfer(
        c, fd, iovs, iovsLen, nreadPtr, Rights.FD_READ,
        (m, d, iov) ->
            switch (d) {
              case StreamDescriptor s -> readStream(m, s.in(), iov);
              case FileDescriptor f -> readChannel(m, f.channel(), iov, -1);
              case DirectoryDescriptor dir -> throw new ErrnoException(Errno.ISDIR);
            });
  }

  public int fd_pread(Caller c, int fd, int iovs, int iovsLen, long offset, int nreadPtr) throws IOException {
    return transfer(
        c, fd, iovs, iovsLen, nreadPtr, Rights.FD_READ | Rights.FD_SEEK,
        (m, d, iov) -> {
          requireOffset(offset);
          return switch (d) {
            case StreamDescriptor s -> throw new ErrnoException(Errno.SPIPE);
            case FileDescriptor f -> readChannel(m, f.channel(), iov, offset);
            case DirectoryDescriptor dir -> throw new ErrnoException(Errno.ISDIR);
          };
        });
  }

  /** Reads into the buffers in order; stops at end of file or a short read. {@code at < 0}: at the position. */
  private static long readChannel(GuestMemory m, FileChannel ch, long[] iov, long at) throws IOException {
    long total = 0;
    for (int i = 0; i < iov.length; i += 2) {
      ByteBuffer b = m.buffer(iov[i], iov[i + 1]);
      while (b.hasRemaining()) {
        int r = at < 0 ? ch.read(b) : ch.read(b, at + total + (b.position() - (int) iov[i]));
        if (r <= 0) {
          break;
        }
      }
      int got = b.position() - (int) iov[i];
      total += got;
      if (got < iov[i + 1]) {
        break;
      }
    }
    return total;
  }

  private static long readStream(GuestMemory m, InputStream in, long[] iov) throws IOException {
    for (int i = 0; i < iov.length; i += 2) {
      if (iov[i + 1] == 0) {
        continue;
      }
      // One read: a stream read blocks, so return whatever the first read gives, as read(2) on a pipe does.
      int r = in.read(m.memory().bytes(), (int) iov[i], (int) iov[i + 1]);
      return Math.max(r, 0);
    }
    return 0;
  }

  public int fd_write(Caller c, int fd, int iovs, int iovsLen, int nwrittenPtr) throws IOException {
    return transfer(
        c, fd, iovs, iovsLen, nwrittenPtr, Rights.FD_WRITE,
        (m, d, iov) ->
            switch (d) {
              case StreamDescriptor s -> writeStream(m, s.out(), iov);
              case FileDescriptor f -> {
                if (f.append()) {
                  f.channel().position(f.channel().size());
                }
                yield writeChannel(m, f.channel(), iov, -1);
              }
              case DirectoryDescriptor dir -> throw new ErrnoException(Errno.ISDIR);
            });
  }

  public int fd_pwrite(Caller c, int fd, int iovs, int iovsLen, long offset, int nwrittenPtr) throws IOException {
    return transfer(
        c, fd, iovs, iovsLen, nwrittenPtr, Rights.FD_WRITE | Rights.FD_SEEK,
        (m, d, iov) -> {
          requireOffset(offset);
          return switch (d) {
            case StreamDescriptor s -> throw new ErrnoException(Errno.SPIPE);
            case FileDescriptor f -> writeChannel(m, f.channel(), iov, offset);
            case DirectoryDescriptor dir -> throw new ErrnoException(Errno.ISDIR);
          };
        });
  }

  private static long writeChannel(GuestMemory m, FileChannel ch, long[] iov, long at) throws IOException {
    long total = 0;
    for (int i = 0; i < iov.length; i += 2) {
      ByteBuffer b = m.buffer(iov[i], iov[i + 1]);
      while (b.hasRemaining()) {
        if (at < 0) {
          ch.write(b);
        } else {
          ch.write(b, at + total + (b.position() - (int) iov[i]));
        }
      }
      total += iov[i + 1];
    }
    return total;
  }

  /** Writes everything and flushes: the embedder's streams may be buffered, and the guest expects write(2). */
  private static long writeStream(GuestMemory m, OutputStream out, long[] iov) throws IOException {
    long total = 0;
    for (int i = 0; i < iov.length; i += 2) {
      out.write(m.memory().bytes(), (int) iov[i], (int) iov[i + 1]);
      total += iov[i + 1];
    }
    out.flush();
    return total;
  }

  public int fd_seek(Caller c, int fd, long offset, int whence, int newOffsetPtr) throws IOException {
    GuestMemory m = GuestMemory.of(c);
    m.verify(newOffsetPtr, 8);
    Descriptor d = fds().get(fd);
    // A query of the position (offset 0 from the current one) is what fd_tell does and needs only its right.
    d.require(offset == 0 && whence == WHENCE_CUR ? Rights.FD_TELL : Rights.FD_SEEK, Errno.BADF);
    FileChannel ch =
        switch (d) {
          case FileDescriptor f -> f.channel();
          case DirectoryDescriptor dir -> throw new ErrnoException(Errno.BADF);
          case StreamDescriptor s -> throw new ErrnoException(Errno.SPIPE);
        };
    long base =
        switch (whence) {
          case WHENCE_SET -> 0;
          case WHENCE_CUR -> ch.position();
          case WHENCE_END -> ch.size();
          default -> throw new ErrnoException(Errno.INVAL);
        };
    long target = base + offset;
    if (target < 0) {
      throw new ErrnoException(Errno.INVAL);
    }
    ch.position(target);
    m.writeI64(newOffsetPtr, target);
    return 0;
  }

  public int fd_tell(Caller c, int fd, int offsetPtr) throws IOException {
    GuestMemory m = GuestMemory.of(c);
    m.verify(offsetPtr, 8);
    Descriptor d = fds().get(fd);
    d.require(Rights.FD_TELL, Errno.BADF);
    long pos =
        switch (d) {
          case FileDescriptor f -> f.channel().position();
          case DirectoryDescriptor dir -> throw new ErrnoException(Errno.BADF);
          case StreamDescriptor s -> throw new ErrnoException(Errno.SPIPE);
        };
    m.writeI64(offsetPtr, pos);
    return 0;
  }
}
