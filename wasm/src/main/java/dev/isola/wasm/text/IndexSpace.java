package dev.isola.wasm.text;

import java.util.HashMap;
import java.util.Map;

/**
 * One index space of the text format (types, functions, tables, memories, globals, element and data
 * segments, locals): the identifiers bound in it and how many entries it has. Entries are numbered in the
 * order they are added.
 */
final class IndexSpace {
  private final String duplicateWord;
  private final String unknownWord;
  private final Map<String, Integer> names = new HashMap<>();
  private int count;

  IndexSpace(String duplicateWord, String unknownWord) {
    this.duplicateWord = duplicateWord;
    this.unknownWord = unknownWord;
  }

  /** Adds an entry, named {@code id} unless that is {@code null}; returns its index. */
  int add(String id, Token at) {
    if (id != null) {
      if (names.containsKey(id)) {
        throw Tokens.error("duplicate " + duplicateWord + " " + id, at);
      }
      names.put(id, count);
    }
    return count++;
  }

  /** Index to identifier without its {@code $}, for the {@link dev.isola.wasm.NameSection}. */
  Map<Integer, String> names() {
    Map<Integer, String> out = new HashMap<>();
    names.forEach((id, index) -> out.put(index, id.substring(1)));
    return out;
  }

  int count() {
    return count;
  }

  static boolean isIndex(Token t) {
    return t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.ID;
  }

  /** The index a numeric or symbolic reference names. A numeric index is not checked against the count. */
  int resolve(Token t) {
    if (t.kind() == Token.Kind.ID) {
      Integer index = names.get(t.text());
      if (index == null) {
        throw Tokens.error("unknown " + unknownWord + " " + t.text(), t);
      }
      return index;
    }
    return u32(t);
  }

  /** A u32 literal as an int; indices of 2^31 and above become {@link Integer#MAX_VALUE}, as in the decoder. */
  static int u32(Token t) {
    long v = Literals.unsigned(t, 32);
    if (v < 0) {
      throw Tokens.error("constant out of range", t);
    }
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }
}
