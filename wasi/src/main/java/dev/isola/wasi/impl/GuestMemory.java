package dev.isola.wasi.impl;

import dev.isola.runtime.Caller;
import dev.isola.runtime.Memory;
import java.nio.charset.StandardCharsets;

/**
 * The guest's linear memory as WASI functions see it. {@link #verify} is the one checking routine: every
 * function calls it for each pointer and length it will touch before it acts, so a bad pointer gives {@code
 * EFAULT} and no partial effect. Pointers are unsigned 32-bit values held in an {@code int}.
 */
public final class GuestMemory {
  /** Size of a preview-1 {@code iovec}/{@code ciovec}: {@code buf: u32, buf_len: u32}. */
  public static final int IOVEC_SIZE = 8;

  private final Memory memory;

  public GuestMemory(Memory memory) {
    this.memory = memory;
  }

  /** The memory of the calling instance; {@code EFAULT} if it has none (a command module exports one). */
  public static GuestMemory of(Caller caller) {
    Memory memory = caller.memory(0);
    if (memory == null) {
      throw new ErrnoException(Errno.FAULT);
    }
    return new GuestMemory(memory);
  }

  public Memory memory() {
    return memory;
  }

  /** Checks that {@code [ptr, ptr + len)} lies in memory; {@code EFAULT} if not. */
  public void verify(int ptr, long len) {
    long start = Integer.toUnsignedLong(ptr);
    if (len < 0 || start + len > memory.bytes().length) {
      throw new ErrnoException(Errno.FAULT);
    }
  }

  /** Verifies an array of {@code count} (c)iovecs and every buffer they name; returns {@code {buf, len}} pairs. */
  public long[] verifyIovecs(int iovs, int count) {
    verify(iovs, Integer.toUnsignedLong(count) * IOVEC_SIZE);
    long[] pairs = new long[count * 2];
    for (int i = 0; i < count; i++) {
      int buf = memory.readI32(Integer.toUnsignedLong(iovs) + (long) i * IOVEC_SIZE);
      int len = memory.readI32(Integer.toUnsignedLong(iovs) + (long) i * IOVEC_SIZE + 4);
      verify(buf, Integer.toUnsignedLong(len));
      pairs[2 * i] = Integer.toUnsignedLong(buf);
      pairs[2 * i + 1] = Integer.toUnsignedLong(len);
    }
    return pairs;
  }

  /** The total length of verified iovecs. */
  public static long totalLength(long[] pairs) {
    long total = 0;
    for (int i = 1; i < pairs.length; i += 2) {
      total += pairs[i];
    }
    return total;
  }

  // The accessors below run after verify(); Memory checks bounds again and would trap, never read stray bytes.

  public int readI32(int ptr) {
    return memory.readI32(Integer.toUnsignedLong(ptr));
  }

  public long readI64(int ptr) {
    return memory.readI64(Integer.toUnsignedLong(ptr));
  }

  public void writeI8(int ptr, int v) {
    memory.writeI8(Integer.toUnsignedLong(ptr), (byte) v);
  }

  public void writeI16(int ptr, int v) {
    memory.writeI16(Integer.toUnsignedLong(ptr), (short) v);
  }

  public void writeI32(int ptr, int v) {
    memory.writeI32(Integer.toUnsignedLong(ptr), v);
  }

  public void writeI64(int ptr, long v) {
    memory.writeI64(Integer.toUnsignedLong(ptr), v);
  }

  public byte[] read(long addr, int len) {
    byte[] b = new byte[len];
    memory.read(addr, b, 0, len);
    return b;
  }

  /**
   * A buffer over verified guest bytes {@code [addr, addr + len)}, for host I/O straight into or out of memory.
   * Valid until memory grows, which cannot happen during a host call.
   */
  public java.nio.ByteBuffer buffer(long addr, long len) {
    return java.nio.ByteBuffer.wrap(memory.bytes(), (int) addr, (int) len);
  }

  public void write(long addr, byte[] src, int off, int len) {
    memory.write(addr, src, off, len);
  }

  /** Reads a verified string; WASI paths are UTF-8 ({@code EILSEQ} if not). */
  public String string(int ptr, int len) {
    verify(ptr, Integer.toUnsignedLong(len));
    byte[] b = read(Integer.toUnsignedLong(ptr), len);
    var decoder = StandardCharsets.UTF_8.newDecoder();
    try {
      return decoder.decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ErrnoException(Errno.ILSEQ);
    }
  }
}
