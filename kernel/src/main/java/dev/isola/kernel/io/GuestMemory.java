package dev.isola.kernel.io;

import dev.isola.runtime.Caller;
import dev.isola.runtime.Memory;

/**
 * The caller's memory 0, as the I/O calls see it: the one place guest pointers are checked (verify first:
 * style.md rule 9). A pointer is unsigned; a length is a non-negative i32; {@code [ptr, ptr+len)} must lie
 * inside the memory as it is at the time of the call. A buffer checked before a blocking call is still inside
 * after it: another context may {@code memory.grow} meanwhile, but a memory never shrinks (and the call copies
 * its buffers in before and out after, never lending them).
 */
final class GuestMemory {
  private final Memory memory;

  private GuestMemory(Memory memory) {
    this.memory = memory;
  }

  /** The caller's memory 0 (a module without a memory has an empty one: every non-empty buffer is bad). */
  static GuestMemory of(Caller caller) {
    return new GuestMemory(caller.memory(0));
  }

  /** Whether {@code [ptr, ptr+len)} lies inside the memory (a zero length at any pointer up to the end does). */
  boolean holds(int ptr, int len) {
    long size = memory == null ? 0 : memory.bytes().length;
    return len >= 0 && Integer.toUnsignedLong(ptr) + len <= size;
  }

  /** The bytes of a buffer {@link #holds} accepted. */
  byte[] read(int ptr, int len) {
    byte[] bytes = new byte[len];
    if (len > 0) {
      memory.read(Integer.toUnsignedLong(ptr), bytes, 0, len);
    }
    return bytes;
  }

  /** Copies {@code n} bytes of {@code bytes} to a buffer {@link #holds} accepted (n at most its length). */
  void write(int ptr, byte[] bytes, int n) {
    if (n > 0) {
      memory.write(Integer.toUnsignedLong(ptr), bytes, 0, n);
    }
  }

  /** The little-endian i32 at {@code ptr} (checked by {@link #holds}{@code (ptr, 4)}). */
  int readI32(int ptr) {
    return memory.readI32(Integer.toUnsignedLong(ptr));
  }
}
