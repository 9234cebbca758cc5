package dev.isola.wasm.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the module's bytes: fixed-width and LEB128 integers, lengths, names, with the spec's errors.
 *
 * <p>Reads are bounded by the end of the module, not by the end of the current section: like the reference
 * interpreter, a section that reads past its declared size is reported as "section size mismatch" once it is
 * done, and a read past the end of the module as "unexpected end of section or function". The testsuite's
 * expected messages follow from that choice (a function missing its {@code end} between two functions reads
 * into the next one and fails there).
 *
 * <p>The LEB128 readers follow the reference interpreter's {@code vuN}/{@code vsN} byte by byte, so that an
 * encoding that is both too long and too large gets the same message as there. Single-byte values, by far the
 * most common, take a fast path.
 */
final class ByteReader {
  static final String UNEXPECTED_END = "unexpected end of section or function";

  private final byte[] bytes;
  private final int length;
  private int pos;
  /** The section being decoded, for messages; {@code null} before the first section. */
  private String section;

  ByteReader(byte[] bytes) {
    this.bytes = bytes;
    this.length = bytes.length;
  }

  byte[] bytes() {
    return bytes;
  }

  int pos() {
    return pos;
  }

  int length() {
    return length;
  }

  boolean atEnd() {
    return pos >= length;
  }

  void section(String name) {
    this.section = name;
  }

  MalformedModuleException error(String reason, long offset) {
    return new MalformedModuleException(reason, offset, section);
  }

  /** The next byte without consuming it, or -1 at the end of the module. */
  int peek() {
    return pos < length ? bytes[pos] & 0xFF : -1;
  }

  int u8() {
    if (pos >= length) {
      throw error(UNEXPECTED_END, length);
    }
    return bytes[pos++] & 0xFF;
  }

  void skip(int n) {
    if (n < 0 || n > length - pos) {
      throw error(UNEXPECTED_END, length);
    }
    pos += n;
  }

  /** A fixed-width little-endian 32-bit word (the header, {@code f32.const}). */
  int u32Fixed() {
    if (length - pos < 4) {
      throw error(UNEXPECTED_END, length);
    }
    int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16
        | (bytes[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  /** A fixed-width little-endian 64-bit word ({@code f64.const}, half of a {@code v128.const}). */
  long u64Fixed() {
    long lo = u32Fixed() & 0xFFFF_FFFFL;
    long hi = u32Fixed() & 0xFFFF_FFFFL;
    return lo | hi << 32;
  }

  /** An unsigned LEB128 of at most {@code bits} bits, as the reference interpreter's {@code vuN}. */
  long uleb(int bits) {
    if (pos < length) {
      int b = bytes[pos];
      if (b >= 0 && (bits >= 7 || b < 1 << bits)) {
        pos++;
        return b;
      }
    }
    long result = 0;
    int shift = 0;
    int n = bits;
    while (true) {
      if (n <= 0) {
        throw error("integer representation too long", pos);
      }
      int b = u8();
      if (n < 7 && (b & 0x7F) >= 1 << n) {
        throw error("integer too large", pos - 1);
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
      n -= 7;
    }
  }

  /** A signed LEB128 of at most {@code bits} bits, as the reference interpreter's {@code vsN}. */
  long sleb(int bits) {
    if (pos < length) {
      int b = bytes[pos];
      if (b >= 0) {
        pos++;
        return (b & 0x40) == 0 ? b : b | ~0x7FL;
      }
    }
    long result = 0;
    int shift = 0;
    int n = bits;
    while (true) {
      if (n <= 0) {
        throw error("integer representation too long", pos);
      }
      int b = u8();
      int mask = (-1 << (n - 1)) & 0x7F;
      if (n < 7 && (b & mask) != 0 && (b & mask) != mask) {
        throw error("integer too large", pos - 1);
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        if ((b & 0x40) != 0 && shift < 64) {
          result |= -1L << shift;
        }
        return result;
      }
      n -= 7;
    }
  }

  /** A u32, as the unsigned value in a long. */
  long u32() {
    return uleb(32);
  }

  /**
   * A u32 index. Indices of 2^31 and above are clamped to {@link Integer#MAX_VALUE}: no index space can be that
   * large (every entry takes at least one byte of a Java array), so the validator still reports them as
   * unknown, and nobody downstream has to treat an {@code int} index as unsigned.
   */
  int index() {
    long v = uleb(32);
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  int s32() {
    return (int) sleb(32);
  }

  long s64() {
    return sleb(64);
  }

  /**
   * A vector or string length: a u32 that must not exceed the bytes left in the module (each element takes
   * at least one byte), which keeps every count within an {@code int} and every allocation within the input.
   */
  int len() {
    int start = pos;
    long n = uleb(32);
    // Measured from the start of the length itself, as the reference interpreter does: that decides between
    // "length out of bounds" and "unexpected end" for a vector whose last element is missing.
    if (n > length - start) {
      throw error("length out of bounds", start);
    }
    return (int) n;
  }

  /** Requires the next byte to be {@code expected}. */
  void expect(int expected, String reason) {
    int b = u8();
    if (b != expected) {
      throw error(reason, pos - 1);
    }
  }

  /** A name: a length-prefixed, well-formed UTF-8 string. */
  String name() {
    int start = pos;
    int n = len();
    int from = pos;
    skip(n);
    try {
      // The JDK's UTF-8 decoder reports (by default) exactly what the spec rejects: overlong forms,
      // surrogates and code points above U+10FFFF.
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, n)).toString();
    } catch (CharacterCodingException e) {
      throw error("malformed UTF-8 encoding", start);
    }
  }

  /** A length-prefixed byte string, copied (the data segment's payload). */
  byte[] byteString() {
    int n = len();
    int from = pos;
    skip(n);
    byte[] out = new byte[n];
    System.arraycopy(bytes, from, out, 0, n);
    return out;
  }
}
