package dev.isola.wasm.binary;

import dev.isola.wasm.NameSection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code name} custom section: module name (subsection 0), function names (1) and local names (2).
 * Subsections must come in increasing id order and name maps in increasing index order; other subsections
 * (labels, types, ... from the extended name section) are skipped. A malformed name section is ignored as a
 * whole: it is debugging information and must never make a module fail to load.
 */
final class NameSectionDecoder {
  private NameSectionDecoder() {}

  static NameSection decode(byte[] payload) {
    try {
      return read(new ByteReader(payload));
    } catch (MalformedModuleException e) {
      return NameSection.EMPTY;
    }
  }

  private static NameSection read(ByteReader r) {
    Optional<String> moduleName = Optional.empty();
    Map<Integer, String> functionNames = Map.of();
    Map<Integer, Map<Integer, String>> localNames = Map.of();
    int lastId = -1;
    while (!r.atEnd()) {
      int id = r.u8();
      if (id <= lastId) {
        throw r.error("name subsections out of order", r.pos() - 1);
      }
      lastId = id;
      int size = r.len();
      int end = r.pos() + size;
      switch (id) {
        case 0 -> moduleName = Optional.of(r.name());
        case 1 -> functionNames = nameMap(r);
        case 2 -> {
          int n = r.len();
          Map<Integer, Map<Integer, String>> all = new HashMap<>();
          long last = -1;
          for (int i = 0; i < n; i++) {
            long index = r.u32();
            if (index <= last) {
              throw r.error("name map out of order", r.pos());
            }
            last = index;
            all.put((int) index, nameMap(r));
          }
          localNames = all;
        }
        default -> r.skip(size);
      }
      if (r.pos() != end) {
        throw r.error("section size mismatch", end);
      }
    }
    return new NameSection(moduleName, functionNames, localNames);
  }

  private static Map<Integer, String> nameMap(ByteReader r) {
    int n = r.len();
    Map<Integer, String> names = new HashMap<>();
    long last = -1;
    for (int i = 0; i < n; i++) {
      long index = r.u32();
      if (index <= last) {
        throw r.error("name map out of order", r.pos());
      }
      last = index;
      names.put((int) index, r.name());
    }
    return names;
  }
}
