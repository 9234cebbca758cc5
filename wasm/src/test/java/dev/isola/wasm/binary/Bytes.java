package dev.isola.wasm.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small binary modules for tests: sections are given as payloads, sizes are filled in. */
final class Bytes {
  private Bytes() {}

  static final int[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  /** A module: the header, then the given sections (already framed by {@link #section}). */
  static byte[] module(byte[]... sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(of(HEADER));
    for (byte[] s : sections) {
      out.writeBytes(s);
    }
    return out.toByteArray();
  }

  /** A section: id, u32 size, payload. */
  static byte[] section(int id, int... payload) {
    return section(id, of(payload));
  }

  static byte[] section(int id, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(id);
    out.writeBytes(uleb(payload.length));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** Concatenates byte arrays. */
  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] of(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] uleb(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    do {
      int b = (int) (value & 0x7F);
      value >>>= 7;
      out.write(value == 0 ? b : b | 0x80);
    } while (value != 0);
    return out.toByteArray();
  }

  /** A name: u32 length and the UTF-8 bytes. */
  static byte[] name(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return cat(uleb(utf8.length), utf8);
  }

  /** A type section with the single type {@code [] -> []}, a function section and a code section with one body. */
  static byte[] oneFunction(int... body) {
    byte[] code = cat(uleb(body.length), of(body));
    return module(section(1, 0x01, 0x60, 0x00, 0x00), section(3, 0x01, 0x00), section(10, cat(of(0x01), code)));
  }
}
