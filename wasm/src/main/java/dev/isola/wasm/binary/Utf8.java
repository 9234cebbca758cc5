package dev.isola.wasm.binary;

/**
 * Strict UTF-8 validation of names, as the spec defines it: shortest encodings only, no surrogates, nothing
 * above U+10FFFF. The JDK's decoder replaces bad input instead of rejecting it, so names are checked here
 * first and only then turned into a {@link String}.
 */
final class Utf8 {
  private Utf8() {}

  static boolean isWellFormed(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      int cp;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
        cp = c & 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
        cp = c & 0x07;
      } else {
        return false; // a continuation byte, an overlong 2-byte lead (C0, C1) or a lead above U+10FFFF
      }
      if (to - i <= need) {
        return false;
      }
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = cp << 6 | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += need + 1;
    }
    return true;
  }
}
