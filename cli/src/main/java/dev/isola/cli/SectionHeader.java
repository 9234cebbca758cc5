package dev.isola.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one section of a module's bytes lies, for {@code isola inspect}: the decoder's model keeps what the
 * sections say, not where they are. {@link #scan} reads only section headers (id, size, a custom section's
 * name) of bytes the decoder has already accepted, so it needs none of the decoder's error handling.
 *
 * @param id the section id (0 for custom sections)
 * @param customName a custom section's name, else null
 * @param offset where the section's id byte is
 * @param size the size of the section's contents, as its header declares
 */
record SectionHeader(int id, String customName, long offset, long size) {
  private static final String[] NAMES = {
      "custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code",
      "data", "datacount"};

  String name() {
    return id < NAMES.length ? NAMES[id] : "section " + id;
  }

  /** The section headers of a well-formed module, in file order; stops at the first header that does not fit. */
  static List<SectionHeader> scan(byte[] bytes) {
    List<SectionHeader> sections = new ArrayList<>();
    int[] pos = {8}; // after the magic number and the version
    while (pos[0] < bytes.length) {
      int start = pos[0];
      int id = bytes[pos[0]++] & 0xFF;
      long size = u32(bytes, pos);
      long end = pos[0] + size;
      if (size < 0 || end > bytes.length) {
        break;
      }
      String customName = null;
      if (id == 0) {
        long length = u32(bytes, pos);
        if (length < 0 || pos[0] + length > end) {
          break;
        }
        customName = new String(bytes, pos[0], (int) length, StandardCharsets.UTF_8);
      }
      sections.add(new SectionHeader(id, customName, start, size));
      pos[0] = (int) end;
    }
    return sections;
  }

  /** An unsigned LEB128 u32 at {@code pos[0]}, advancing it; -1 if it runs off the end. */
  private static long u32(byte[] bytes, int[] pos) {
    long result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos[0] >= bytes.length) {
        return -1;
      }
      int b = bytes[pos[0]++] & 0xFF;
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    return -1;
  }
}
