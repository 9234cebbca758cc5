package dev.isola.hal.need;

import dev.isola.hal.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one record, {@code KIND LABEL[ KEY=VALUE]*}, from a byte range of the section. Fields are separated by
 * exactly one space: the format is written by a macro, not by hand, so there is no reason to accept variants that
 * two tools could then read differently. Offsets are kept per field so every message points at the byte.
 */
final class RecordReader {
  private final byte[] bytes;
  private final int start;
  private final int end;

  private RecordReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
  }

  /** A field: its text and where it starts. */
  private record Field(String text, int offset) {}

  static Need read(byte[] bytes, int start, int end) throws NeedException {
    return new RecordReader(bytes, start, end).read();
  }

  private Need read() throws NeedException {
    List<Field> fields = fields();
    Field kindField = fields.getFirst();
    Kind kind = Kind.of(kindField.text()).orElseThrow(() -> new NeedException(NeedError.UNKNOWN_KIND,
        kindField.offset(), "unknown kind \"" + kindField.text() + "\" (expected " + kinds() + ")"));
    if (fields.size() < 2) {
      throw new NeedException(NeedError.SYNTAX, end, "a " + kind.keyword() + " record has no label (a record is"
          + " KIND LABEL[ KEY=VALUE]*)");
    }
    Field labelField = fields.get(1);
    if (!Need.isLabel(labelField.text())) {
      throw new NeedException(NeedError.BAD_LABEL, labelField.offset(), "bad label \"" + labelField.text()
          + "\" (1 to 32 of a-z, 0-9, '_' and '-', starting with a letter)");
    }
    List<Constraint> constraints = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Field f : fields.subList(2, fields.size())) {
      int eq = f.text().indexOf('=');
      if (eq <= 0) {
        throw new NeedException(NeedError.SYNTAX, f.offset(), "expected KEY=VALUE, found \"" + f.text() + "\"");
      }
      String key = f.text().substring(0, eq);
      String value = f.text().substring(eq + 1);
      // The value starts after the key and '='; keys are ASCII, so characters are bytes here.
      int valueOffset = f.offset() + eq + 1;
      List<String> keys = ConstraintKeys.of(kind);
      if (!keys.contains(key)) {
        throw new NeedException(NeedError.UNKNOWN_KEY, f.offset(), "kind " + kind.keyword() + " has no key \"" + key
            + "\" (" + (keys.isEmpty() ? "it takes none" : "it takes " + String.join(", ", keys)) + ")");
      }
      if (!seen.add(key)) {
        throw new NeedException(NeedError.DUPLICATE_KEY, f.offset(), "key " + key + " is given twice");
      }
      try {
        constraints.add(ConstraintKeys.parse(kind, key, value));
      } catch (IllegalArgumentException e) {
        throw new NeedException(NeedError.BAD_VALUE, valueOffset, key + ": " + e.getMessage());
      }
    }
    return new Need(kind, labelField.text(), constraints, start);
  }

  /** The record split at single spaces; an empty field (two spaces, a space at either end) is a mistake. */
  private List<Field> fields() throws NeedException {
    List<Field> fields = new ArrayList<>();
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || bytes[i] == ' ') {
        if (i == from) {
          throw new NeedException(NeedError.SYNTAX, i, "empty field (fields are separated by exactly one space,"
              + " with none at either end)");
        }
        fields.add(new Field(text(from, i), from));
        from = i + 1;
      }
    }
    return fields;
  }

  private String text(int from, int to) throws NeedException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NeedException(NeedError.NOT_UTF8, from, "the record is not UTF-8");
    }
  }

  private static String kinds() {
    return Arrays.stream(Kind.values()).map(Kind::keyword).collect(Collectors.joining(", "));
  }
}
